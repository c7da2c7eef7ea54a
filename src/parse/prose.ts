/**
 * Turns the flattened text of one block into an nlcst paragraph whose
 * positions point into the original file.
 */
import type {Nodes, Paragraph, Parents as NlcstParent, Sentence, Source} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {remember} from '../derived.js'
import type {Block, Point, Prose} from '../types.js'
import {EnglishParser, type TokenPlaces} from './english.js'
import type {LinePoints} from './lines.js'

/** Maps a file offset to a point; built once per file. */
export type ToPoint = (offset: number) => Point

/** The points of a file, as an object (`LinePoints`): a method every file shares, which V8 optimizes once. */
export type PointSource = Pick<LinePoints, 'pointAt'>

/** Stands in the prose for an inline image, inline HTML or a footnote reference (U+FFFC OBJECT REPLACEMENT CHARACTER). */
export const INLINE_OBJECT = '\uFFFC'

const english = new EnglishParser()

// Things that look like words but are not prose: addresses, domains, file names. Each starts only
// where its run of name characters starts (a lookbehind, not `\b`): with `\b`, every dot or dash in
// a long run such as `a.a.a.…` was a new start and a new scan to the run's end, quadratic in its length.
const url = /(?<![a-z\d+.-])(?:[a-z][a-z\d+.-]*:\/\/|www\.|mailto:)[^\s<>"“”()[\]]*[^\s<>"“”()[\].,;:!?'’]/giu
const email = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gu
const domain =
  /(?<![a-z\d.-])(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+(?:com|org|net|edu|gov|mil|int|io|co|ai|app|dev|info|biz|me|tv|us|uk|de|fr|eu|ru|cn|jp|in|au|ca|nl|it|es|se|no|ch|pl|br|ly|gl|xyz|news|online|site|tech|blog)\b(?:\/[^\s<>"“”()]*[^\s<>"“”().,;:!?'’])?/giu
const fileName =
  /(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:md|markdown|txt|json|js|mjs|cjs|ts|tsx|jsx|py|rb|go|rs|java|c|h|cpp|html?|css|csv|tsv|pdf|docx?|xlsx?|pptx?|png|jpe?g|gif|svg|webp|zip|gz|tar|exe|ya?ml|xml|toml|ini|sh|log)\b/gu
// Top-level domains that are also sentence openers: `history.In 1950` is a missing space, not a domain.
const wordDomains = new Set(['in', 'it', 'me', 'no', 'us', 'news', 'online', 'site', 'blog', 'app', 'tech', 'dev', 'info'])
const isSentenceNotDomain = (match: string): boolean => {
  const dots = match.split('.')
  const last = dots.at(-1)!
  return dots.length === 2 && /^\p{Lu}\p{Ll}*$/u.test(last) && wordDomains.has(last.toLowerCase())
}
const codeSpan = /(`+)(?!`)([^`]|(?!\1)`)*?\1(?!`)/gu

const mayHoldAddress = /www\.|mailto:/iu
// A dot right before a letter: every domain (before its top-level domain) and file name (before its extension) has one.
const dotBeforeLetter = /\.[\p{L}\p{N}]/u

/** Each kind of literal, with a quick test that a text may hold one (no match is possible where it fails). */
const literalKinds: ReadonlyArray<[RegExp, (text: string) => boolean]> = [
  [codeSpan, (text) => text.includes('`')],
  // Each address has `://`, or `www.` or `mailto:` in any case: the expression, tried at every letter, is far slower than these searches.
  [url, (text) => text.includes('://') || mayHoldAddress.test(text)],
  [email, (text) => text.includes('@')],
  [domain, (text) => dotBeforeLetter.test(text)],
  [fileName, (text) => dotBeforeLetter.test(text)]
]

/**
 * Finds ranges of `text` that are not prose: code spans, URLs, e-mail
 * addresses, domains and file names. Rules skip these ranges.
 */
export function findLiterals(text: string, extra: Array<[number, number]> = []): Array<[number, number]> {
  const ranges = [...extra]
  for (const [expression, mayHold] of literalKinds) {
    // Most prose holds none of these: a quick search for what each needs skips the expression.
    if (!mayHold(text)) continue
    expression.lastIndex = 0
    for (const match of text.matchAll(expression)) {
      if (expression === domain && isSentenceNotDomain(match[0])) continue
      ranges.push([match.index, match.index + match[0].length])
    }
  }
  return mergeRanges(ranges)
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const range of ranges) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

/** Whether index `index` of the prose text falls in one of its literal ranges (sorted, not overlapping). */
export function inLiteral(literals: ReadonlyArray<[number, number]>, index: number): boolean {
  // Binary search: a long line can hold thousands of literals, and every word and mark asks.
  let low = 0
  let high = literals.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const [start, end] = literals[middle]
    if (index < start) high = middle - 1
    else if (index >= end) low = middle + 1
    else return true
  }
  return false
}

export interface ProseSource {
  block: Block
  cell?: {row: number; cell: number}
  text: string
  offsets: number[]
  /** Where each character's source ends, when that is not `offsets[i] + 1`. */
  ends?: number[]
  /** Literal ranges already known from the syntax (Markdown inline code). */
  literals?: Array<[number, number]>
}

/**
 * Parses flattened prose with parse-english, every position in the original
 * file. Words inside literal ranges become `SourceNode`s, so that
 * rules such as spelling skip them as retext plugins expect.
 */
export function makeProse(source: ProseSource, points: PointSource): Prose {
  const {text, offsets} = source
  const ends = source.ends ?? offsets.map((offset) => offset + 1)
  const literals = findLiterals(text, source.literals)
  const places = new ProsePlaces(offsets, ends, points)
  // The whole text as one paragraph, its tokens placed in the file as they are made: parse-english's
  // root would split it at line breaks into paragraphs of the same sentences and white space, in the
  // same order, which copydesk joined again.
  const paragraph: Paragraph = english.tokenizeParagraphAt(text, places)
  if (text.length > 0) paragraph.position = {start: places.start(0), end: places.end(text.length)}
  markLiteralsAndSentences(paragraph, literals, 0)
  paragraph.data = {block: source.block.index}
  return {block: source.block, cell: source.cell, text, offsets, ends, literals, node: paragraph}
}

/**
 * Where the tokens of one prose text stand in the file. A class, not closures made for each text:
 * V8 optimized each new closure of a hot function on its own, again and again over a run.
 */
class ProsePlaces implements TokenPlaces {
  // Neighbouring tokens share their boundaries (a word's end and the next space's start): the last
  // two points made are handed out again rather than made anew, which spares about half of the
  // millions of points a large run would make.
  private lastOffset = -1
  private lastPoint: Point | undefined = undefined
  private previousOffset = -1
  private previousPoint: Point | undefined = undefined

  constructor(
    private readonly offsets: readonly number[],
    private readonly ends: readonly number[],
    private readonly points: PointSource
  ) {}

  /** The point where a token starting at `local` in the text starts in the file. */
  start(local: number): Point {
    return this.pointAt(this.fileOffsetOfStart(local))
  }

  /** The point where a token ending at `local` in the text ends in the file. */
  end(local: number): Point {
    return this.pointAt(local === 0 ? this.fileOffsetOfStart(0) : this.ends[Math.min(local, this.ends.length) - 1])
  }

  private fileOffsetOfStart(local: number): number {
    const offsets = this.offsets
    return local < offsets.length ? offsets[local] : offsets.length > 0 ? offsets[offsets.length - 1] + 1 : 0
  }

  private pointAt(offset: number): Point {
    if (offset === this.lastOffset) return this.lastPoint!
    if (offset === this.previousOffset) return this.previousPoint!
    this.previousOffset = this.lastOffset
    this.previousPoint = this.lastPoint
    this.lastOffset = offset
    this.lastPoint = this.points.pointAt(offset)
    return this.lastPoint
  }
}

/**
 * Turns the words of `parent` in literal ranges into `SourceNode`s and notes where each of its
 * sentences stands in the prose text, from `local`, where its first child starts in the text; returns
 * where it ends. Where a node stands follows from the lengths of the leaves before it, whose values
 * are the text in order: its position is already the file's.
 */
function markLiteralsAndSentences(parent: NlcstParent, literals: ReadonlyArray<[number, number]>, local: number): number {
  const children = parent.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    const start = local
    if (child.type === 'WordNode' && literals.length > 0 && inLiteral(literals, start)) {
      const literal: Source = {type: 'SourceNode', value: toString(child), position: child.position}
      children[index] = literal
      local += literal.value.length
    } else if ('value' in child) {
      local += child.value.length
    } else {
      local = markLiteralsAndSentences(child, literals, local)
    }
    if (child.type === 'SentenceNode') remember(child, SENTENCE_RANGE, [start, local])
  }
  return local
}

/**
 * The text of an nlcst node, as nlcst-to-string's `toString` gives it, but without joining a new
 * string for a node with one text child (most words): several rules ask for the text of every
 * word, and handing each the same string also spares hashing it again for their lookups.
 */
export function nodeText(node: Nodes): string {
  if ('value' in node) return node.value
  const children = node.children
  if (children.length === 1 && 'value' in children[0]) return children[0].value
  return toString(node)
}

// Where each sentence stands in its prose text (its positions are the file's), kept on the sentence (see derived.ts).
const SENTENCE_RANGE = Symbol('sentence range')

/**
 * The text of a sentence of `prose`, as `nodeText` gives it: a slice of the prose text, where
 * joining the text of its every node would build a string per word and punctuation mark.
 */
export function sentenceText(prose: Prose, sentence: Sentence): string {
  const range = sentenceRange(sentence)
  return range ? prose.text.slice(range[0], range[1]) : nodeText(sentence)
}

/** Where a sentence of a prose paragraph stands in its text: `[start, end)` of `prose.text` (none for a node that is not one of its sentences). */
export function sentenceRange(sentence: Sentence): readonly [number, number] | undefined {
  return (sentence as Sentence & {[SENTENCE_RANGE]?: [number, number]})[SENTENCE_RANGE]
}

/** The sentences of a prose paragraph. */
export function sentencesOf(prose: Prose): Sentence[] {
  return prose.node.children.filter((child): child is Sentence => child.type === 'SentenceNode')
}

declare module 'nlcst' {
  interface Data {
    /** Index of the block (in `Article.blocks`) this node's prose comes from. */
    block?: number
  }
}

/** The file position of `prose.text.slice(from, to)`. */
export function proseRange(prose: Prose, toPoint: ToPoint, from: number, to: number): {start: Point; end: Point} {
  const {offsets, ends} = prose
  const start = from < offsets.length ? offsets[from] : ends[ends.length - 1]
  const end = to > from ? ends[Math.min(to, ends.length) - 1] : start
  return {start: toPoint(start), end: toPoint(end)}
}

/**
 * Whether `prose.text.slice(from, to)` comes from one unbroken run of the source, with no markup
 * dropped in between (`a  [ b](url)` puts a `[` between the spaces): only then can a fix replace
 * the source range with new text and change nothing but what the message reports.
 */
export function isContiguousInSource(prose: Prose, from: number, to: number): boolean {
  for (let index = from; index + 1 < to; index++) {
    if (prose.ends[index] !== prose.offsets[index + 1]) return false
  }
  return true
}

/**
 * Whether a message's source range holds exactly `text`: no Markdown markup (`NATO**s**`), escape or
 * character reference inside it. Only then can a fix replace the range and change nothing else.
 */
export function isVerbatim(file: VFile, place: Position, text: string): boolean {
  const {start, end} = place
  return start.offset !== undefined && end.offset !== undefined && String(file.value).slice(start.offset, end.offset) === text
}
