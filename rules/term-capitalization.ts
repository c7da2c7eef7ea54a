/**
 * `term-capitalization`: a name written lowercase where the document, or the dictionary, has it
 * capitalized: `kosovo` beside `Kosovo`, `western Balkans` beside `Western Balkans`, `december`,
 * `anadolu Agency`. Each minority form is flagged with the dominant form as its fix.
 */
import type {VFile} from 'vfile'
import {caseOf, withCapital, withoutPossessive} from '../src/capitalization/case.js'
import {taxonomicRanks} from '../src/capitalization/abbreviations.js'
import {reportRecase} from '../src/capitalization/report.js'
import {isFunctionWord, nameParticles} from '../src/capitalization/function-words.js'
import {isNameHead} from '../src/capitalization/name-heads.js'
import {articleTerms, followsDeterminer, oneSpaceBetween, type Phrase, type Terms} from '../src/capitalization/terms.js'
import {articleWords, wordAt, type ProseWord} from '../src/capitalization/words.js'
import {hasKnownNeighbour, hasNameEntry, isKnownWord, isLowercasedProperNoun} from '../src/dictionary.js'
import {getArticle} from '../src/parse/article.js'
import {defineRule} from '../src/rule.js'
import type {Article} from '../src/types.js'


// Lowercase words that join the parts of a name: `Bosnia and Herzegovina`, `Ministry of Defense`, `de Gaulle`.
const joiners = new Set(['and', 'of', 'the', 'for', 'on', 'in', ...nameParticles])

// Titles before a name: `Mr. brown`, `Miss ada`.
const titles = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'st', 'gen', 'gov', 'sen', 'rep', 'capt', 'col', 'lt', 'sgt', 'rev', 'sir', 'lady', 'lord', 'chief', 'president', 'king', 'queen', 'saint', 'uncle', 'aunt'])

/** Whether `word` is a capitalized name word right next to `other` (one space between them). */
function isNameNeighbour(word: ProseWord, other: ProseWord | undefined): boolean {
  if (!other) return false
  const text = word.prose.text
  const between = other.start > word.start ? text.slice(word.end, other.start) : text.slice(other.end, word.start)
  if (between !== ' ' && !(other.end <= word.start && /^\. $/u.test(between) && titles.has(other.text.toLowerCase()))) return false
  const value = withoutPossessive(other.text)
  if (caseOf(value) !== 'capitalized' || joiners.has(value.toLowerCase())) return false
  if (titles.has(value.toLowerCase()) && other.end <= word.start) return true
  // `The anadolu`: a common word capitalized at the start of a sentence is no name.
  return other.place === 'mid' || !isKnownWord(value.toLowerCase())
}

