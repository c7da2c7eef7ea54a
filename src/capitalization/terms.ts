/**
 * The document's evidence about how its names are cased: which words it capitalizes in the middle
 * of sentences (strong evidence: nothing makes a capital automatic there), which only in headings,
 * labels, table cells or at sentence starts (weak: title case and sentence starts capitalize
 * anything), and which runs of capitalized words it uses as names (`Western Balkans`).
 */
import {isKnownWord} from '../dictionary.js'
import {lowerCased, withoutPossessive} from './case.js'
import {derived} from '../derived.js'
import type {Article} from '../types.js'
import {articleWords, wordAt, type ProseWord} from './words.js'

export interface CapitalizedTerm {
  /** The form written most often, mid-sentence if the document ever writes it there: `Kosovo` (worked out when read). */
  readonly dominant: string
  /** How many times it is capitalized mid-sentence in running text. */
  mid: number
  /**
   * How many of the mid-sentence capitals stand alone, with no capitalized word right before or
   * after: `Crus` in `Grands Crus` is the name's, and says nothing about `crus` alone.
   */
  alone: number
  /** How many times it is capitalized anywhere: mid-sentence, at sentence starts, in headings. */
  all: number
  /** Where the dominant form is first seen, for messages: `as on line 3` (worked out when read). */
  readonly where: string
  /**
   * How many of the mid-sentence capitals follow a determiner: `the Constitution`, `the South`, `our Nation` are
   * institutions and regions, also written lowercase as common nouns; people's names take none.
   */
  afterDeterminer: number
}

export interface Phrase {
  /** The name's words as written: `['Western', 'Balkans']`. */
  words: string[]
  /** Whether it is written so mid-sentence in running text (not only in a heading, label or cell). */
  mid: boolean
  /** How many times it is written so. */
  count: number
  /** Where it is first seen so (mid-sentence, when it ever is), for messages: `as on line 3` (worked out when read). */
  readonly where: string
}

export interface Terms {
  /** By lowercase word (possessive removed). */
  capitalized: Map<string, CapitalizedTerm>
  /**
   * How many times a word is written lowercase where a capital is not required: asked only of a
   * word the document also writes with a capital or the dictionary does not know (see `lowercaseCounts`).
   */
  lowercase: (word: string) => number
  /** Capitalized runs of two to six words, by their lowercase words joined with spaces. */
  phrases: Map<string, Phrase>
}


// Lowercase words that may join the parts of a name inside a run: `Bosnia and Herzegovina`.
const joiners = new Set(['and', 'of', 'the', 'for', 'de', 'da', 'di', 'du', 'del', 'der', 'van', 'von', 'la', 'le'])

const isStrong = (word: ProseWord): boolean => word.place === 'mid' && word.zone === 'text'
/** The line a word is on. */
export type LineOf = (word: ProseWord) => number

const where = (word: ProseWord, lineOf: LineOf): string => `as on line ${lineOf(word)}`

/** The casing evidence of an article, collected once for the rules that read it. */
export const articleTerms = derived(function articleTerms(article: Article): Terms {
  return documentTerms(articleWords(article), (word) => article.toPoint(word.prose.offsets[word.start]).line)
})

/** How often one form of a capitalized word (`Kosovo`) is written, and where first. */
interface FormTally {
  value: string
  strong: number
  weak: number
  first: ProseWord
  firstStrong?: ProseWord
}

/**
 * The evidence for one capitalized word, counted over all its forms as the document is read. Its
 * dominant form and where that is first seen are worked out when asked, which is only for the few
 * words a rule reports.
 */
class TermTally implements CapitalizedTerm {
  mid = 0
  alone = 0
  all = 0
  afterDeterminer = 0
  /** Each form, in the order the document first writes it. */
  readonly forms: FormTally[]

  constructor(
    first: FormTally,
    private readonly lineAt: LineOf
  ) {
    this.forms = [first]
  }

  get dominant(): string {
    return this.dominantForm().value
  }

  get where(): string {
    const form = this.dominantForm()
    return where(form.firstStrong ?? form.first, this.lineAt)
  }

  /** The form written most often mid-sentence, then most often anywhere; the first seen of equals. */
  private dominantForm(): FormTally {
    let best = this.forms[0]
    for (const form of this.forms) if (form.strong > best.strong || (form.strong === best.strong && form.weak > best.weak)) best = form
    return best
  }

  /** Counts a capitalized word written as `value`. */
  add(word: ProseWord, value: string, strong: boolean): FormTally {
    let form = this.forms.find((each) => each.value === value)
    if (!form) this.forms.push((form = newForm(word, value)))
    this.all++
    if (strong) {
      this.mid++
      form.strong++
      form.firstStrong ??= word
    } else form.weak++
    return form
  }
}

const newForm = (word: ProseWord, value: string): FormTally => ({value, strong: 0, weak: 0, first: word})

