/**
 * English dictionaries with personal words, made once per process: the US and British varieties
 * for `spelling`, `possessive-apostrophe` and `spelling-variants`. (What the plain US dictionary
 * says about a word's case, `kosovo` for `Kosovo`, is `src/dictionary.ts`, shared with the
 * capitalization rules.)
 *
 * Every lexicon reads the one word table of `word-table.ts` and answers exactly as an nspell
 * speller built from the same dictionary would. Personal words are added by nspell's own code,
 * to a small table of their own, so a lexicon costs little more than its personal words.
 */
import nspell from 'nspell'
import {flagged, wordTable, type AffixFlags, type Variety, type VarietyTable} from './word-table.js'

export type {Variety} from './word-table.js'

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

const lexicons = new Map<string, Lexicon>()

/**
 * The lexicon of `variety` with `personal` words added (hunspell's personal format: one word a
 * line, `word/model` to inflect like a listed word, `*word` to forbid), made once per process
 * for each distinct pair.
 */
export function lexicon(variety: Variety = 'en-US', personal: readonly string[] = []): Lexicon {
  const words = [...new Set(personal)].sort().join('\n')
  const key = `${variety}\n${words}`
  let found = lexicons.get(key)
  if (!found) {
    found = new TableLexicon(variety, words)
    lexicons.set(key, found)
  }
  return found
}

type Codes = Array<string | false>

/** A hunspell speller that reads the word table, with its personal words beside it. */
class TableLexicon implements Lexicon {
  private readonly own: VarietyTable
  private readonly shared
  /** The entries the personal words added or changed, with all their codes. */
  private readonly personal = new Map<string, Codes>()
  private flags: AffixFlags

  constructor(
    readonly variety: Variety,
    words: string
  ) {
    const table = wordTable()
    this.own = table.varieties[variety]
    this.shared = table.shared
    this.flags = this.own.flags
    if (words) this.addPersonal(words)
  }

  // A property, not a method: rules pass `knows` around on its own.
  readonly knows = (word: string): boolean => {
    // nspell's `correct`: the word as written, then, unless its entry forbids it, in sentence
    // case (for an all-capitals word) and in lowercase.
    let normal = word.replaceAll('’', "'").trim()
    if (!normal) return false
    const conversion = this.own.conversion
    for (let index = 0; index < conversion.length; index++) normal = normal.replace(conversion[index][0], conversion[index][1])
    if (this.exact(normal)) return !flagged(this.flags, 'FORBIDDENWORD', this.codes(normal))
    if (normal.toUpperCase() === normal) {
      const sentenceCase = normal.charAt(0) + normal.slice(1).toLowerCase()
      if (this.ignored(sentenceCase)) return false
      if (this.exact(sentenceCase)) return true
    }
    const lower = normal.toLowerCase()
    if (lower !== normal) {
      if (this.ignored(lower)) return false
      if (this.exact(lower)) return true
    }
    return false
  }

  /** nspell's `exact`: a listed form not only for compounds, or a match of a compound rule. */
  private exact(value: string): boolean {
    const codes = this.codes(value)
    if (codes) return !flagged(this.flags, 'ONLYINCOMPOUND', codes)
    // As in nspell, no compound is tried when the affix file sets no minimum.
    return value.length >= (this.flags.COMPOUNDMIN as number) && this.own.compoundRules.some((rule) => rule.test(value))
  }

  private ignored(value: string): boolean {
    const codes = this.codes(value)
    return flagged(this.flags, 'KEEPCASE', codes) || flagged(this.flags, 'FORBIDDENWORD', codes)
  }

  /**
   * The codes of a form as far as lookups need them: the table lists no form kept in case or
   * forbidden (the build checks), so a listed form has no codes that matter but `ONLYINCOMPOUND`.
   */
  private codes(value: string): Codes | undefined {
    const personal = this.personal.get(value)
    if (personal) return personal
    if (this.shared.has(value) || this.own.words.has(value)) return noCodes
    if (this.own.onlyInCompound.has(value)) return [this.flags.ONLYINCOMPOUND as string]
    return undefined
  }

  private listed(value: string): boolean {
    return this.shared.has(value) || this.own.words.has(value) || this.own.onlyInCompound.has(value)
  }

  /** All the codes the table gives a form (its affix codes), for nspell adding personal words. */
  private listedCodes(value: string): Codes | undefined {
    if (!this.listed(value)) return undefined
    return (this.own.codes.valueOf(value) ?? '').split('')
  }

  /**
   * Adds personal words with nspell's `personal`, on a speller of the affix file alone whose data
   * are the table: a form nspell reads is copied into `personal` first, so what it changes or adds
   * lands there and the table stays as it is.
   */
  private addPersonal(words: string): void {
    const speller = nspell({aff: this.own.aff}) as unknown as PersonalSpeller
    const personal = this.personal
    const read = (word: string): Codes | undefined => {
      let codes = personal.get(word)
      if (!codes) {
        codes = this.listedCodes(word)
        if (codes) personal.set(word, codes)
      }
      return codes
    }
    speller.data = new Proxy(Object.create(null) as Record<string, Codes>, {
      get: (_target, word) => (typeof word === 'string' ? read(word) : undefined),
      has: (_target, word) => typeof word === 'string' && (personal.has(word) || this.listed(word)),
      set: (_target, word, codes: Codes) => {
        if (typeof word === 'string') personal.set(word, codes)
        return true
      }
    })
    speller.personal(words)
    // `personal` sets FORBIDDENWORD's code in the speller's flags.
    this.flags = speller.flags
  }
}

const noCodes: Codes = []

interface PersonalSpeller {
  data: Record<string, Codes>
  flags: AffixFlags
  personal(words: string): void
}
