// nspell ships no types; this is the part copydesk uses.
declare module 'nspell' {
  export interface NSpell {
    correct(word: string): boolean
    suggest(word: string): string[]
    personal(dic: string): NSpell
  }
  export default function nspell(dictionary: {aff: Uint8Array; dic: Uint8Array}): NSpell
}
