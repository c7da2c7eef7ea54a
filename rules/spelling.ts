/**
 * `spelling`: typos, checked against dictionary-en (and dictionary-en-gb), with names left alone.
 *
 * A word is reported when the dictionaries do not know it, it is not a name by the policy in
 * `spelling/names.ts`, and it is one slip (a transposed, doubled, dropped or wrong letter) away
 * from a word they do know. An unknown word with no dictionary word that close is a coinage, a
 * foreign word or a name, not a typo, and reporting it would cry wolf.
 */
import path from 'node:path'
import type {Root, Sentence, Word} from 'nlcst'
import type {VFile} from 'vfile'
import type {Article} from '../src/types.js'
import {lexicon, type Lexicon, type Variety} from '../src/dictionaries.js'
import {isLowercasedProperNoun} from '../src/dictionary.js'
import {getArticle} from '../src/parse/article.js'
import {certainFix, defineRule} from '../src/rule.js'
import {isFormed, isPrefix} from './spelling/morphology.js'
import {
  alwaysSkipped,
  automaticCapitals,
  documentCasing,
  isCapitalized,
  isMention,
  proseSentences,
  withoutPossessive,
  type DocumentCasing
} from './spelling/names.js'
import {commonWords} from './spelling/common-words.js'
import {suggester, TRANSPOSED, VOWEL_OR_DOUBLE, DROPPED_OR_EXTRA, type Suggest, type Suggestion} from './spelling/suggest.js'
import {supplementWords} from './spelling/supplement.js'
import {varietyCandidates} from './spelling/varieties.js'
import {isVerbatim, nodeText} from '../src/parse/prose.js'
import {parseRejected, vocabularyFor, type Vocabulary} from './spelling/vocabulary.js'

const languages = ['en', 'en-US', 'en-GB'] as const
type Language = (typeof languages)[number]

const options = {
  words: {type: 'string[]', default: [], description: 'Personal dictionary: words to accept (hunspell forms such as `Stoltenberg` or `blog/S` work).'},
  reject: {
    type: 'string[]',
    default: [],
    description: 'Words to flag wherever they appear: `irregardless`, or `judgement=judgment` to give the replacement (a certain fix).'
  },
  language: {
    type: 'string',
    default: 'en',
    enum: languages,
    description: '`en` accepts US and British spellings; `en-US` or `en-GB` accepts only that variety and suggests in it.'
  }
} as const

/** The dictionaries and caches of one configuration, shared by every file it lints. */
interface Checker {
  /** Whether the dictionaries list the word as written, by itself or by the parts of a hyphenated word. */
  listed: (word: string) => boolean
  /** Whether the word is never reported wherever it stands: never checked (`neverChecked`) or listed. */
  settled: (word: string) => boolean
  /** Whether the word is a regular formation from listed words (`nonmythological`, `oxygens`). */
  formed: (word: string) => boolean
  /** The primary dictionary, for capitals. */
  primary: Lexicon
  /** With `language` set to one variety, the other one: its spellings are reported as such. */
  foreign?: Lexicon
  suggest: Suggest
}

const checkers = new Map<string, Promise<Checker>>()

function checkerFor(language: Language, words: readonly string[]): Promise<Checker> {
  const key = JSON.stringify([language, [...words].sort()])
  let checker = checkers.get(key)
  if (!checker) {
    checker = (async () => {
      const varieties: Variety[] = language === 'en' ? ['en-US', 'en-GB'] : [language]
      const personal = [...supplementWords, ...words]
      const [primary, ...others] = varieties.map((variety) => lexicon(variety, personal))
      const foreign = language === 'en' ? undefined : lexicon(language === 'en-US' ? 'en-GB' : 'en-US')
      const inAny = (word: string) => primary.knows(word) || others.some((other) => other.knows(word))
      const listed = cached((word) => inAny(word) || partsKnown(word, inAny))
      const formed = cached((word) => isFormed(word, inAny))
      // Formations are tried for transpositions only, a few per word (`subfigrues`): trying them for
      // every candidate (hundreds per word) tripled the run time. Compounds are not tried at all:
      // a transposition at the seam of a long word makes two words too often (`meatphysic`).
      const suggest = suggester(primary.knows, (word) => listed(word) || isFormed(word, inAny))
      // Most words are settled by one of these, whatever their place: one remembered answer for both.
      const settled = cached((word) => neverChecked(word) || listed(word))
      return {listed, settled, formed, primary, foreign, suggest}
    })()
    checkers.set(key, checker)
  }
  return checker
}

