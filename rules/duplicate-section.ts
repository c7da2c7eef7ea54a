/**
 * `duplicate-section`: within one article, paragraphs, list items and table rows repeated exactly
 * or nearly, sentences restated from an earlier block, and whole sections (a heading and its body)
 * repeated later. Each finding is on the later copy and names the line of the earlier one.
 */
import {getArticle} from '../src/parse/article.js'
import {defineRule, removesWholePlace} from '../src/rule.js'
import {jaccard, OverlapIndex, WordNumbers} from '../src/similarity.js'
import type {Article} from '../src/types.js'
import {duplicateRuleMeta, passagesOf, sectionsOf, sentencesOfPassage, type Passage, type PassageSentence} from './shared/passages.js'

const id = 'duplicate-section'

/**
 * Fewest content words a passage needs to be compared for near duplicates: on smaller sets one
 * shared word moves the similarity too far (two list items in parallel style share half their words).
 */
export const NEAR_MIN_CONTENT_WORDS = 8

/**
 * Fewest content words a sentence needs to be compared for restatement. Shorter sentences that
 * share a topic share most of their few content words.
 */
export const SENTENCE_MIN_CONTENT_WORDS = 12

/**
 * A sentence that is not repeated almost word for word (below this share of content words) counts
 * as a restatement only when its whole block also shares `RESTATEMENT_MIN_BLOCK_SIMILARITY` of its
 * content words with the earlier block: a restated opening rehashes the paragraph around it, while
 * an isolated echo (two parallel clauses of a legal text, a verse quoted twice) does not.
 */
export const SENTENCE_REPEATED = 0.9
export const RESTATEMENT_MIN_BLOCK_SIMILARITY = 0.35

const options = {
  threshold: {
    type: 'number',
    default: 0.6,
    minimum: 0,
    maximum: 1,
    description: 'Share of content words (Jaccard similarity) from which two blocks are near duplicates.'
  },
  sentenceThreshold: {
    type: 'number',
    default: 0.55,
    minimum: 0,
    maximum: 1,
    description: `Share of content words from which a sentence (of ${SENTENCE_MIN_CONTENT_WORDS}+ content words) restates a sentence of an earlier block.`
  },
  restatements: {type: 'boolean', default: true, description: 'Flag sentences that restate a sentence of an earlier block.'},
  reportInsideCopies: {
    type: 'boolean',
    default: false,
    description: 'Also report other rules’ findings inside a repeated paragraph, list item or section (by default the copy, to be deleted, is reported once).'
  },
  minWords: {
    type: 'number',
    default: 6,
    minimum: 1,
    integer: true,
    description: 'Blocks with fewer words (labels, datelines, `Key Takeaways`) are not compared on their own.'
  },
  allowQuotations: {
    type: 'boolean',
    default: true,
    description: 'Leave repeated quotations alone (block quotes, and blocks that are mostly in quotation marks).'
  }
} as const

type Settings = {threshold: number; sentenceThreshold: number; restatements: boolean; minWords: number; allowQuotations: boolean}

/** The earlier passage a later one repeats, and how. */
interface Match {
  later: Passage
  earlier: Passage
  how: 'exact' | 'near' | 'sentence'
  similarity: number
  /** For a restatement: the later sentence, and the earlier one it restates (every match has both fields, so that all have one shape). */
  sentence: PassageSentence | undefined
  restated: PassageSentence | undefined
}

/**
 * What a passage is compared with: a table row with the rows of its own table only (two tables
 * may share a row on purpose, one table should not hold it twice), anything else with the prose.
 */
const scopeOf = (passage: Passage): string => (passage.kind === 'table row' ? `table ${passage.block.index}` : 'prose')

/** The earlier passages of one scope. */
interface Scope {
  /** The first passage of each text, by fingerprint of the words; passages of one fingerprint are told apart word by word, so that no two texts are ever taken for copies. */
  firstOfText: Map<string, Passage[]>
  /** The passages compared for near duplicates. */
  near: OverlapIndex<Passage>
}

/** The most similar earlier passage wins; of equals, the first. */
const isBetter = (match: Match | undefined, similarity: number, earlier: Passage): boolean =>
  !match || similarity > match.similarity || (similarity === match.similarity && earlier.position.start.offset < match.earlier.position.start.offset)

