/**
 * English dictionaries (hunspell, via nspell) with personal words, loaded once per process: the
 * US and British varieties for `spelling` and `possessive-apostrophe`. (What the plain US
 * dictionary says about a word's case, `kosovo` for `Kosovo`, is `src/dictionary.ts`, shared with
 * the capitalization rules.)
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
