/**
 * Productive English word formation that dictionaries do not list in full: a known word with a
 * common prefix (`nonmythological`, `pre-existent`), a plural or `-ness` the dictionary lacks
 * (`oxygens`, `presentness`), a clipped `-ing` (`nothin`, `givin'`) and a contraction (`cowhand'd`). A typo inside the stem leaves an unknown stem,
 * so accepting these costs little recall; see `spelling.ts` for the one exception (transpositions).
 */

type Known = (word: string) => boolean

// Prefixes that attach to almost any word; the stem must itself be a known word of 4+ letters
// (5+ after a prefix of two letters: `colour` is not `co` + `lour`).
const prefixes = [
  'anti', 'auto', 'bi', 'co', 'counter', 'cross', 'cyber', 'de', 'dis', 'eco', 'extra', 'geo', 'hyper', 'inter', 'intra', 'macro',
  'mega', 'micro', 'mid', 'mini', 'mis', 'multi', 'neo', 'non', 'out', 'over', 'post', 'pre', 'pro', 'pseudo', 'quasi', 're', 'self',
  'semi', 'socio', 'sub', 'super', 'trans', 'ultra', 'un', 'under'
]
const standalonePrefixes = new Set(prefixes)

/** Whether a part of a hyphenated word is a prefix written apart: `pre` in `pre-existence`. */
export const isPrefix = (part: string): boolean => standalonePrefixes.has(part.toLowerCase())

/** A known word with a productive prefix: `nonmythological`, `overcommitted`. */
function prefixed(lower: string, known: Known): boolean {
  return prefixes.some((prefix) => {
    const stem = lower.length - prefix.length
    return stem >= (prefix.length <= 2 ? 5 : 4) && lower.startsWith(prefix) && known(lower.slice(prefix.length))
  })
}

/** A plural, `-ness` or `-ly` of a known word of 5+ letters that the dictionary does not list: `oxygens`, `givenness`. */
function suffixed(lower: string, known: Known): boolean {
  for (const [suffix, restore, stemEnding] of suffixes) {
    const stem = lower.slice(0, -suffix.length) + restore
    if (lower.endsWith(suffix) && stem.length >= 5 && stemEnding.test(stem) && known(stem)) return true
  }
  return false
}

// Each suffix with what it restores to the stem and the endings the stem may have: a plural `-s`
// never follows an `s` (`hosess` is no plural of `hoses`), `-es` follows a sibilant.
const suffixes: ReadonlyArray<[string, string, RegExp]> = [
  ['s', '', /[^sxz]$/u],
  ['es', '', /(?:s|x|z|ch|sh)$/u],
  ['ies', 'y', /[^aeiou]y$/u],
  ['ness', '', /./u],
  ['ly', '', /[^l]$/u]
]

/** Eye dialect: `nothin`, `givin'` for a known `-ing` word. */
const clippedIng = (lower: string, known: Known): boolean => /in['’]?$/u.test(lower) && known(lower.replace(/['’]$/u, '') + 'g')

/** A known word with a contraction: `cowhand'd`, `sergeant'll`. */
function contracted(lower: string, known: Known): boolean {
  const match = /^(.{3,})['’](?:d|ll|ve|re|m|s)$/u.exec(lower)
  return match !== null && known(match[1])
}

/** Whether `word` is a regular formation from known words (see the module's comment). */
export function isFormed(word: string, known: Known): boolean {
  const lower = word.toLowerCase()
  return prefixed(lower, known) || suffixed(lower, known) || clippedIng(lower, known) || contracted(lower, known)
}
