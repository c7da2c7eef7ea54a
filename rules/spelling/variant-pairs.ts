/**
 * Which two words of a document are the US and British spellings of one word (`defense` and
 * `defence`, `organize` and `organise`, `dialog` and `dialogue`). The rewrites of `varieties.ts`
 * propose the other spelling; the dictionaries decide: a pair is a variant pair only when they
 * disagree about it (one spelling is missing from one variety), so that two ordinary words one
 * rewrite apart (`filler`/`filer`, `poet`/`pet`, `timber`/`timbre`) never pair up.
 */
import type {Lexicon} from '../../src/dictionaries.js'
import {memoizeWord} from '../../src/memo.js'
import {varietyCandidates} from './varieties.js'

/** The two spellings of one word, by variety. */
export interface VariantPair {
  us: string
  gb: string
}

/**
 * Spellings that look like variants but differ in meaning or part of speech, so a document may
 * rightly use both: `program` (software) beside `programme` (a schedule) in British copy,
 * `practice` (noun) beside `practise` (verb), `licence`/`license` likewise, `metre` (length)
 * beside `meter` (a device), `prise` (open) beside `prize` (an award).
 */
export const defaultIgnored: readonly string[] = [
  'program', 'programs', 'programme', 'programmes', 'programmed', 'programming',
  'practice', 'practices', 'practiced', 'practicing', 'practise', 'practises', 'practised', 'practising',
  'license', 'licenses', 'licensed', 'licensing', 'licence', 'licences',
  'meter', 'meters', 'metre', 'metres',
  'prise', 'prised', 'prising', 'prize', 'prized', 'prizes', 'apprise', 'apprize', 'seise', 'seize',
  'tire', 'tires', 'tyre', 'tyres', 'story', 'stories', 'storey', 'storeys',
  'draft', 'drafts', 'draught', 'draughts', 'check', 'checks', 'cheque', 'cheques'
]

/**
 * Variant pairs that both dictionaries accept in full, so that their disagreement cannot find
 * them; US spelling first.
 */
const acceptedByBoth: ReadonlyArray<readonly [string, string]> = [
  ['dialog', 'dialogue'], ['dialogs', 'dialogues'], ['gray', 'grey'], ['fulfill', 'fulfil'], ['enroll', 'enrol'],
  ['installment', 'instalment'], ['skillful', 'skilful'], ['jewelry', 'jewellery'], ['mustache', 'moustache'],
  ['aluminum', 'aluminium'], ['skeptic', 'sceptic'], ['skeptical', 'sceptical'], ['artifact', 'artefact'], ['plow', 'plough']
]
const knownPairs = new Map<string, VariantPair>()
for (const [us, gb] of acceptedByBoth) {
  knownPairs.set(us, {us, gb})
  knownPairs.set(gb, {us, gb})
}

// `des`/`does`, `de`/`doe`: short words are one rewrite from too many others.
const MIN_LENGTH = 4

/** Whether a word is long enough to have a variant or be one: a shorter one has no candidates and is no one's. */
export const mayHaveVariant = (word: string): boolean => word.length >= MIN_LENGTH

/** A spelling that would pair with a word, and the pair they would make. */
export interface VariantCandidate {
  other: string
  pair: VariantPair
}

/**
 * The spellings that would make a variant pair with lowercase `word`, in order of preference: the
 * pair a document makes is that of the first one it also uses.
 */
export function variantCandidatesOf(word: string, us: Lexicon, gb: Lexicon, ignored: ReadonlySet<string>): VariantCandidate[] {
  if (!mayHaveVariant(word) || ignored.has(word)) return []
  const known = knownPairs.get(word)
  if (known) return [{other: known.us === word ? known.gb : known.us, pair: known}]
  const result: VariantCandidate[] = []
  for (const other of varietyCandidates(word)) {
    if (!mayHaveVariant(other) || ignored.has(other)) continue
    const pair = sides(word, other, us, gb)
    if (pair) result.push({other, pair})
  }
  return result
}

/**
 * `variantCandidatesOf` remembered per word, for one pair of lexicons and one ignore list: a
 * document asks about each of its distinct words, and most words of a collection recur.
 */
export function variantCandidateFinder(
  us: Lexicon,
  gb: Lexicon,
  ignored: ReadonlySet<string>
): (word: string) => readonly VariantCandidate[] {
  return memoizeWord((word) => variantCandidatesOf(word, us, gb, ignored))
}

/** Which of `a` and `b` is US and which British, when the dictionaries tell them apart. */
function sides(a: string, b: string, us: Lexicon, gb: Lexicon): VariantPair | undefined {
  const aIsUs = (us.knows(a) && !us.knows(b)) || (gb.knows(b) && !gb.knows(a))
  const bIsUs = (us.knows(b) && !us.knows(a)) || (gb.knows(a) && !gb.knows(b))
  if (aIsUs === bIsUs) return undefined
  const [usForm, gbForm] = aIsUs ? [a, b] : [b, a]
  return us.knows(usForm) && gb.knows(gbForm) ? {us: usForm, gb: gbForm} : undefined
}
