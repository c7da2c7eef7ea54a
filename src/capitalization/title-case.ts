/**
 * Title case and sentence case for headings, list labels and table headers.
 *
 * The convention: every word of a title-case heading is capitalized except the small words:
 * articles, coordinating conjunctions and prepositions (`a an the and but or nor for so yet as at
 * by in of off on per to up via vs from into onto over upon with than till out down near past like
 * if en`, and the longer prepositions `about`, `between`, `through`, `within`, …). Chicago
 * lowercases all of them, AP capitalizes those of four letters or more, and many words here are
 * also adverbs (`Stand Up`), so small words are never judged, whichever case they are in: `The Way
 * Of`, `The Way of`, `Life Within` and `Life within` are all left alone. A sentence-case heading
 * capitalizes its first word and its names only.
 */
import {lowerCased} from './case.js'
import {nameParticles} from './function-words.js'
import type {ProseWord} from './words.js'

const smallWords = new Set(
  (
    'a an the and but or nor for so yet as at by in of off on per to up via vs v from into onto over upon with than till out down near past like if en ' +
    'about above across after against along amid among around before behind below beneath beside besides between beyond despite during ' +
    'except inside outside since through throughout toward towards under underneath unlike until within without'
  ).split(' ')
)

/** Whether a word is one of title case's small words (see the module's doc). */
export const isSmallWord = (word: string): boolean => smallWords.has(lowerCased(word))

const digit = /\p{N}/u

export type CaseStyle = 'title' | 'sentence'

/** A heading, label or header cell, with the words whose case tells its style. */
export interface StyledUnit {
  words: ProseWord[]
  /** Words after the first, mid-phrase, that are neither small words, names, acronyms nor numbers. */
  judged: ProseWord[]
  capitals: ProseWord[]
  lowers: ProseWord[]
}

/**
 * The words of a unit that show its style: after the first word, not after a colon or a quote
 * mark (a subtitle may start with a capital in either style), not small words, name particles,
 * acronyms, words with inner capitals or digits, and not names (`isName`, given the word before).
 */
export function styledUnit(words: ProseWord[], isName: (word: ProseWord, previous: ProseWord) => boolean): StyledUnit {
  const judged = words.filter((word, index) => {
    if (index === 0 || word.place !== 'mid') return false
    const kind = word.kind
    if (kind !== 'lower' && kind !== 'capitalized') return false
    const lower = lowerCased(word.text)
    if (isSmallWord(lower) || nameParticles.has(lower) || digit.test(word.text)) return false
    return !isName(word, words[index - 1])
  })
  return {
    words,
    judged,
    capitals: judged.filter((word) => word.kind === 'capitalized'),
    lowers: judged.filter((word) => word.kind === 'lower')
  }
}

/**
 * The style of a group of units (the headings of a document, the labels of a list, the header of
 * a table): the style most units are written in wholly; when every unit mixes both, the style
 * most judged words follow, by two to one. `undefined` when the evidence does not decide.
 */
export function groupStyle(units: readonly StyledUnit[]): CaseStyle | undefined {
  let title = 0
  let sentence = 0
  let capitals = 0
  let lowers = 0
  for (const unit of units) {
    capitals += unit.capitals.length
    lowers += unit.lowers.length
    if (unit.capitals.length > 0 && unit.lowers.length === 0) title++
    if (unit.lowers.length > 0 && unit.capitals.length === 0) sentence++
  }
  if (title > sentence) return 'title'
  if (sentence > title) return 'sentence'
  // As many units wholly in each style: undecided. Only mixed units: their words decide.
  if (title > 0) return undefined
  if (capitals >= 2 * lowers && capitals > 0) return 'title'
  if (lowers >= 2 * capitals && lowers > 0) return 'sentence'
  return undefined
}