/** `test` with its answers kept, for the whole run. */
function cached(test: (word: string) => boolean): (word: string) => boolean {
  const answers = new Map<string, boolean>()
  return (word) => {
    let answer = answers.get(word)
    if (answer === undefined) {
      answer = test(word)
      answers.set(word, answer)
    }
    return answer
  }
}

/** `well-known`, `pre-existence`: a hyphenated word is known when each of its parts is. */
function partsKnown(word: string, known: (word: string) => boolean): boolean {
  const parts = word.split(/[-‐]/u)
  return parts.length > 1 && parts.every((part) => part === '' || known(part) || isPrefix(part) || isFormed(part, known))
}

/** Why a word is reported, if it is. */
type Finding =
  | {kind: 'typo'; suggestions: Suggestion[]}
  | {kind: 'rejected'; replacement?: string}
  | {kind: 'variety'; variety: Variety; expected: string[]}

/** What the document tells about its words. */
interface DocumentEvidence {
  /** How often each word to be judged occurs, as written. */
  counts: ReadonlyMap<string, number>
  /** How the document writes its words, worked out on the first question (most documents ask none). */
  casing: () => DocumentCasing
}

/** A word the document uses this often is meant, unless it is a transposition of a known word. */
const CONSISTENT_USE = 2

/** What the rule decides about one word in its place. */
function judge(word: string, automaticCapital: () => boolean, checker: Checker, evidence: DocumentEvidence, vocabulary: Vocabulary): Finding | undefined {
  const rejected = vocabulary.rejected.size > 0 ? (vocabulary.rejected.get(word) ?? vocabulary.rejected.get(word.toLowerCase())) : undefined
  if (rejected) return {kind: 'rejected', replacement: rejected.replacement && matchCase(rejected.replacement, word)}
  if (checker.settled(word)) return undefined
  const capitalized = isCapitalized(word)
  if (capitalized && (!automaticCapital() || evidence.casing().midSentence.has(withoutPossessive(word)))) return undefined
  if (checker.foreign?.knows(word)) {
    const expected = varietyCandidates(word).filter((candidate) => checker.primary.knows(candidate))
    return {kind: 'variety', variety: checker.foreign.variety, expected: expected.length > 0 ? expected : checker.suggest(word).map((x) => x.word)}
  }
  // `hodge-podge`, `co-ordinator`: a hyphenation of a known word is a matter of style, not spelling.
  if (/[-‐]/u.test(word) && checker.listed(word.replaceAll(/[-‐]/gu, ''))) return undefined
  // A lowercase name (`kosovo`, `december`) is term-capitalization's to report, not a typo.
  if (!capitalized && (evidence.casing().capitalizedLower.has(word) || isLowercasedProperNoun(word))) return undefined
  // A transposition (`depeer`, `thses`) is the commonest slip: it is reported even where the
  // unknown word could be read as a formation (`de-peer`) or is used consistently. Asking for
  // transpositions first is cheap; the full search is made only for words still in question.
  const transpositions = checker.suggest(word, TRANSPOSED)
  // Short words have a dictionary neighbour for almost any slip (`et`, `zg`): only a transposition
  // of a common short word counts (`teh`, `adn`).
  if (word.length <= 3) {
    return transpositions.some((suggestion) => commonWords.has(suggestion.word.toLowerCase()))
      ? {kind: 'typo', suggestions: checker.suggest(word)}
      : undefined
  }
  if (transpositions.length === 0) {
    if (checker.formed(word) || (evidence.counts.get(word) ?? 0) >= CONSISTENT_USE) return undefined
    // The slips worth reporting are a dropped or extra letter (`thes`, `shuld`), a doubled or
    // undoubled one (`carreer`) and a vowel for a vowel (`seperate`); a consonant for another
    // mostly turns one real word into another (`titration`, `nitration`). A capitalized word at a
    // sentence start is more likely a name than a typo unless the slip is one of the commonest:
    // `Sence` for `Since`.
    const slips = checker.suggest(word, capitalized ? VOWEL_OR_DOUBLE : DROPPED_OR_EXTRA)
    if (slips.length === 0) return undefined
    // Four letters are one slip from many words (`soma`, `lobo`): only a slip of a common short word counts.
    if (word.length === 4 && !slips.some((slip) => commonWords.has(slip.word.toLowerCase()))) return undefined
  }
  const suggestions = checker.suggest(word)
  return {kind: 'typo', suggestions}
}

