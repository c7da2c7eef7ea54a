/**
 * The words of a prose unit, each with where it stands: at the start of a sentence (a capital is
 * required), where a capital is optional (after a colon, a quote mark, an ellipsis or a dash), or
 * in the middle of a sentence; and in which zone of the block (heading, list label, table cell,
 * running text). The three capitalization rules read words through this one view.
 */
import {inLiteral} from '../parse/prose.js'
import type {Prose} from '../types.js'
import {stopKind} from './abbreviations.js'
import {caseOf, type WordCase} from './case.js'

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
  /** The case of `text` (`caseOf`), computed once. */
  kind: WordCase
  place: WordPlace
  zone: WordZone
}

// Letters and digits, with inner apostrophes, dots and hyphens: `NATO’s`, `U.S`, `Long-Term`, `e.g`.
const wordPattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.-][\p{L}\p{M}\p{N}]+)*/gu
// Regular expressions used once per word are made once: a literal in a loop is a new object each pass.
const space = /\s/u
const doubledMark = /[!?]/u
const endsQuotation = /[.!?…]\s*$/u
const markBeforeWord = /[#@/\\_]/u
const markAfterWord = /[/\\_@]/u
const openers = new Set(['“', '‘', '"', "'", '(', '[', '«', '¿', '¡'])
const closers = new Set(['”', '’', '"', "'", ')', ']', '»'])

/**
 * Where the word starting at `index` stands: walks back over spaces and opening quotes to the
 * mark that precedes it.
 */
export function placeOf(text: string, index: number): WordPlace {
  let at = index - 1
  let quoted = false
  while (at >= 0 && (space.test(text[at]) || openers.has(text[at]))) {
    if (openers.has(text[at])) quoted = true
    at--
  }
  // A quotation that starts lowercase may be a fragment: `“the best,” he said`.
  if (quoted) return 'optional'
  if (at < 0) return 'start'
  const mark = text[at]
  if (mark === '…' || (mark === '.' && text[at - 1] === '.')) return 'optional'
  if (mark === '.') {
    const kind = stopKind(text, at)
    return kind === 'sentence' ? 'start' : kind === 'abbreviation' ? 'mid' : 'optional'
  }
  // `?? then`, `?! and`: doubled marks are emphatic or a quoted question, capitals vary.
  if (mark === '!' || mark === '?') return doubledMark.test(text[at - 1] ?? '') ? 'optional' : 'start'
  // `“Where?” he asked`, `(see above.) Then`: the mark ends the quotation, not necessarily the sentence.
  if (closers.has(mark) && endsQuotation.test(text.slice(Math.max(0, at - 3), at))) return 'optional'
  if (mark === ':' || mark === '—' || mark === '–' || (mark === '-' && text[at - 1] === '-')) return 'optional'
  return 'mid'
}

function zoneOf(prose: Prose, index: number): WordZone {
  const block = prose.block
  if (block.kind === 'heading') return 'heading'
  if (block.kind === 'table') return 'cell'
  if (block.kind === 'list-item' && block.label && prose.offsets[index] < block.label.position.end.offset) return 'label'
  return 'text'
}

/**
 * The words of a prose unit, outside code, URLs, hashtags, handles and paths. `NATO’s` is one
 * word; a hyphenated compound is one word.
 */
export function proseWords(prose: Prose): ProseWord[] {
  let words = wordsByProse.get(prose)
  if (!words) wordsByProse.set(prose, (words = findWords(prose)))
  return words
}

// The three capitalization rules read the same words: found once per prose unit, dropped with it.
const wordsByProse = new WeakMap<Prose, ProseWord[]>()

function findWords(prose: Prose): ProseWord[] {
  const words: ProseWord[] = []
  const {text, literals} = prose
  wordPattern.lastIndex = 0
  for (let match = wordPattern.exec(text); match; match = wordPattern.exec(text)) {
    const word = match[0]
    const start = match.index
    const end = start + word.length
    if (inLiteral(literals, start) || inLiteral(literals, end - 1)) continue
    if (markBeforeWord.test(text[start - 1] ?? '') || markAfterWord.test(text[end] ?? '')) continue
    words.push({prose, start, end, text: word, kind: caseOf(word), place: placeOf(text, start), zone: zoneOf(prose, start)})
  }
  return words
}
