/**
 * What the English dictionary (dictionary-en, the one spelling uses) says about a word's case:
 * whether a word is known, and whether it is a proper noun only (`Kosovo`, `December`, `English`)
 * or also a common word (`Bill`/`bill`, `March`/`march`, `China`/`china`).
 */
import {withCapital} from './capitalization/case.js'
import {lexicon} from './dictionaries.js'
import {memoizeWord} from './memo.js'
import {wordTable} from './word-table.js'

/**
 * Whether the dictionary knows `word` exactly as written (with affixes: `Americans`, `Balkans`).
 * hunspell's case rules are what we want here: a lowercase entry also accepts its capitalized
 * form (`The`), a capitalized entry does not accept its lowercase form (`kosovo`).
 */
export const isKnownWord: (word: string) => boolean = memoizeWord(
  // Remembered: the rules ask about most words of every file.
  (word) => lexicon('en-US').knows(word)
)

/**
 * Whether a lowercase word is a proper noun that the dictionary only knows capitalized: `kosovo`,
 * `december`, `english`, `americans`. A word that is also a common word (`bill`, `china`) is not.
 */
export const isLowercasedProperNoun: (word: string) => boolean = memoizeWord(
  // Remembered: the rules ask about every use of an unknown lowercase word, and each question made its capitalized form anew.
  (word) => !isKnownWord(word) && isKnownWord(withCapital(word))
)

/**
 * Whether the dictionary has a capitalized entry for this word, lowercased: `china` (China), `nick`
 * (Nick), `warren` (Warren), but not `river` or `president`. The word table lists the `.dic`
 * file's capitalized stems.
 */
export function hasNameEntry(word: string): boolean {
  return wordTable().names.has(word.toLowerCase())
}

const alphabet = 'abcdefghijklmnopqrstuvwxyz'

/**
 * Whether a dictionary word is one edit (a letter dropped, added, changed, or two swapped) away
 * from `word`: then an unknown `word` is more likely a typo than a name.
 */
export const hasKnownNeighbour: (word: string) => boolean = memoizeWord(findKnownNeighbour)

// Each question makes some 54 strings a letter: the answer is remembered per word.
function findKnownNeighbour(word: string): boolean {
  const lower = word.toLowerCase()
  // The dictionary itself, not `isKnownWord`: the answer is remembered per word, and its one-edit
  // candidates (rarely asked about again) would push the words that are out of its memory.
  const english = lexicon('en-US')
  const known = (candidate: string): boolean => candidate !== lower && english.knows(candidate)
  for (let index = 0; index < lower.length; index++) {
    if (known(lower.slice(0, index) + lower.slice(index + 1))) return true
    if (index + 1 < lower.length && known(lower.slice(0, index) + lower[index + 1] + lower[index] + lower.slice(index + 2))) return true
    for (const letter of alphabet) {
      if (known(lower.slice(0, index) + letter + lower.slice(index + 1))) return true
    }
  }
  for (let index = 0; index <= lower.length; index++) {
    for (const letter of alphabet) if (known(lower.slice(0, index) + letter + lower.slice(index))) return true
  }
  return false
}