/** Above this many distinct non-transposition findings per 1,000 words, a document spells its own way. */
const OWN_SPELLING_RATE = 3
const OWN_SPELLING_MINIMUM = 8

/**
 * Whether the document spells many words its own way: dialect in dialogue (`forgit`, `yuse`),
 * archaic quotations (`thinke`, `wheare`), a foreign passage. Typos are rare in edited text; when
 * one-slip-away words are this frequent they are the author's spelling, and only transpositions,
 * which no spelling tradition produces, are still reported.
 */
function spellsItsOwnWay(found: ReadonlyArray<{word: string; finding: Finding}>, words: number): boolean {
  const distinct = new Set<string>()
  for (const {word, finding} of found) {
    if (finding.kind === 'typo' && finding.suggestions[0].cost !== TRANSPOSED) distinct.add(word)
  }
  return distinct.size >= OWN_SPELLING_MINIMUM && (distinct.size * 1000) / words > OWN_SPELLING_RATE
}

/** Whether a word is left alone wherever it stands: a name-like token, an elision or an abbreviation. */
const neverChecked = (word: string): boolean => alwaysSkipped(word) || isElided(word) || isAbbreviation(word)

/** `'em`, `o'`: a word clipped on purpose, in dialogue. */
const isElided = (word: string): boolean => /^['’]|['’]$/u.test(word)

/** `etc.`, `lb.`, `cf.`: parse-english keeps the full stop of an abbreviation in the word. */
const isAbbreviation = (word: string): boolean => word.endsWith('.')

/** A word to be judged in its place. */
interface Unsettled {
  sentence: Sentence
  inHeading: boolean
  /** Its index among the sentence's children. */
  index: number
  node: Word
  word: string
}

/**
 * The words of a document that `mustJudge` picks, in order, with how often each occurs, and how
 * many words the document has. Most words are settled by one remembered answer whatever their
 * place; only the few others need their sentence and the evidence of the document.
 */
