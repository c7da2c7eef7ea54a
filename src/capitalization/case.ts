/** The case of a word, and changing it. */
import {memoizeWord} from '../memo.js'

/** The case of a word, judged on its letters. */
export type WordCase = 'lower' | 'capitalized' | 'upper' | 'mixed' | 'none'

/**
 * The case of a word (asked for every word of every article). Most words are plain ASCII, told by
 * one look at their characters; the others' answers are remembered.
 */
export function caseOf(word: string): WordCase {
  return plainCase(word) ?? rememberedCase(word)
}

const rememberedCase = memoizeWord(findCase)

/**
 * The case of a word of ASCII small letters, digits, dots and hyphens after an optional capital:
 * `lower` for `nato-led` or `e.g` (with a letter), `capitalized` for `Kosovo` or `F-16`.
 * `undefined` for any other word, left to `findCase` (apostrophes too: it reads `'s` as no letters).
 */
function plainCase(word: string): WordCase | undefined {
  const capital = isAsciiCapital(word.charCodeAt(0))
  let letters = false
  for (let index = capital ? 1 : 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code >= 0x61 && code <= 0x7a) letters = true
    else if (!((code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e)) return undefined
  }
  return capital ? 'capitalized' : letters ? 'lower' : undefined
}

const isAsciiCapital = (code: number): boolean => code >= 0x41 && code <= 0x5a

/** The case of a word from its letters (exported for the test of `caseOf`). */
export function findCase(word: string): WordCase {
  const letters = withoutPossessive(word).replace(/[^\p{L}]/gu, '')
  if (!letters) return 'none'
  if (!/\p{Lu}/u.test(letters)) return 'lower'
  if (!/\p{Ll}/u.test(letters)) return letters.length === 1 ? 'capitalized' : 'upper'
  if (/^\p{Lu}[^\p{Lu}]*$/u.test(letters)) return 'capitalized'
  // `Long-Term`, `Bosnia-Herzegovina`: each part capitalized.
  if (word.split('-').every((part) => /^\p{Lu}[^\p{Lu}]*$/u.test(part))) return 'capitalized'
  return 'mixed'
}

/**
 * `word.toLowerCase()`, asked for every word of every article: a word of ASCII small letters (most
 * words) is its own lowercase, told by its character codes without a call into the engine.
 */
export function lowerCased(word: string): string {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code >= 0x80 || (code >= 0x41 && code <= 0x5a)) return word.toLowerCase()
  }
  return word
}

/** `kosovo` → `Kosovo`; only the first letter changes. */
export const withCapital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

/**
 * The word without a possessive ending: `Kosovo’s` → `Kosovo`. Asked several times per word by
 * each rule, so it reads the last two characters instead of running an expression: most words
 * end in no `s` at all.
 */
export function withoutPossessive(word: string): string {
  const last = word.length - 1
  if (last < 1 || word.charCodeAt(last) !== 0x73) return word
  const mark = word.charCodeAt(last - 1)
  return mark === 0x27 || mark === 0x2019 ? word.slice(0, -2) : word
}
