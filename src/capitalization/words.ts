/**
 * The words of a prose unit, each with where it stands: at the start of a sentence (a capital is
 * required), where a capital is optional (after a colon, a quote mark, an ellipsis or a dash), or
 * in the middle of a sentence; and in which zone of the block (heading, list label, table cell,
 * running text). The three capitalization rules read words through this one view.
 */
import {inLiteral} from '../parse/prose.js'
import {derived} from '../derived.js'
import type {Article, Prose} from '../types.js'
import {stopKind} from './abbreviations.js'
import {isLetterOrDigit, isSpaceCode} from './characters.js'
import {caseOf, lowerCased, withoutPossessive, type WordCase} from './case.js'

/** Where a word stands in its sentence, as far as capitals go. */
export type WordPlace = 'start' | 'optional' | 'mid'

/** Which part of a block a word is in: capitals in headings, labels and cells may be title case. */
export type WordZone = 'heading' | 'label' | 'cell' | 'text'

export interface ProseWord {
  prose: Prose
  /** Index of the word's first character in `prose.text`. */
  start: number
  /** Index just after the word. */
  end: number
  text: string
  /** `text` without a possessive ending, lowercase (`nato` for `NATO’s`): the key of the document's casing evidence, computed once. */
  key: string
  /** The case of `text` (`caseOf`), computed once. */
  kind: WordCase
  place: WordPlace
  zone: WordZone
}

// A word is letters and digits, with inner apostrophes, dots and hyphens: `NATO’s`, `U.S`,
// `Long-Term`, `e.g`; as a pattern, /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.-][\p{L}\p{M}\p{N}]+)*/u.
// It is scanned by hand (`nextWordStart`, `wordEnd`): a match object per word of every article
// was a good part of the work, and ASCII characters are told apart by their codes.
const combiningMark = /^\p{M}$/u

/** Whether the code point at `index` is a letter or digit (`inner`: or a combining mark), and how many code units it takes. */
function wordUnits(text: string, index: number, inner: boolean): number {
  if (index >= text.length) return 0
  const point = text.codePointAt(index)!
  const units = point > 0xffff ? 2 : 1
  if (isLetterOrDigit(point)) return units
  return inner && point >= 0x80 && combiningMark.test(String.fromCodePoint(point)) ? units : 0
}

/** Where the next word starts at or after `from` (`text.length` if none). */
function nextWordStart(text: string, from: number): number {
  let index = from
  while (index < text.length && wordUnits(text, index, false) === 0) index++
  return index
}

/** Where the word starting at `start` ends. */
function wordEnd(text: string, start: number): number {
  let index = start + wordUnits(text, start, false)
  for (let units = wordUnits(text, index, true); index < text.length && units > 0; units = wordUnits(text, index, true)) index += units
  // An apostrophe, dot or hyphen joins the word only when a letter, mark or digit follows it.
  while (index + 1 < text.length && isJoiner(text.charCodeAt(index))) {
    let after = index + 1
    let units = wordUnits(text, after, true)
    if (units === 0) break
    while (after < text.length && units > 0) {
      after += units
      units = wordUnits(text, after, true)
    }
    index = after
  }
  return index
}

const isJoiner = (code: number): boolean => code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d

// `placeOf` and `findWords` look at the characters around every word: they tell them apart by
// their codes, since a regular expression or a set of one-character strings per character was a
// good part of finding the words.

/** `“ ‘ " ' ( [ « ¿ ¡`: marks that open a quotation or an aside before a word. */
const isOpener = (code: number): boolean =>
  code === 0x201c || code === 0x2018 || code === 0x22 || code === 0x27 || code === 0x28 || code === 0x5b || code === 0xab || code === 0xbf || code === 0xa1

/** `” ’ " ' ) ] »`: marks that close one. */
const isCloser = (code: number): boolean => code === 0x201d || code === 0x2019 || code === 0x22 || code === 0x27 || code === 0x29 || code === 0x5d || code === 0xbb

/** `# @ / \\ _` right before a word: a hashtag, a handle, a path. */
const isMarkBeforeWord = (code: number): boolean => code === 0x23 || code === 0x40 || code === 0x2f || code === 0x5c || code === 0x5f

/** `/ \\ _ @` right after a word: a path, an identifier, an address. */
const isMarkAfterWord = (code: number): boolean => code === 0x2f || code === 0x5c || code === 0x5f || code === 0x40

/** `.` `!` `?` `…`: marks that may end the sentence a quotation ends. */
const isSentenceEnd = (code: number): boolean => code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026

