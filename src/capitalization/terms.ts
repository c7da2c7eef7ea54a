/**
 * The document's evidence about how its names are cased: which words it capitalizes in the middle
 * of sentences (strong evidence: nothing makes a capital automatic there), which only in headings,
 * labels, table cells or at sentence starts (weak: title case and sentence starts capitalize
 * anything), and which runs of capitalized words it uses as names (`Western Balkans`).
 */
import {withoutPossessive} from './case.js'
import type {Article} from '../types.js'
import {proseWords, type ProseWord} from './words.js'

export interface CapitalizedTerm {
  /** The form written most often, mid-sentence if the document ever writes it there: `Kosovo`. */
  dominant: string
  /** How many times it is capitalized mid-sentence in running text. */
  mid: number
  /**
   * How many of the mid-sentence capitals stand alone, with no capitalized word right before or
   * after: `Crus` in `Grands Crus` is the name's, and says nothing about `crus` alone.
   */
  alone: number
  /** How many times it is capitalized anywhere: mid-sentence, at sentence starts, in headings. */
  all: number
  /** Where the dominant form is first seen, for messages: `as on line 3`. */
  where: string
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
  where: string
}

export interface Terms {
  /** By lowercase word (possessive removed). */
  capitalized: Map<string, CapitalizedTerm>
  /** How many times each word is written lowercase where a capital is not required. */
  lowercase: Map<string, number>
  /** Capitalized runs of two to six words, by their lowercase words joined with spaces. */
  phrases: Map<string, Phrase>
}


// Lowercase words that may join the parts of a name inside a run: `Bosnia and Herzegovina`.
const joiners = new Set(['and', 'of', 'the', 'for', 'de', 'da', 'di', 'du', 'del', 'der', 'van', 'von', 'la', 'le'])

const isStrong = (word: ProseWord): boolean => word.place === 'mid' && word.zone === 'text'
/** The line a word is on. */
export type LineOf = (word: ProseWord) => number

const where = (word: ProseWord, lineOf: LineOf): string => `as on line ${lineOf(word)}`

const termsByArticle = new WeakMap<Article, Terms>()

/** The casing evidence of an article, collected once for the rules that read it. */
export function articleTerms(article: Article): Terms {
  let terms = termsByArticle.get(article)
  if (!terms) {
    const units = article.prose.map((prose) => proseWords(prose))
    terms = documentTerms(units, (word) => article.toPoint(word.prose.offsets[word.start]).line)
    termsByArticle.set(article, terms)
  }
  return terms
}

/** Collects the casing evidence of a document from the words of its prose units. */
export function documentTerms(units: readonly ProseWord[][], lineAt: LineOf): Terms {
  const forms = new Map<string, Map<string, {strong: number; weak: number; afterDeterminer: number; alone: number; first: ProseWord; firstStrong?: ProseWord}>>()
  const lowercase = new Map<string, number>()
  const phrases = new Map<string, Phrase>()

  for (const words of units) {
    words.forEach((word, index) => {
      const value = withoutPossessive(word.text)
      const kind = word.kind
      const key = value.toLowerCase()
      if (kind === 'lower') {
        if (word.place !== 'start') lowercase.set(key, (lowercase.get(key) ?? 0) + 1)
        return
      }
      if (kind !== 'capitalized') return
      let byForm = forms.get(key)
      if (!byForm) forms.set(key, (byForm = new Map()))
      let form = byForm.get(value)
      if (!form) byForm.set(value, (form = {strong: 0, weak: 0, afterDeterminer: 0, alone: 0, first: word}))
      if (isStrong(word)) {
        form.strong++
        if (followsDeterminer(words[index - 1], word)) form.afterDeterminer++
        if (!inCapitalizedRun(words, index)) form.alone++
        form.firstStrong ??= word
      } else form.weak++
      collectPhrases(words, index, phrases, lineAt)
    })
  }

  const capitalized = new Map<string, CapitalizedTerm>()
  for (const [key, byForm] of forms) {
    const ranked = [...byForm].sort((a, b) => b[1].strong - a[1].strong || b[1].weak - a[1].weak)
    const [dominant, form] = ranked[0]
    const mid = ranked.reduce((sum, [, each]) => sum + each.strong, 0)
    const afterDeterminer = ranked.reduce((sum, [, each]) => sum + each.afterDeterminer, 0)
    const alone = ranked.reduce((sum, [, each]) => sum + each.alone, 0)
    const all = ranked.reduce((sum, [, each]) => sum + each.strong + each.weak, 0)
    capitalized.set(key, {dominant, mid, alone, all, afterDeterminer, where: where(form.firstStrong ?? form.first, lineAt)})
  }
  return {capitalized, lowercase, phrases}
}

/** Whether `words[index]` has a capitalized word right before or after it, one space away: `Grands Crus`. */
function inCapitalizedRun(words: readonly ProseWord[], index: number): boolean {
  const word = words[index]
  const joined = (other: ProseWord | undefined, between: string): boolean =>     other !== undefined && between === ' ' && other.kind !== 'lower' && !(other.place === 'start' && other.zone === 'text')
  const previous = words[index - 1]
  const next = words[index + 1]
  return joined(previous, previous ? word.prose.text.slice(previous.end, word.start) : '') || joined(next, next ? word.prose.text.slice(word.end, next.start) : '')
}

// Articles, demonstratives and possessives: people's and places' names take none (`our Nation`,
// `that Act` are common nouns capitalized for dignity).
const determiners = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'your', 'their', 'its', 'my'])

/** Whether `previous` is a determiner right before `word`: `the House`, `our Nation`. */
export function followsDeterminer(previous: ProseWord | undefined, word: ProseWord): boolean {
  return previous !== undefined && determiners.has(previous.text.toLowerCase()) && previous.prose.text.slice(previous.end, word.start) === ' '
}

/** Registers the capitalized runs that start at `words[first]`. */
function collectPhrases(words: readonly ProseWord[], first: number, phrases: Map<string, Phrase>, lineAt: LineOf): void {
  // A run that opens a sentence may owe its first capital to the sentence: `The Balkans`.
  if (words[first].place === 'start' && words[first].zone === 'text') return
  // Only whole runs are names: `Union of Soviet Artists` says nothing about `Soviet artists`.
  const previous = words[first - 1]
  if (
    previous &&
    previous.prose.text.slice(previous.end, words[first].start) === ' ' &&
    previous.kind !== 'lower' &&
    !(previous.place === 'start' && previous.zone === 'text')
  ) {
    return
  }
  const run: string[] = [withoutPossessive(words[first].text)]
  let last = first
  for (let next = first + 1; next < words.length && run.length < 6; next++) {
    const previous = words[next - 1]
    if (previous.prose.text.slice(previous.end, words[next].start) !== ' ') break
    const value = withoutPossessive(words[next].text)
    const kind = words[next].kind
    if (kind === 'lower' && joiners.has(value)) {
      run.push(value)
      continue
    }
    if (kind !== 'capitalized' && kind !== 'upper') break
    run.push(value)
    last = next
  }
  const name = run.slice(0, last - first + 1)
  if (name.length < 2) return
  const key = name.join(' ').toLowerCase()
  const strong = words.slice(first, last + 1).every(isStrong)
  const known = phrases.get(key)
  if (!known) phrases.set(key, {words: name, mid: strong, count: 1, where: where(words[first], lineAt)})
  else {
    known.count++
    if (strong && !known.mid) Object.assign(known, {words: name, mid: true, where: where(words[first], lineAt)})
  }
}
