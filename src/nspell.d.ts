/** The part of nspell (hunspell in JavaScript, retext-spell's checker) that copydesk uses. */
declare module 'nspell' {
  interface NSpell {
    /** Whether the dictionary knows `word`. */
    correct(word: string): boolean
    /** Adds words in the personal dictionary format (one a line, `*word` to forbid, `word/model`). */
    personal(words: string): NSpell
  }
  /** Without `dic`, a speller of the affix file alone, with no words. */
  export default function nspell(dictionary: {aff: Uint8Array | string; dic?: Uint8Array | string}): NSpell
}