/**
 * Where the word starting at `index` stands: walks back over spaces and opening quotes to the
 * mark that precedes it.
 */
export function placeOf(text: string, index: number): WordPlace {
  let at = index - 1
  let quoted = false
  for (; at >= 0; at--) {
    const code = text.charCodeAt(at)
    if (isOpener(code)) quoted = true
    else if (!isSpaceCode(code)) break
  }
  // A quotation that starts lowercase may be a fragment: `“the best,” he said`.
  if (quoted) return 'optional'
  if (at < 0) return 'start'
  const mark = text.charCodeAt(at)
  const before = at > 0 ? text.charCodeAt(at - 1) : -1
  // `…`, `..`: an ellipsis.
  if (mark === 0x2026 || (mark === 0x2e && before === 0x2e)) return 'optional'
  if (mark === 0x2e) {
    const kind = stopKind(text, at)
    return kind === 'sentence' ? 'start' : kind === 'abbreviation' ? 'mid' : 'optional'
  }
  // `?? then`, `?! and`: doubled marks are emphatic or a quoted question, capitals vary.
  if (mark === 0x21 || mark === 0x3f) return before === 0x21 || before === 0x3f ? 'optional' : 'start'
  // `“Where?” he asked`, `(see above.) Then`: the mark ends the quotation, not necessarily the sentence.
  if (isCloser(mark) && endsQuotation(text, at)) return 'optional'
  // `:`, `—`, `–`, `--`.
  if (mark === 0x3a || mark === 0x2014 || mark === 0x2013 || (mark === 0x2d && before === 0x2d)) return 'optional'
  return 'mid'
}

/** Whether one of the three characters before the closing mark at `closer` ends a sentence, with only spaces after it. */
function endsQuotation(text: string, closer: number): boolean {
  const first = Math.max(0, closer - 3)
  let at = closer - 1
  while (at >= first && isSpaceCode(text.charCodeAt(at))) at--
  return at >= first && isSentenceEnd(text.charCodeAt(at))
}

/** The zone of a prose unit's words; a list item's label is a zone of its own (see `labelEndOf`). */
function zoneOf(prose: Prose): WordZone {
  const kind = prose.block.kind
  return kind === 'heading' ? 'heading' : kind === 'table' ? 'cell' : 'text'
}

/** Where a list item's label ends in the file (words before it are the label's), or -1. */
function labelEndOf(prose: Prose): number {
  const block = prose.block
  return block.kind === 'list-item' && block.label ? block.label.position.end.offset : -1
}

/**
 * The word at `index` of a unit's words, or `undefined` before the first or after the last: reading
 * out of an array's bounds deoptimizes the code that does it (the words around every word are read).
 */
export const wordAt = (words: readonly ProseWord[], index: number): ProseWord | undefined =>
  index >= 0 && index < words.length ? words[index] : undefined

/** Calls `visit` with the [start, end) of each word of `text`, in order: the scanner of `wordRanges` and `findWords`. */
function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  for (let at = nextWordStart(text, 0); at < text.length; at = nextWordStart(text, at)) {
    const end = wordEnd(text, at)
    visit(at, end)
    at = end
  }
}

/** The words of a text as [start, end) pairs, as `findWords` finds them (exported for its test). */
export function wordRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  forEachWord(text, (start, end) => ranges.push([start, end]))
  return ranges
}

/**
 * The words of each prose unit of an article (in the order of `article.prose`), outside code,
 * URLs, hashtags, handles and paths. `NATO’s` is one word; a hyphenated compound is one word.
 * The three capitalization rules read the same words: they are found once per article.
 */
export const articleWords = derived(function articleWords(article: Article): readonly ProseWord[][] {
  return article.prose.map(findWords)
})

function findWords(prose: Prose): ProseWord[] {
  const words: ProseWord[] = []
  const {text, literals} = prose
  const zone = zoneOf(prose)
  const labelEnd = labelEndOf(prose)
  forEachWord(text, (start, end) => {
    if (inLiteral(literals, start) || inLiteral(literals, end - 1)) return
    if ((start > 0 && isMarkBeforeWord(text.charCodeAt(start - 1))) || (end < text.length && isMarkAfterWord(text.charCodeAt(end)))) return
    const word = text.slice(start, end)
    const key = lowerCased(withoutPossessive(word))
    words.push({prose, start, end, text: word, key, kind: caseOf(word), place: placeOf(text, start), zone: prose.offsets[start] < labelEnd ? 'label' : zone})
  })
  return words
}
