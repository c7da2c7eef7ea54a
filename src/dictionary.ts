/**
 * What the English dictionary (dictionary-en, the one spelling uses) says about a word's case:
 * whether a word is known, and whether it is a proper noun only (`Kosovo`, `December`, `English`)
 * or also a common word (`Bill`/`bill`, `March`/`march`, `China`/`china`).
 */
import dictionary from 'dictionary-en'
import nspell, {type NSpell} from 'nspell'
import {withCapital} from './capitalization/case.js'

let speller: NSpell | undefined

/**
 * The process's one speller built from dictionary-en alone (about 0.2 s and 16 MB, built on first
 * use). hunspell's case rules are what we want here: a lowercase entry also accepts its capitalized
 * form (`The`), a capitalized entry does not accept its lowercase form (`kosovo`).
 */
export function englishSpeller(): NSpell {
  speller ??= nspell(dictionary)
  return speller
}

/** Whether the dictionary knows `word` exactly as written (with affixes: `Americans`, `Balkans`). */
export function isKnownWord(word: string): boolean {
  let result = known.get(word)
  if (result === undefined) known.set(word, (result = englishSpeller().correct(word.replaceAll('’', "'"))))
  return result
}

// Each distinct word is looked up once per process: the rules ask about most words of every file.
const known = new Map<string, boolean>()

/**
 * Whether a lowercase word is a proper noun that the dictionary only knows capitalized: `kosovo`,
 * `december`, `english`, `americans`. A word that is also a common word (`bill`, `china`) is not.
 */
export function isLowercasedProperNoun(word: string): boolean {
  return !isKnownWord(word) && isKnownWord(withCapital(word))
}

let nameEntries: Set<string> | undefined

/**
 * Whether the dictionary has a capitalized entry for this word, lowercased: `china` (China), `nick`
 * (Nick), `warren` (Warren), but not `river` or `president`. Read from the `.dic` file's stems once.
 */
export function hasNameEntry(word: string): boolean {
  if (!nameEntries) {
    nameEntries = new Set()
    for (const line of String(dictionary.dic).split('\n')) {
      if (/^\p{Lu}/u.test(line)) nameEntries.add(line.split('/')[0].toLowerCase())
    }
  }
  return nameEntries.has(word.toLowerCase())
}

const alphabet = 'abcdefghijklmnopqrstuvwxyz'

/**
 * Whether a dictionary word is one edit (a letter dropped, added, changed, or two swapped) away
 * from `word`: then an unknown `word` is more likely a typo than a name.
 */
export function hasKnownNeighbour(word: string): boolean {
  const lower = word.toLowerCase()
  const known = (candidate: string): boolean => candidate !== lower && isKnownWord(candidate)
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
