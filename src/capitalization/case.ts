/** The case of a word, and changing it. */
import {memoizeWord} from '../memo.js'

/** The case of a word, judged on its letters. */
export type WordCase = 'lower' | 'capitalized' | 'upper' | 'mixed' | 'none'

/** The case of a word (asked for every word of every article: answers are remembered). */
export const caseOf: (word: string) => WordCase = memoizeWord(findCase)

function findCase(word: string): WordCase {
  const letters = withoutPossessive(word).replace(/[^\p{L}]/gu, '')
  if (!letters) return 'none'
  if (!/\p{Lu}/u.test(letters)) return 'lower'
  if (!/\p{Ll}/u.test(letters)) return letters.length === 1 ? 'capitalized' : 'upper'
  if (/^\p{Lu}[^\p{Lu}]*$/u.test(letters)) return 'capitalized'
  // `Long-Term`, `Bosnia-Herzegovina`: each part capitalized.
  if (word.split('-').every((part) => /^\p{Lu}[^\p{Lu}]*$/u.test(part))) return 'capitalized'
  return 'mixed'
}

/** `kosovo` → `Kosovo`; only the first letter changes. */
export const withCapital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

/** The word without a possessive ending: `Kosovo’s` → `Kosovo` (asked several times per word by each rule: remembered). */
export const withoutPossessive: (word: string) => string = memoizeWord((word) => word.replace(/['’]s$/u, ''))