// Made once, not once per word.
const digitOrMark = /[\p{N}.-]/u
const apostrophe = /['’]/u

export default defineRule({
  meta: {
    id: 'term-capitalization',
    description: 'A name or term written lowercase where the document or the dictionary has it capitalized.',
    url: 'https://github.com/copydesk/copydesk/blob/main/docs/rules/term-capitalization.md',
    category: 'capitalization',
    fixable: true,
    defaultSeverity: 'error',
    options: {
      allow: {type: 'string[]', default: [], description: 'Lowercase words never to flag (`internet`, `web`).'}
    }
  },
  plugin(settings) {
    const allowed = new Set(settings.allow.map((word) => word.toLowerCase()))
    return function (_tree, file: VFile) {
      const article = getArticle(file)
      const units = articleWords(article)
      const terms = articleTerms(article)
      const flagged = new Set<ProseWord>()
      for (const finding of phraseFindings(units, terms)) {
        if (flagged.has(finding.word)) continue
        flagged.add(finding.word)
        report(file, article, finding.word, finding.expected, `\`${finding.phrase.words.join(' ')}\` is written so ${finding.phrase.where}`, true)
      }
      for (const words of units) {
        for (let index = 0; index < words.length; index++) {
          const word = words[index]
          if (word.place === 'start' || word.kind !== 'lower' || flagged.has(word)) continue
          const value = withoutPossessive(word.text)
          // Most words are dictionary words the document never capitalizes: `judge` finds no
          // evidence for them, so none of the checks below needs to run.
          if (!terms.capitalized.has(value) && isKnownWord(value)) continue
          if (value.length < 2 || digitOrMark.test(value) || allowed.has(value) || isFunctionWord(value) || nameParticles.has(value)) continue
          // `darin'`, `th'`, `l'activite`: an elision or a word of another language, not a name.
          if (isMention(word) || apostrophe.test(value) || apostrophe.test(word.prose.text[word.end] ?? '')) continue
          const previous = wordAt(words, index - 1)
          if (isEpithet(word, previous)) continue
          const verdict = judge(word, value, previous, wordAt(words, index + 1), terms)
          if (verdict === undefined) continue
          const evidence = terms.capitalized.get(value)
          const expected = (evidence?.dominant ?? withCapital(value)) + word.text.slice(value.length)
          report(file, article, word, expected, verdict.note, verdict.certain)
        }
      }
    }
  }
})

/** Why a lowercase word should be capitalized, and whether that evidence makes the capital certain. */
interface Verdict {
  note: string
  /**
   * Whether the capital is the only right form, to be applied by `--fix`: only where the document
   * itself writes the word capitalized mid-sentence more often than lowercase, or writes the name
   * it stands in. The dictionary alone is a suggestion: `missy`, `levis`, `glover` are its names
   * and also words.
   */
  certain: boolean
}

/**
 * Why a lowercase word (not at a sentence start) should be capitalized, or `undefined` when it
 * may stay as it is. The evidence, strongest first:
 *
 * - the document writes it capitalized mid-sentence at least as often as lowercase, and it is no
 *   common word (`kosovo` beside `Kosovo`); capitals inside a run of capitalized words are the
 *   run's (`Grands Crus`, `Pater Liber`, `a boun` beside `Boun My`), so they count only for a
 *   word lowercased beside a capitalized one (`Abraham lincoln`, `Miss marsicano`);
 * - the dictionary knows it only capitalized (`december`, `english`), and it is lowercase only
 *   this once: the dictionary alone is weaker evidence (`utopian`, `grey`, `per se` are written
 *   lowercase too), so words of three letters or fewer, phrases of another language, derived
 *   adjectives (`utopian`, `gothic`) and words after an article (`the sanhedrin`: names of people
 *   and places take none) are left, and the capital is only suggested;
 * - it is no word at all and comes right before a common word capitalized as a name's part
 *   (`anadolu Agency`);
 * - it is also a common word (`china`, `bishop`, `nick`), but the document writes it capitalized
 *   mid-sentence far more often, and here it stands in a name (`Stanley bishop`, `East china`)
 *   or is that name's only lowercase use in a document that names it five times or more.
 */
function judge(word: ProseWord, value: string, previous: ProseWord | undefined, next: ProseWord | undefined, terms: Terms): Verdict | undefined {
  const evidence = terms.capitalized.get(value)
  // Only capitals mid-sentence count: title case and sentence starts capitalize anything
  // (`Cyber Defense:` says nothing about `cyber threats`).
  const mid = evidence?.mid ?? 0
  const alone = evidence?.alone ?? 0
  const lowercase = terms.lowercase(value)
  // Like is compared with like: capitals inside names count for a word lowercased in a name
  // (`Miss marsicano`, `Abraham lincoln`), only lone capitals for a lone word (`recourse to crus`).
  // Asked only where it decides something: most words are known and no name's.
  const named = (): boolean => isNameNeighbour(word, previous) || isNameNeighbour(word, next)
  if (!isKnownWord(value)) {
    if (inForeignPhrase(word, previous, next)) return undefined
    const properOnly = isLowercasedProperNoun(value)
    const capitals = evidence === undefined ? 0 : named() ? mid : alone
    if (capitals > 0 && value.length >= 3 && (capitals > lowercase || (capitals === lowercase && (properOnly || lowercase === 1)))) {
      return {note: evidence!.where, certain: capitals > lowercase || properOnly || evidence!.all > lowercase}
    }
    if (properOnly && lowercase === 1 && value.length >= 4 && !isDerivedAdjective(value) && !followsDeterminer(previous, word) && (isCalendarName(value) || !(beforeNoun(word, next) || afterModifier(word, previous)))) {
      return {note: evidence ? evidence.where : `\`${withCapital(value)}\` is a proper noun`, certain: false}
    }
    if (value.length >= 3 && beforeOrganization(word, next) && !hasKnownNeighbour(value)) return {note: 'It is part of a name', certain: true}
    return undefined
  }
  // A name that is also a common word: only a person's or place's name (`Nick`, `China`), which
  // takes no article, and only where this use takes none either (`the house`, `a buck` are words).
  // A word the document capitalizes only inside longer names (`United States`, `Wagner-Peyser Act`,
  // `Merchant Marine`) is a common word on its own: a lowercased name of several words is
  // `phraseFindings`' to judge.
  if (mid < 2 || alone === 0 || !hasNameEntry(value) || evidence!.afterDeterminer * 2 >= mid || followsDeterminer(previous, word)) return undefined
  if (mid >= 3 * lowercase && named()) return {note: evidence!.where, certain: true}
  if (mid >= 5 && lowercase === 1) return {note: evidence!.where, certain: true}
  return undefined
}

/**
 * Whether a word is an adjective or agent noun derived from a name (`utopian`, `gothic`,
 * `marxist`, `platonic`): style books write many of them lowercase once they mean an idea rather
 * than the name, so the dictionary's capital is no evidence against the writer's lowercase.
 */
const isDerivedAdjective = (word: string): boolean => derivedEnding.test(word)

const derivedEnding = /(?:ian|ic|ical|ist|ism|esque)s?$/u

const calendar = new Set(['january', 'february', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])

/** Month and weekday names that are no common word (`may`, `march` are, so they are not here). */
const isCalendarName = (word: string): boolean => calendar.has(word)

/**
 * Whether a word follows a lowercase word that is no function word: `sweet william`, `light
 * sabre`, `real gasser`. A name lowercased usually follows a function word or a mark (`by
 * albania`, `, kosovo`).
 */
function afterModifier(word: ProseWord, previous: ProseWord | undefined): boolean {
  return previous !== undefined && word.prose.text.slice(previous.end, word.start) === ' ' && previous.kind === 'lower' && !isFunctionWord(previous.text)
}

/**
 * Whether a word is used before a common word, as an adjective: `epsom salts`, `kraft paper`,
 * `grey eyes`, `utopian outlook`. Words the dictionary knows only as names are often so used
 * lowercase; a function word after it (`kosovo is`) does not count.
 */
function beforeNoun(word: ProseWord, next: ProseWord | undefined): boolean {
  return next !== undefined && word.prose.text.slice(word.end, next.start) === ' ' && next.kind === 'lower' && !isFunctionWord(next.text)
}

function report(file: VFile, article: Article, word: ProseWord, expected: string, note: string, certain: boolean): void {
  reportRecase(file, article, {
    prose: word.prose,
    start: word.start,
    end: word.end,
    reason: `Unexpected \`${word.text}\`, expected \`${expected}\``,
    replacement: expected,
    certain,
    note: note + '.'
  })
}

/**
 * Whether `next`, right after `word`, is a capitalized word that ends a name (`Agency`, `City`,
 * `Council`): then an unknown lowercase `word` before it is the name's first part (`anadolu
 * Agency`).
 */
function beforeOrganization(word: ProseWord, next: ProseWord | undefined): boolean {
  if (!next || next.place !== 'mid' || word.prose.text.slice(word.end, next.start) !== ' ') return false
  const value = withoutPossessive(next.text)
  return caseOf(value) === 'capitalized' && isNameHead(value)
}

/**
 * Whether a word is in a phrase of another language, next to a lowercase word no English
 * dictionary knows: `carte blanche`, `charlotte russe`, `je ne sais quoi`.
 */
function inForeignPhrase(word: ProseWord, previous: ProseWord | undefined, next: ProseWord | undefined): boolean {
  const text = word.prose.text
  const foreign = (other: ProseWord | undefined, between: string): boolean =>
    other !== undefined && between === ' ' && other.kind === 'lower' && !isKnownWord(other.text)
  return foreign(previous, previous ? text.slice(previous.end, word.start) : '') || foreign(next, next ? text.slice(word.end, next.start) : '')
}

const ranks = new Set(taxonomicRanks)

/** Whether a word is the epithet of a biological name, lowercase by rule: `B. subtilis, var. niger`. */
function isEpithet(word: ProseWord, previous: ProseWord | undefined): boolean {
  return previous !== undefined && ranks.has(previous.text) && word.prose.text.slice(previous.end, word.start) === '. '
}

/** Whether a word stands alone in quotes: the word `“kosovo”` is mentioned, not used. */
function isMention(word: ProseWord): boolean {
  // The marks right before and after the word: testing the text up to the word against `…$` read
  // the whole paragraph once per word.
  const text = word.prose.text
  return openingMark.test(text[word.start - 1] ?? '') && closingMark.test(text[word.end] ?? '')
}

const openingMark = /[“‘"'`]/u
const closingMark = /[”’"'`]/u

interface PhraseFinding {
  word: ProseWord
  /** The word's place in the name: `0` for its first word. */
  index: number
  /** How many words the name has. */
  length: number
  key: string
  /** Whether the word stands between two capitalized words of the name. */
  inner: boolean
  expected: string
  /** The name as the document writes it. */
  phrase: Phrase
}

/**
 * Whether a common word at a name's edge is used in its generic sense, where the name's capitals
 * are no evidence against it: as the last word, when the document also writes it lowercase
 * outside the name (`usedAlone`), it is the noun the capitalized words qualify (`a Catholic
 * church` beside `the Catholic Church` and `the church`), while a name's only lowercase word stays
 * a slip (`Hart crane` beside `Hart Crane`); as the
 * first word before `of`, it is a common noun before a name of its own (`the government of India`
 * beside `the Government of India`, `governor of the State of Rhode Island`). A name's first word
 * that qualifies the rest (`western Balkans`) stays a slip.
 */
function isGenericEdge(finding: PhraseFinding, usedAlone: boolean): boolean {
  if (finding.index === finding.length - 1) return usedAlone
  const after = finding.key.split(' ')[finding.index + 1]
  return finding.index === 0 && (after === 'of' || after === 'for')
}

/** A name of several words the document writes, with its key in `Terms.phrases` and the key's words. */
interface PhraseName {
  phrase: Phrase
  key: string
  words: string[]
}

/**
 * The names of several words the document writes, by their first lowercase word, shortest first:
 * a run of words is compared only with the names its first word begins, with no key built. (A
 * tree of the names' words made a map and a node per word of every name.)
 */
function namesByFirstWord(terms: Terms): Map<string, PhraseName[]> {
  const names = new Map<string, PhraseName[]>()
  terms.phrases.forEach((phrase, key) => {
    const words = key.split(' ')
    const list = names.get(words[0])
    if (list) list.push({phrase, key, words})
    else names.set(words[0], [{phrase, key, words}])
  })
  for (const list of names.values()) if (list.length > 1) list.sort((a, b) => a.words.length - b.words.length)
  return names
}

/** Whether the words from `words[first]` on are the name's lowercase words, one space apart. */
function runIs(words: readonly ProseWord[], first: number, name: PhraseName): boolean {
  const last = first + name.words.length - 1
  if (last >= words.length) return false
  for (let index = first + 1; index <= last; index++) {
    if (!oneSpaceBetween(words[index - 1], words[index]) || words[index].key !== name.words[index - first]) return false
  }
  return true
}

/**
 * Words lowercased inside a name the document writes capitalized: `western Balkans` where it
 * writes `Western Balkans` mid-sentence; `Trilateral defense Cooperation Agreement` where a
 * heading has `Trilateral Defense Cooperation Agreement` (from a heading, only a word between
 * two capitalized ones counts: `Balkans security` is ordinary text after a name).
 */
function phraseFindings(units: readonly ProseWord[][], terms: Terms): PhraseFinding[] {
  const findings: PhraseFinding[] = []
  // How many times each name is written with a word lowercased: the capitalized form must be written at least as often.
  const variants = new Map<string, number>()
  // Most words start no name: a run is compared only from a name's first word (`the` may begin
  // `The Hague`, `the report` begins nothing), with the names it begins, shorter ones first.
  const names = namesByFirstWord(terms)
  if (names.size === 0) return findings
  for (const words of units) {
    for (let first = 0; first < words.length; first++) {
      const begun = names.get(words[first].key)
      if (!begun) continue
      for (const name of begun) {
        if (!runIs(words, first, name)) continue
        const {phrase, key} = name
        const last = first + name.words.length - 1
        if (writtenAs(words, first, last, phrase)) continue
        variants.set(key, (variants.get(key) ?? 0) + 1)
        lowercasedWords(words, first, last, phrase, key, findings)
      }
    }
  }
  return findings.filter((finding) => {
    const count = finding.phrase.count
    const lowercased = variants.get(finding.key) ?? 0
    // A common word (`war`, `church`, `government`) at a name's edge is often lowercase in the
    // name's generic use (`the Korean war`, `a Catholic church`): it needs the name written
    // capitalized more often. Between two capitals (`Trilateral defense Cooperation`) it is a slip.
    const value = withoutPossessive(finding.word.text)
    if (isKnownWord(value) && !finding.inner && isGenericEdge(finding, terms.lowercase(value) > lowercased)) return false
    const common = isKnownWord(value) && !hasNameEntry(value) && !finding.inner
    return common ? count >= 2 && count > lowercased : count >= lowercased
  })
}

/** Whether `words[first..last]` are the name's words exactly as the document writes it. */
function writtenAs(words: readonly ProseWord[], first: number, last: number, phrase: Phrase): boolean {
  for (let index = first; index <= last; index++) if (withoutPossessive(words[index].text) !== phrase.words[index - first]) return false
  return true
}

/** Adds to `findings` the lowercase words of `words[first..last]`, a run with some capital written like the name `phrase`, that should be capitalized. */
function lowercasedWords(words: readonly ProseWord[], first: number, last: number, phrase: Phrase, key: string, findings: PhraseFinding[]): void {
  const run = words.slice(first, last + 1)
  if (!run.some((other) => other.kind !== 'lower')) return
  run.forEach((word, index) => {
    const expected = phrase.words[index]
    if (word.kind !== 'lower' || caseOf(expected) === 'lower' || word.place === 'start' || word.zone !== 'text' || isFunctionWord(word.text) || nameParticles.has(word.text)) return
    const inner = index > 0 && index < run.length - 1 && run[index + 1].kind !== 'lower'
    if (!phrase.mid && !inner) return
    findings.push({word, index, length: run.length, key, inner, expected: expected + word.text.slice(withoutPossessive(word.text).length), phrase})
  })
}