/** For each passage, the earlier passage it repeats best (exactly, nearly, or by restating a sentence of it). */
function findMatches(passages: readonly Passage[], settings: Settings): Match[] {
  const matches: Match[] = []
  // One scope for the prose, one per table: a table row is only ever compared with the rows of its own table.
  const scopes = new Map<string, Scope>()
  // The indexes' words are numbered once for all of them.
  const numbers = new WordNumbers()
  const sentenceIndex = new OverlapIndex<{passage: Passage; sentence: PassageSentence}>(numbers)
  for (const later of passages) {
    const near = later.content.size >= NEAR_MIN_CONTENT_WORDS
    // A sentence's content words are some of its passage's: a passage with too few has no sentence to compare.
    const sentences =
      settings.restatements && later.content.size >= SENTENCE_MIN_CONTENT_WORDS
        ? sentencesOfPassage(later).filter((sentence) => sentence.content.size >= SENTENCE_MIN_CONTENT_WORDS)
        : []

    let match: Match | undefined
    const scopeKey = scopeOf(later)
    let scope = scopes.get(scopeKey)
    if (!scope) {
      scope = {firstOfText: new Map(), near: new OverlapIndex<Passage>(numbers)}
      scopes.set(scopeKey, scope)
    }
    const sameFingerprint = scope.firstOfText.get(later.exact)
    const exact = sameFingerprint?.find((earlier) => sameWords(earlier.words, later.words))
    if (exact) match = {later, earlier: exact, how: 'exact', similarity: 1, sentence: undefined, restated: undefined}
    if (!match && near) {
      for (const {item: candidate, similarity} of scope.near.similar(later.content, settings.threshold)) {
        if (isBetter(match, similarity, candidate)) match = {later, earlier: candidate, how: 'near', similarity, sentence: undefined, restated: undefined}
      }
    }
    if (!match) {
      for (const sentence of sentences) {
        for (const {item: candidate, similarity} of sentenceIndex.similar(sentence.content, settings.sentenceThreshold)) {
          if (!isBetter(match, similarity, candidate.passage)) continue
          if (similarity < SENTENCE_REPEATED && jaccard(later.content, candidate.passage.content) < RESTATEMENT_MIN_BLOCK_SIMILARITY) continue
          match = {later, earlier: candidate.passage, how: 'sentence', similarity, sentence, restated: candidate.sentence}
        }
      }
    }
    if (match) matches.push(match)
    if (!exact) {
      if (sameFingerprint) sameFingerprint.push(later)
      else scope.firstOfText.set(later.exact, [later])
    }
    if (near) scope.near.add(later.content, later)
    for (const sentence of sentences) sentenceIndex.add(sentence.content, {passage: later, sentence})
  }
  return matches
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, index) => word === b[index])
}

/** A later section whose heading and most of whose body repeat an earlier section. */
interface SectionMatch {
  later: ReturnType<typeof sectionsOf>[number]
  earlier: ReturnType<typeof sectionsOf>[number]
  /** The body's matches into the earlier section, reported as part of the section. */
  covered: Match[]
  compared: number
}

/**
 * Sections repeated whole: the same heading (after normalising), and at least half of the later
 * body's compared passages repeating passages of the earlier section.
 */
function findSectionMatches(article: Article, passages: readonly Passage[], matches: readonly Match[]): SectionMatch[] {
  const sections = sectionsOf(article)
  const result: SectionMatch[] = []
  const inside = (section: SectionMatch['later'], passage: Passage) =>
    passage.block.index > section.heading.index && passage.block.index < section.end
  for (const [index, later] of sections.entries()) {
    // The body is only gathered for a heading that repeats an earlier one: most are unique.
    let body: Passage[] | undefined
    for (let before = 0; before < index; before++) {
      const earlier = sections[before]
      if (earlier.key !== later.key || earlier.end > later.heading.index) continue
      body ??= passages.filter((passage) => inside(later, passage))
      if (body.length === 0) break
      const covered = matches.filter((match) => inside(later, match.later) && inside(earlier, match.earlier))
      if (covered.length * 2 >= body.length) {
        result.push({later, earlier, covered, compared: body.length})
        break
      }
    }
  }
  return result
}

const percent = (value: number): string => `${Math.round(value * 100)}%`

/** A sentence shortened for a note. */
const quote = (text: string): string => `“${text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text}”`

export default defineRule({
  meta: duplicateRuleMeta(id, 'Paragraphs, list items, table rows, sentences and sections repeated (exactly or nearly) within an article.', options),
  plugin(settings) {
    return function (_tree, file) {
      const article = getArticle(file)
      const passages = passagesOf(article).filter(
        (passage) => passage.wordCount >= settings.minWords && !(settings.allowQuotations && passage.quotation)
      )
      const matches = findMatches(passages, settings)
      const sectionMatches = findSectionMatches(article, passages, matches)
      const covered = new Set(sectionMatches.flatMap((section) => section.covered))

      for (const {later, earlier, covered: repeated, compared} of sectionMatches) {
        const message = file.message(`Unexpected duplicate of the section at line ${earlier.heading.position.start.line}`, {place: later.position})
        message.note = `Its heading and ${repeated.length} of its ${compared} blocks repeat the section “${earlier.heading.content.text}”.`
        if (!settings.reportInsideCopies) removesWholePlace(message)
      }
      for (const match of matches) {
        if (covered.has(match)) continue
        const {later, earlier} = match
        const line = earlier.position.start.line
        if (match.how === 'sentence') {
          const message = file.message(`Unexpected restatement of a sentence from line ${line}`, {place: match.sentence!.position})
          message.note = `It shares ${percent(match.similarity)} of its content words with ${quote(match.restated!.text)} (threshold ${percent(settings.sentenceThreshold)}).`
          continue
        }
        const message = file.message(`Unexpected ${match.how === 'exact' ? 'duplicate' : 'near duplicate'} of the ${earlier.kind} at line ${line}`, {place: later.position})
        message.note =
          match.how === 'exact'
            ? 'The two are identical once case, spacing, punctuation and quote style are set aside.'
            : `The two share ${percent(match.similarity)} of their content words (threshold ${percent(settings.threshold)}).`
        // A repeated table row stays in its table's structure: the table's own findings still apply.
        if (!settings.reportInsideCopies && later.kind !== 'table row') removesWholePlace(message)
      }
    }
  }
})
