/**
 * parse-english's sentence plugins, which merge punctuation into the words around it (`w/`,
 * `'tis`, `AT&T`, `well-`, `and/or`, `U.S.`), with the same results. The stock plugins each walk
 * every token of a block's text through two calls and a `toString` per token; all of them act on
 * punctuation and symbols only, so these visit just those (a tenth of the tokens), in the same
 * order and with the same moves back and forth as the stock iteration.
 */
import type {Punctuation, Sentence, SentenceContent, Symbol as SymbolNode, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import type {Position} from 'unist'

type Mark = Punctuation | SymbolNode

/**
 * What a sentence plugin does with one mark at `index` of `siblings`: it may return where the
 * iteration goes on (unist-util-modify-children's contract), else it goes on after `index`.
 */
type MarkModifier = (mark: Mark, index: number, siblings: SentenceContent[]) => number | undefined

/**
 * Calls `modify` for each punctuation mark and symbol of `sentence` as unist-util-modify-children
 * (and, for modifiers that return nothing, unist-util-visit-children) would call it for every
 * child: the stock modifiers return at once for any other child.
 */
function forEachMark(sentence: Sentence, modify: MarkModifier): void {
  const siblings = sentence.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    if (child.type !== 'PunctuationNode' && child.type !== 'SymbolNode') continue
    const next = modify(child, index, siblings)
    // A negative index starts over (array-iterate).
    if (next !== undefined) index = Math.max(next, 0) - 1
  }
}

const isApostrophe = (value: string): boolean => value === "'" || value === '’'
// parse-english's expressions for elided words (`'tis`, `ol'`) and parse-latin's for inner-word symbols.
const elisionPrefix = /^(ol?)$/
const elisionAffix = /^(t(?:were|(?:wa|i)s)|cause|e[mr]|im|\d\ds?)$/
const wordSymbolInner = /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/

/** parse-english's mergeEnglishElisionExceptions: `w/`, `ol'`, `'tis`, `'n'`. */
const mergeEnglishElisionExceptions: MarkModifier = (child, index, siblings) => {
  const length = siblings.length
  const value = child.value
  if (value === '/') {
    const sibling = siblings[index - 1]
    if (sibling && sibling.type === 'WordNode' && toString(sibling).toLowerCase() === 'w') {
      siblings.splice(index, 1)
      sibling.children.push(child)
      if (sibling.position && child.position) sibling.position.end = child.position.end
    }
    return undefined
  }
  if (!isApostrophe(value)) return undefined
  const previous = siblings[index - 1]
  if (
    index > 2 &&
    index < length - 1 &&
    previous.type === 'WordNode' &&
    siblings[index - 2].type === 'WhiteSpaceNode' &&
    siblings[index + 1].type === 'WhiteSpaceNode' &&
    elisionPrefix.test(toString(previous).toLowerCase())
  ) {
    siblings.splice(index, 1)
    previous.children.push(child)
    if (previous.position && child.position) previous.position.end = child.position.end
    return undefined
  }
  if (index !== length - 1 && siblings[index + 1].type === 'WordNode' && (index === 0 || siblings[index - 1].type !== 'WordNode')) {
    const sibling = siblings[index + 1] as Word
    const next = toString(sibling).toLowerCase()
    const other = siblings[index + 2]
    if (elisionAffix.test(next)) {
      siblings.splice(index, 1)
      sibling.children.unshift(child)
      if (sibling.position && child.position) sibling.position.start = child.position.start
    } else if (next === 'n' && other && other.type === 'PunctuationNode' && isApostrophe(other.value)) {
      siblings.splice(index, 1)
      siblings.splice(index + 1, 1)
      sibling.children.unshift(child)
      sibling.children.push(other)
      if (sibling.position) {
        if (child.position) sibling.position.start = child.position.start
        if (other.position) sibling.position.end = other.position.end
      }
    }
  }
  return undefined
}

/** parse-latin's mergeInitialWordSymbol: `&` into the word after it (`&c`). */
const mergeInitialWordSymbol: MarkModifier = (child, index, children) => {
  if (child.value !== '&') return undefined
  const next = children[index + 1]
  if ((index > 0 && children[index - 1].type === 'WordNode') || !(next && next.type === 'WordNode')) return undefined
  children.splice(index, 1)
  next.children.unshift(child)
  if (next.position && child.position) next.position.start = child.position.start
  return index - 1
}

/** parse-latin's mergeFinalWordSymbol: `-` into the word before it, when no word follows (`well- and`). */
const mergeFinalWordSymbol: MarkModifier = (child, index, children) => {
  if (index === 0 || child.value !== '-') return undefined
  const previous = children[index - 1]
  const next = children[index + 1]
  if ((!next || next.type !== 'WordNode') && previous && previous.type === 'WordNode') {
    children.splice(index, 1)
    previous.children.push(child)
    if (previous.position && child.position) previous.position.end = child.position.end
    return index
  }
  return undefined
}

