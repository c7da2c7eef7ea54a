/**
 * parse-english as copydesk runs it: the same trees, made with less work and far less garbage.
 * copydesk parses the text of every block on its own, millions of words in a large run, and the
 * stock parser made most of the garbage of parsing (its tokenizer tests three Unicode expressions
 * per character and makes three points per word; its implicit-sentence check splits every white
 * space node into an array of lines).
 */
import type {Paragraph, Sentence, SentenceContent, WhiteSpace} from 'nlcst'
import type {Point} from 'unist'
import {ParseEnglish} from 'parse-english'
import {sentencePlugins} from './english-sentence.js'

/** The kinds of token parse-latin's tokenizer makes, by the node type it gives them. */
type TokenType = 'WordNode' | 'WhiteSpaceNode' | 'PunctuationNode' | 'SymbolNode'
const tokenTypes: readonly TokenType[] = ['WordNode', 'WhiteSpaceNode', 'PunctuationNode', 'SymbolNode']

const stock = new ParseEnglish()

// The token type of each UTF-16 code unit, as the stock tokenizer gives a text of that one unit
// (its expressions test one unit at a time): asked once per unit, kept as its index in
// `tokenTypes` plus one, 0 while not yet asked.
const tokenTypeIndexes = new Uint8Array(0x10000)

/** The type of token parse-latin puts the code unit `code` in. */
function tokenTypeIndexOf(code: number): number {
  let index = tokenTypeIndexes[code]
  if (index === 0) {
    const type = stock.tokenize(String.fromCharCode(code))[0].type as TokenType
    index = tokenTypeIndexes[code] = tokenTypes.indexOf(type) + 1
  }
  return index - 1
}

const WORD = tokenTypes.indexOf('WordNode')
const WHITE_SPACE = tokenTypes.indexOf('WhiteSpaceNode')
const CR = 0x0d
const LF = 0x0a

/** Whether a code unit is half of a surrogate pair. */
const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff

/**
 * Whether the unit `code` of type `type` continues the token before it, as parse-latin decides:
 * a run of word characters or of white space, of one repeated mark, or of surrogates.
 */
function continuesToken(previousType: number, previousCode: number, type: number, code: number): boolean {
  return type === previousType && (type === WORD || type === WHITE_SPACE || code === previousCode || isSurrogate(code))
}

/** A token as parse-latin makes it: a word holds its text in a text node. */
function tokenNode(type: number, value: string, start: Point, end: Point): SentenceContent {
  if (type === WORD) {
    return {type: 'WordNode', children: [{type: 'TextNode', value, position: {start, end}}], position: {start, end}}
  }
  return {type: tokenTypes[type], value, position: {start, end}} as SentenceContent
}

/**
 * The number of line breaks (`\r\n`, `\r` or `\n`) in `value`, counting up to `enough` at most:
 * what `value.split(/\r\n|\r|\n/).length - 1` gives, without the array.
 */
export function lineBreaksIn(value: string, enough = Infinity): number {
  let count = 0
  for (let index = 0; index < value.length && count < enough; index++) {
    const code = value.charCodeAt(index)
    if (code === LF) count++
    else if (code === CR) {
      count++
      if (value.charCodeAt(index + 1) === LF) index++
    }
  }
  return count
}

/**
 * parse-latin's break-implicit-sentences, which splits a sentence at white space that holds a
 * blank line (two line breaks or more), with the same result: the stock plugin split the text of
 * every white space node of the paragraph into lines to count them.
 */
function breakImplicitSentences(paragraph: Paragraph): void {
  const siblings = paragraph.children
  // Nodes inserted after a sentence are visited next, as the stock plugin's iteration does.
  for (let index = 0; index < siblings.length; index++) {
    const sentence = siblings[index]
    if (sentence.type !== 'SentenceNode') continue
    const children = sentence.children
    for (let position = 1; position < children.length - 1; position++) {
      const node = children[position]
      if (node.type !== 'WhiteSpaceNode' || lineBreaksIn(node.value, 2) < 2) continue
      sentence.children = children.slice(0, position)
      const insertion: Sentence = {type: 'SentenceNode', children: children.slice(position + 1)}
      const tail = children[position - 1]
      const head = children[position + 1]
      siblings.splice(index + 1, 0, node as WhiteSpace, insertion)
      if (sentence.position && tail.position && head.position) {
        const end = sentence.position.end
        sentence.position.end = tail.position.end
        insertion.position = {start: head.position.start, end}
      }
      break
    }
  }
}

/** Where the tokens of a text are placed: the point of a token that starts, and of one that ends, at an index of the text. */
export interface TokenPlaces {
  start(index: number): Point
  end(index: number): Point
}

/**
 * parse-english with a cheaper tokenizer and implicit-sentence check, which make the same nodes
 * (a test compares its trees with the stock parser's on many texts). Its tokens share their
 * boundary points (a word's end is the next token's start): no plugin changes a point, they move
 * whole points between nodes.
 */
export class EnglishParser extends ParseEnglish {
  /** Where `tokenize` places its tokens; points in the text itself when not set. */
  private places: TokenPlaces | undefined

  constructor() {
    super()
    // parse-english 7 runs parse-latin's break-implicit-sentences third from last of its paragraph
    // plugins, before remove-empty-nodes and patch-position.
    const plugins = this.tokenizeParagraphPlugins
    if (plugins.length !== 13) throw new Error(`copydesk: parse-english has ${plugins.length} paragraph plugins, not the 13 of version 7`)
    plugins[plugins.length - 3] = breakImplicitSentences
    this.tokenizeSentencePlugins = [...sentencePlugins]
  }

  /**
   * The paragraph `tokenizeParagraph` makes of `value`, with every token placed by `places`. The
   * plugins only move points from the first or last token of a node to the node, so every point
   * of the tree is one `places` gave: placing the tokens places the tree, with no second pass.
   */
  tokenizeParagraphAt(value: string, places: TokenPlaces): Paragraph {
    this.places = places
    try {
      return this.tokenizeParagraph(value)
    } finally {
      this.places = undefined
    }
  }

  /** The tokens of `value`, as parse-latin's tokenizer makes them. */
  override tokenize(value: string | null | undefined): SentenceContent[] {
    const tokens: SentenceContent[] = []
    if (!value) return tokens
    const places = this.places
    let start: Point = places ? places.start(0) : {line: 1, column: 1, offset: 0}
    let line = 1
    let column = 1
    let from = 0
    let previousType = -1
    let previousCode = -1
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index)
      const type = tokenTypeIndexOf(code)
      if (index > from && !continuesToken(previousType, previousCode, type, code)) {
        const end: Point = places ? places.end(index) : {line, column, offset: index}
        tokens.push(tokenNode(previousType, value.slice(from, index), start, end))
        start = places ? places.start(index) : end
        from = index
      }
      if (code === CR || (code === LF && previousCode !== CR)) {
        line++
        column = 1
      } else if (code !== LF) {
        column++
      }
      previousType = type
      previousCode = code
    }
    const end = places ? places.end(value.length) : {line, column, offset: value.length}
    tokens.push(tokenNode(previousType, value.slice(from), start, end))
    return tokens
  }
}
