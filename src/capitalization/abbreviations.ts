/**
 * Whether a full stop ends a sentence or an abbreviation (`e.g. the`, `U.S. officials`,
 * `Mr. Smith`, `Calif. and`, `5 ft. of`). parse-english keeps `left. then` in one sentence, so
 * the capitalization rules decide sentence ends themselves, from the word before the stop.
 */
import {isKnownWord} from '../dictionary.js'
import {isSpaceCode} from './characters.js'

/**
 * Abbreviated ranks of biological names, followed by a lowercase epithet: `B. subtilis, var. niger`,
 * `Quercus spp. and`.
 */
export const taxonomicRanks = ['var', 'subsp', 'ssp', 'sp', 'spp', 'cv']

// Abbreviations that are followed by more of the same sentence, in any case.
const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'gen', 'gov', 'sen', 'rep', 'st', 'mt', 'jr', 'sr', 'capt', 'col', 'lt', 'sgt',
  'maj', 'cmdr', 'adm', 'rev', 'hon', 'pres', 'supt', 'mme', 'mlle', 'co', 'corp', 'inc', 'ltd', 'bros', 'assn', 'dept',
  'univ', 'ave', 'blvd', 'rd', 'hwy', 'vol', 'vols', 'fig', 'figs', 'pp', 'ch', 'chap', 'sec', 'sect', 'ed', 'eds', 'etc',
  'vs', 'cf', 'viz', 'al', 'approx', 'ca', 'esp', 'incl', 'misc', 'nr', 'no', 'nos', 'op', 'cit', 'ibid', 'seq', 'ff',
    ...taxonomicRanks,
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  // Units that are not words: `40 mg. daily`, `cu. ft. for`, `24-hr. period`.
  'ft', 'lb', 'lbs', 'oz', 'km', 'kg', 'cm', 'mm', 'mg', 'ml', 'cc', 'meq', 'hp', 'hr', 'hrs', 'yd', 'yds', 'yr', 'yrs',
  'wk', 'wks', 'mos', 'sq', 'cu', 'gal', 'qt', 'tsp', 'tbsp'
])

// Units that are also words, abbreviations only after a number: `5 in. long`, but `come in. then` is two sentences.
// (Any word of one to three lowercase letters after a number is taken for a unit too: `540 kc. to`.)
const units = new Set(['in', 'mi', 'min', 'sec', 'mo', 'pt', 'deg'])

// US state abbreviations in the AP style, only when capitalized (`Calif. and`): `wash.` or `miss.` are words.
const states = new Set([
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans', 'Ky', 'La', 'Md', 'Mass',
  'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Penn', 'Tenn', 'Tex', 'Va', 'Vt', 'Wash', 'Wis', 'Wyo'
])

/** What a full stop says about the word after it. */
export type StopKind = 'sentence' | 'abbreviation' | 'unclear'

// Abbreviations that never end a sentence: titles before a name, and `vs.`, `cf.`, `viz.`.
const continuing = new Set(['mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'gen', 'gov', 'sen', 'rep', 'st', 'mt', 'capt', 'col', 'lt', 'sgt', 'maj', 'cmdr', 'adm', 'rev', 'hon', 'pres', 'supt', 'mme', 'mlle', 'vs', 'cf', 'viz'])

/**
 * What the `.` at `dot` in `text` is: a sentence end; the end of an abbreviation that never ends a
 * sentence (`Mr.`, `vs.`); or unclear: an abbreviation that may also end one (`etc.`, `Inc.`),
 * an initial (`J.`), a dotted initialism (`U.S.`, `e.g.`), a number (`in 1960.`), a short
 * capitalized word no dictionary knows (`Ath.`, but also a name such as `Oso.`) or a short
 * lowercase one (a unit such as `540 kc. to`, `30 mph. on`). A lowercase word
 * after an unclear stop is not flagged, and a capitalized one is no evidence of a name.
 */
export function stopKind(text: string, dot: number): StopKind {
  const start = wordStartBefore(text, dot)
  const before = text.slice(start, dot)
  if (!before) return 'sentence'
  const lower = before.toLowerCase()
  if (continuing.has(lower)) return 'abbreviation'
  if (before.includes('.') || digits.test(before) || oneLetter.test(before)) return 'unclear'
  if (abbreviations.has(lower) || states.has(before)) return 'unclear'
  // After a number, a short lowercase word is a unit: `5 in. long`, `540 kc. to`, `30 mph. on`.
  if ((units.has(lower) || shortLowercase.test(before)) && afterNumber(text, start)) return 'unclear'
  if (shortWord.test(before) && !isKnownWord(before)) return 'unclear'
  return 'sentence'
}

// Made once: a literal in a function is a new object each call, and `stopKind` is asked after most full stops.
const abbreviationCharacter = /[\p{L}\p{M}\p{N}.'’]/u
const digits = /^\p{N}+$/u
const oneLetter = /^\p{L}$/u
const shortLowercase = /^\p{Ll}{1,3}$/u
const shortWord = /^\p{Lu}?\p{Ll}{1,3}$/u
const number = /^\p{N}$/u

/** Whether a UTF-16 code unit (alone) is a letter, mark, digit, dot or apostrophe: part of the word before a full stop. */
function isAbbreviationCharacter(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x27
  return abbreviationCharacter.test(String.fromCharCode(code))
}

/** Where the word before the stop at `dot` starts: its letters, marks, digits, dots and apostrophes (`U.S`, `Mr`; exported for its test). */
export function wordStartBefore(text: string, dot: number): number {
  let start = dot
  while (start > 0 && isAbbreviationCharacter(text.charCodeAt(start - 1))) start--
  return start
}

/** Whether `text` up to `end` ends with a number, then only spaces and hyphens: `5 `, `24-` (exported for its test). */
export function afterNumber(text: string, end: number): boolean {
  let at = end - 1
  while (at >= 0 && (isSpaceCode(text.charCodeAt(at)) || text.charCodeAt(at) === 0x2d)) at--
  if (at < 0) return false
  const low = text.charCodeAt(at)
  // A digit outside the Basic Multilingual Plane (`𝟓`) is two code units.
  const high = at > 0 && low >= 0xdc00 && low <= 0xdfff ? text.charCodeAt(at - 1) : 0
  const character = high >= 0xd800 && high <= 0xdbff ? text.slice(at - 1, at + 1) : text[at]
  return (low >= 0x30 && low <= 0x39) || (low >= 0x80 && number.test(character))
}