/**
 * parse-latin's mergeInnerWordSymbol: words joined by inner-word symbols (`AT&T`, `e-mail`, `x_y`) into
 * one. The run of words and inner-word symbols from the mark is found first, and its tokens gathered
 * only when it holds a word: the stock plugin made two arrays for every mark after a word (every comma).
 */
const mergeInnerWordSymbol: MarkModifier = (_, index, siblings) => {
  if (index === 0) return undefined
  const previous = siblings[index - 1]
  if (!previous || previous.type !== 'WordNode') return undefined
  let lastWord = -1
  for (let position = index; position < siblings.length; position++) {
    const sibling = siblings[position]
    if (sibling.type === 'WordNode') lastWord = position
    else if (!((sibling.type === 'SymbolNode' || sibling.type === 'PunctuationNode') && wordSymbolInner.test(sibling.value))) break
  }
  if (lastWord < 0) return undefined
  const tokens: Word['children'] = []
  for (let position = index; position <= lastWord; position++) {
    const sibling = siblings[position]
    if (sibling.type === 'WordNode') tokens.push(...sibling.children)
    else tokens.push(sibling as Mark)
  }
  siblings.splice(index, lastWord + 1 - index)
  previous.children.push(...tokens)
  const last = tokens[tokens.length - 1]
  if (previous.position && last.position) previous.position.end = last.position.end
  return index
}

/** parse-latin's mergeInnerWordSlash: short words joined by a slash (`n/a`, `km/h`) into one. */
const mergeInnerWordSlash: MarkModifier = (child, index, siblings) => {
  const previous = siblings[index - 1]
  if (!(previous && previous.type === 'WordNode' && child.value === '/')) return undefined
  const previousValue = toString(previous)
  let tail: SentenceContent = child
  const queue: Word['children'] = [child]
  let count = 1
  let nextValue = ''
  const next = siblings[index + 1]
  if (next && next.type === 'WordNode') {
    nextValue = toString(next)
    tail = next
    queue.push(...next.children)
    count++
  }
  if (previousValue.length < 3 && (!nextValue || nextValue.length < 3)) {
    previous.children.push(...queue)
    siblings.splice(index, count)
    if (previous.position && tail.position) previous.position.end = tail.position.end
    return index
  }
  return undefined
}

// parse-latin's own mergeInitialisms (sixth of parse-english 7's seven), run on a mark and the word before it alone: all it reads.
const stockSentencePlugins = new ParseEnglish().tokenizeSentencePlugins
if (stockSentencePlugins.length !== 7) throw new Error(`copydesk: parse-english has ${stockSentencePlugins.length} sentence plugins, not the 7 of version 7`)
const stockMergeInitialisms = stockSentencePlugins[5]

/**
 * parse-latin's mergeInitialisms: a full stop into the initialism before it (`U.S.`, not `1.5.`).
 * Only a word of three or more children, odd in number, can be one (rare); the stock plugin
 * judges that word and the mark, which keeps its test of digits.
 */
const mergeInitialisms: MarkModifier = (child, index, siblings) => {
  if (index === 0 || child.type !== 'PunctuationNode' || child.value !== '.') return undefined
  const previous = siblings[index - 1]
  if (previous.type !== 'WordNode' || previous.children.length === 1 || previous.children.length % 2 === 0) return undefined
  const pair: Sentence = {type: 'SentenceNode', children: [previous, child]}
  stockMergeInitialisms(pair)
  if (pair.children.length === 2) return undefined
  siblings.splice(index, 1)
  return index
}

/** parse-latin's patchPosition for a sentence without a position: from its first child's start to its last's end. */
function patchSentencePosition(sentence: Sentence): void {
  const children = sentence.children
  const first = children[0]
  const last = children[children.length - 1]
  if (first?.position) sentence.position = {start: first.position.start} as Position
  if (last?.position) {
    sentence.position ??= {} as Position
    sentence.position.end = last.position.end
  }
}

/** The stock sentence plugins, in parse-english's order. */
export const sentencePlugins: ReadonlyArray<(sentence: Sentence) => void> = [
  (sentence) => forEachMark(sentence, mergeEnglishElisionExceptions),
  (sentence) => forEachMark(sentence, mergeInitialWordSymbol),
  (sentence) => forEachMark(sentence, mergeFinalWordSymbol),
  (sentence) => forEachMark(sentence, mergeInnerWordSymbol),
  (sentence) => forEachMark(sentence, mergeInnerWordSlash),
  (sentence) => forEachMark(sentence, mergeInitialisms),
  patchSentencePosition
]
