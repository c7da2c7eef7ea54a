/**
 * Suggestions one edit away: a transposed, doubled, dropped or wrong letter. A few hundred
 * dictionary lookups, about a millisecond per word, where nspell's full search takes hundreds of
 * milliseconds on a long unknown name. Each distinct word is searched once per lexicon.
 */
import {commonWords} from './common-words.js'
import {isCapitalized} from './names.js'

/** A dictionary word one edit away, and how typical of a slip that edit is (0 is most typical). */
export interface Suggestion {
  word: string
  cost: number
}

/**
 * The costs: a transposition (`coudl`) is the commonest slip; a vowel for a vowel (`Sence`), a
 * doubled or undoubled letter (`occured`) next; any other dropped or extra letter after; any other
 * wrong letter last.
 */
export const TRANSPOSED = 0
export const VOWEL_OR_DOUBLE = 1
export const DROPPED_OR_EXTRA = 2
export const WRONG_LETTER = 3

const vowels = new Set(['a', 'e', 'i', 'o', 'u', 'y'])
const letters = 'abcdefghijklmnopqrstuvwxyz'

/**
 * Calls `visit` with each word one edit away from a lowercase word that costs at most `maxCost`,
 * and its cost. The cheap questions (transpositions only, most typical slips) are most of those
 * asked: the costlier edits' strings are not made for them.
 */
function forEachEdit(word: string, maxCost: number, visit: (candidate: string, cost: number) => void): void {
  for (let index = 0; index + 1 < word.length; index++) {
    if (word[index] === word[index + 1]) continue
    visit(word.slice(0, index) + word[index + 1] + word[index] + word.slice(index + 2), TRANSPOSED)
  }
  if (maxCost === TRANSPOSED) return
  for (let index = 0; index <= word.length; index++) {
    for (const letter of letters) {
      const cost = letter === word[index - 1] || letter === word[index] ? VOWEL_OR_DOUBLE : DROPPED_OR_EXTRA
      if (cost <= maxCost) visit(word.slice(0, index) + letter + word.slice(index), cost)
    }
  }
  for (let index = 0; index < word.length; index++) {
    const cost = word[index] === word[index + 1] || word[index] === word[index - 1] ? VOWEL_OR_DOUBLE : DROPPED_OR_EXTRA
    if (cost <= maxCost) visit(word.slice(0, index) + word.slice(index + 1), cost)
  }
  for (let index = 0; index < word.length; index++) {
    for (const letter of letters) {
      if (letter === word[index]) continue
      const cost = vowels.has(letter) && vowels.has(word[index]) ? VOWEL_OR_DOUBLE : WRONG_LETTER
      if (cost <= maxCost) visit(word.slice(0, index) + letter + word.slice(index + 1), cost)
    }
  }
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

/** A common short word is the likelier intent of a slip: `thes` is `this` or `the` before it is `thews`. */
const rank = ([candidate, cost]: [string, number]): number => cost - (commonWords.has(candidate.toLowerCase()) ? 1.5 : 0)

/** Finds the dictionary words one slip away from a word, up to a given cost. */
export type Suggest = (word: string, maxCost?: number) => Suggestion[]

/**
 * Makes a cached suggester: up to five words one edit away that `known` accepts, most typical slip
 * first, none costlier than `maxCost` (so that a caller can ask the cheap question, is this a
 * transposition, before the full search). `knownTransposition` may accept more for a
 * transposition, the commonest slip (`streamsdie` for the compound `streamside`).
 */
export function suggester(known: (word: string) => boolean, knownTransposition = known): Suggest {
  // One map per cost limit, keyed by the word itself: a key joined from both was a new string to hash per question.
  const caches = new Map<number, Map<string, Suggestion[]>>()
  return (word, maxCost = WRONG_LETTER) => {
    let cache = caches.get(maxCost)
    if (!cache) caches.set(maxCost, (cache = new Map()))
    let result = cache.get(word)
    if (result) return result
    const capital = isCapitalized(word)
    const lower = capital ? word.charAt(0).toLowerCase() + word.slice(1) : word
    const best = new Map<string, number>()
    forEachEdit(lower, maxCost, (candidate, cost) => {
      const cased = capital ? capitalize(candidate) : candidate
      if ((best.get(cased) ?? Infinity) > cost) best.set(cased, cost)
    })
    result = [...best]
      .filter(([candidate, cost]) => (cost === TRANSPOSED ? knownTransposition(candidate) : known(candidate)))
      .sort((a, b) => rank(a) - rank(b))
      .slice(0, 5)
      .map(([candidate, cost]) => ({word: candidate, cost}))
    cache.set(word, result)
    return result
  }
}