/** Collects the casing evidence of a document from the words of its prose units. */
export function documentTerms(units: readonly ProseWord[][], lineAt: LineOf): Terms {
  const capitalized = new Map<string, TermTally>()
  // Words written in capitals (`NATO`): a name's words, like its capitalized ones.
  const upperCase = new Set<string>()
  const phrases = new Map<string, PhraseTally>()

  for (const words of units) {
    for (let index = 0; index < words.length; index++) {
      const word = words[index]
      const {kind, key} = word
      if (kind === 'upper') upperCase.add(key)
      if (kind !== 'capitalized') continue
      const value = withoutPossessive(word.text)
      let tally = capitalized.get(key)
      if (!tally) capitalized.set(key, (tally = new TermTally(newForm(word, value), lineAt)))
      const strong = isStrong(word)
      tally.add(word, value, strong)
      if (strong) {
        if (followsDeterminer(wordAt(words, index - 1), word)) tally.afterDeterminer++
        if (!inCapitalizedRun(words, index)) tally.alone++
      }
      collectPhrases(words, index, phrases, lineAt)
    }
  }
  const writtenCapitalized = (key: string): boolean => capitalized.has(key) || upperCase.has(key)
  // Counted on the first question: term-capitalization asks, heading-capitalization does not.
  let counts: Map<string, number> | undefined
  const lowercase = (word: string): number => (counts ??= lowercaseCounts(units, writtenCapitalized)).get(word) ?? 0
  return {capitalized, lowercase, phrases}
}

/**
 * How many times each word that may be asked about is written lowercase where a capital is not
 * required. The rules ask only about a word the document also writes with a capital
 * (`writtenCapitalized`) or the dictionary does not know: counting every lowercase word made a
 * map entry for each distinct word of every document, and most are never asked about.
 */
function lowercaseCounts(units: readonly ProseWord[][], writtenCapitalized: (key: string) => boolean): Map<string, number> {
  const counts = new Map<string, number>()
  for (const words of units) {
    for (const {kind, place, key} of words) {
      if (kind !== 'lower' || place === 'start' || !(writtenCapitalized(key) || !isKnownWord(key))) continue
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  return counts
}

/** Whether there is exactly one space between two words of a prose unit, `before` first. */
export const oneSpaceBetween = (before: ProseWord, after: ProseWord): boolean => after.start === before.end + 1 && before.prose.text.charCodeAt(before.end) === 0x20

/** Whether `words[index]` has a capitalized word right before or after it, one space away: `Grands Crus`. */
function inCapitalizedRun(words: readonly ProseWord[], index: number): boolean {
  const word = words[index]
  const previous = wordAt(words, index - 1)
  const next = wordAt(words, index + 1)
  return (previous !== undefined && oneSpaceBetween(previous, word) && mayBeName(previous)) || (next !== undefined && oneSpaceBetween(word, next) && mayBeName(next))
}

/** Whether a word's capital, if any, may be a name's: it is not lowercase, nor capitalized only because it starts a sentence. */
const mayBeName = (word: ProseWord): boolean => word.kind !== 'lower' && !(word.place === 'start' && word.zone === 'text')

// Articles, demonstratives and possessives: people's and places' names take none (`our Nation`,
// `that Act` are common nouns capitalized for dignity).
const determiners = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'your', 'their', 'its', 'my'])

/** Whether `previous` is a determiner right before `word`: `the House`, `our Nation`. */
export function followsDeterminer(previous: ProseWord | undefined, word: ProseWord): boolean {
  return previous !== undefined && determiners.has(lowerCased(previous.text)) && oneSpaceBetween(previous, word)
}

/** A name of several words the document writes, with where it is first seen so (mid-sentence, when it ever is). */
class PhraseTally implements Phrase {
  count = 1

  constructor(
    public words: string[],
    public mid: boolean,
    private first: ProseWord,
    private readonly lineAt: LineOf
  ) {}

  get where(): string {
    return where(this.first, this.lineAt)
  }

  /** Counts another writing of the name; the first mid-sentence one becomes the one quoted. */
  add(words: string[], mid: boolean, first: ProseWord): void {
    this.count++
    if (mid && !this.mid) {
      this.words = words
      this.mid = true
      this.first = first
    }
  }
}

/** Registers the capitalized runs that start at `words[first]`. */
function collectPhrases(words: readonly ProseWord[], first: number, phrases: Map<string, PhraseTally>, lineAt: LineOf): void {
  // A run that opens a sentence may owe its first capital to the sentence: `The Balkans`.
  if (words[first].place === 'start' && words[first].zone === 'text') return
  // Only whole runs are names: `Union of Soviet Artists` says nothing about `Soviet artists`.
  const previous = wordAt(words, first - 1)
  if (previous && oneSpaceBetween(previous, words[first]) && mayBeName(previous)) return
  // The run's capitalized words, with lowercase joiners between them, up to six words in all.
  let last = first
  for (let next = first + 1, length = 1; next < words.length && length < 6; next++, length++) {
    if (!oneSpaceBetween(words[next - 1], words[next])) break
    const kind = words[next].kind
    if (kind === 'lower' && joiners.has(withoutPossessive(words[next].text))) continue
    if (kind !== 'capitalized' && kind !== 'upper') break
    last = next
  }
  if (last === first) return
  const name: string[] = []
  let strong = true
  for (let index = first; index <= last; index++) {
    name.push(withoutPossessive(words[index].text))
    strong &&= isStrong(words[index])
  }
  const key = name.join(' ').toLowerCase()
  const known = phrases.get(key)
  if (!known) phrases.set(key, new PhraseTally(name, strong, words[first], lineAt))
  else known.add(name, strong, words[first])
}
