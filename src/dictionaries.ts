/**
 * English dictionaries (hunspell, via nspell), loaded once per process and shared by every rule
 * that asks what a word is: `spelling`, and the capitalization rules, which need to know that
 * `Kosovo` or `December` is written with a capital.
 *
 * A speller is built once per variety and personal word list (about 0.15 s and 16 MB each); the
 * British dictionary is read only when something asks for it.
 */
import nspell, {type NSpell} from 'nspell'

/** A variety of English that copydesk has a dictionary for. */
export type Variety = 'en-US' | 'en-GB'

interface HunspellDictionary {
  aff: Uint8Array
  dic: Uint8Array
}

// Dynamic imports: each dictionary package reads its files when imported.
const loaders: Record<Variety, () => Promise<HunspellDictionary>> = {
  'en-US': async () => (await import('dictionary-en')).default,
  'en-GB': async () => (await import('dictionary-en-gb')).default
}

/** What copydesk asks a dictionary. */
export interface Lexicon {
  readonly variety: Variety
  /**
   * Whether the dictionary (with the personal words) accepts `word` as written: `Kosovo` and
   * `KOSOVO` but not `kosovo` when only the capitalized form is listed. Curly apostrophes count as
   * straight ones.
   */
  knows(word: string): boolean
}

const spellers = new Map<string, Promise<Lexicon>>()

/**
 * The lexicon of `variety` with `personal` words added (hunspell's personal format: one word a
 * line, `word/model` to inflect like a listed word, `*word` to forbid), built once per process
 * for each distinct pair.
 */
export function lexicon(variety: Variety = 'en-US', personal: readonly string[] = []): Promise<Lexicon> {
  const words = [...new Set(personal)].sort().join('\n')
  const key = `${variety}\n${words}`
  let found = spellers.get(key)
  if (!found) {
    found = (async () => {
      const speller: NSpell = nspell(await loaders[variety]())
      if (words) speller.personal(words)
      // Not cached here: a lookup takes microseconds, and suggestion searches ask about hundreds
      // of made-up candidates per word, which a cache would keep for the whole run.
      return {variety, knows: (word: string) => speller.correct(word.replaceAll('’', "'"))}
    })()
    spellers.set(key, found)
  }
  return found
}

/**
 * The dictionary's capitalized form of a lowercase word that the dictionary knows only with a
 * capital: `december` → `December`, `english` → `English`; undefined for `may` (a word in its own
 * right in lower case), for unknown words and for words not in lower case.
 */
export function dictionaryCapitalized(dictionary: Lexicon, word: string): string | undefined {
  if (!/^\p{Ll}/u.test(word) || dictionary.knows(word)) return undefined
  const capitalized = word.charAt(0).toUpperCase() + word.slice(1)
  return dictionary.knows(capitalized) ? capitalized : undefined
}
