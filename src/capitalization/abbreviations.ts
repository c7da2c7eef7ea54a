/**
 * Whether a full stop ends a sentence or an abbreviation (`e.g. the`, `U.S. officials`,
 * `Mr. Smith`, `Calif. and`, `5 ft. of`). parse-english keeps `left. then` in one sentence, so
 * the capitalization rules decide sentence ends themselves, from the word before the stop.
 */
import {isKnownWord} from '../dictionary.js'

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
  let start = dot
  while (start > 0 && /[\p{L}\p{M}\p{N}.'’]/u.test(text[start - 1])) start--
  const before = text.slice(start, dot)
  if (!before) return 'sentence'
  if (continuing.has(before.toLowerCase())) return 'abbreviation'
  if (before.includes('.') || /^\p{N}+$/u.test(before) || /^\p{L}$/u.test(before)) return 'unclear'
  if (abbreviations.has(before.toLowerCase()) || states.has(before)) return 'unclear'
  // After a number, a short lowercase word is a unit: `5 in. long`, `540 kc. to`, `30 mph. on`.
  if ((units.has(before.toLowerCase()) || /^\p{Ll}{1,3}$/u.test(before)) && /\p{N}[\s-]*$/u.test(text.slice(0, start))) return 'unclear'
  if (/^\p{Lu}?\p{Ll}{1,3}$/u.test(before) && !isKnownWord(before)) return 'unclear'
  return 'sentence'
}