function unsettledWords(tree: Root, article: Article, mustJudge: (word: string) => boolean) {
  const unsettled: Unsettled[] = []
  // A word is picked by its spelling alone, so every use of a picked word is counted here.
  const counts = new Map<string, number>()
  let words = 0
  const {sentences, inHeading} = proseSentences(tree, article)
  for (let at = 0; at < sentences.length; at++) {
    const sentence = sentences[at]
    const children = sentence.children
    for (let index = 0; index < children.length; index++) {
      const node = children[index]
      if (node.type !== 'WordNode') continue
      words++
      const word = nodeText(node)
      if (!mustJudge(word)) continue
      unsettled.push({sentence, inHeading: inHeading[at], index, node, word})
      counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
  return {unsettled, counts, words}
}

/** Whether a word's capital is automatic in its place (see `automaticCapitals`), each sentence worked out once. */
function automaticCapitalTest(): (word: Unsettled) => boolean {
  const bySentence = new Map<Sentence, Set<Word>>()
  return ({sentence, inHeading, node}) => {
    let automatic = bySentence.get(sentence)
    if (!automatic) bySentence.set(sentence, (automatic = automaticCapitals(sentence, inHeading)))
    return automatic.has(node)
  }
}

/** `replacement` in the case of `word`: `Judgment` for `Judgement`. */
function matchCase(replacement: string, word: string): string {
  return isCapitalized(word) && !isCapitalized(replacement) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement
}

const quoted = (words: readonly string[]): string => words.map((word) => `\`${word}\``).join(', ')

function report(file: VFile, node: Word, word: string, finding: Finding): void {
  const place = node.position!
  if (finding.kind === 'typo') {
    const suggestions = finding.suggestions.map((suggestion) => suggestion.word)
    const message = file.message(
      `Unexpected unknown word \`${word}\`` + (suggestions.length > 0 ? `, expected for example ${quoted(suggestions)}` : ''),
      {place, ruleId: 'spelling', source: 'copydesk'}
    )
    message.actual = word
    message.expected = suggestions
    return
  }
  if (finding.kind === 'variety') {
    const label = finding.variety === 'en-GB' ? 'British' : 'US'
    const message = file.message(
      `Unexpected ${label} spelling \`${word}\`` + (finding.expected.length > 0 ? `, expected ${quoted(finding.expected)}` : ''),
      {place, ruleId: 'spelling', source: 'copydesk'}
    )
    message.actual = word
    message.expected = finding.expected
    message.note = 'The `language` option asks for one variety of English.'
    return
  }
  const {replacement} = finding
  const message = file.message(`Unexpected rejected term \`${word}\`` + (replacement ? `, expected \`${replacement}\`` : ''), {
    place,
    ruleId: 'spelling',
    source: 'copydesk'
  })
  message.actual = word
  message.note = 'The term is on the rejected list of the configuration or of `.copydesk-words.txt`.'
  // Certain only where the word is exactly its source: Markdown markup inside it would be lost.
  if (replacement && isVerbatim(file, place, word)) certainFix(message, replacement)
  else if (replacement) message.expected = [replacement]
}

export default defineRule({
  meta: {
    id: 'spelling',
    description: 'Typos: words one slip away from a dictionary word; names, acronyms and coinages are left alone.',
    url: 'https://github.com/copydesk/copydesk/blob/main/docs/rules/spelling.md',
    category: 'spelling',
    fixable: true,
    defaultSeverity: 'warn',
    options
  },
  plugin(settings) {
    const configured = parseRejected(settings.reject)
    return async (tree: Root, file: VFile) => {
      const vocabulary = await vocabularyFor(file.path && path.resolve(file.cwd || process.cwd(), file.path), settings.words, configured)
      const checker = await checkerFor(settings.language, vocabulary.personal)
      const article = getArticle(file)
      // A rejected term is reported even where it is settled, so with rejected terms every word is judged.
      const mustJudge = vocabulary.rejected.size > 0 ? () => true : (word: string) => !checker.settled(word)
      const {unsettled, counts, words} = unsettledWords(tree, article, mustJudge)
      let casing: DocumentCasing | undefined
      const evidence: DocumentEvidence = {counts, casing: () => (casing ??= documentCasing(tree, article))}
      const isAutomatic = automaticCapitalTest()
      const found: Array<{node: Word; word: string; finding: Finding}> = []
      for (const candidate of unsettled) {
        const {sentence, index, node, word} = candidate
        if (isMention(sentence, index)) continue
        const finding = judge(word, () => isAutomatic(candidate), checker, evidence, vocabulary)
        if (finding) found.push({node, word, finding})
      }
      const ownSpelling = spellsItsOwnWay(found, words)
      for (const {node, word, finding} of found) {
        if (ownSpelling && finding.kind === 'typo' && finding.suggestions[0].cost !== TRANSPOSED) continue
        report(file, node, word, finding)
      }
    }
  }
})
