/**
 * The passages the duplicate rules compare: paragraphs, list items and table body rows, each
 * with its normalised words, its content words and its place, and the sections headings open.
 */
import type {Sentence} from 'nlcst'
import {proseRange, sentenceRange, sentenceText, sentencesOf} from '../../src/parse/prose.js'
import {contentWordSet, fingerprintOfWords, minHashSignature, normalizedWords, normalizedWordsByPart} from '../../src/similarity.js'
import {derived} from '../../src/derived.js'
import type {Article, Block, HeadingBlock, Point, Position, Prose} from '../../src/types.js'

export type PassageKind = 'paragraph' | 'list item' | 'table row'

export interface Passage {
  kind: PassageKind
  /** The block the passage is (or, for a table row, is in). */
  block: Block
  /** The prose of a paragraph or list item; table rows have one prose per cell. */
  prose?: Prose
  position: Position
  /** The fingerprint of the normalised words (see `fingerprintOfWords`): equal for passages equal once case, accents, punctuation and quote style are gone. */
  exact: string
  wordCount: number
  /** Distinct stemmed content words. */
  content: Set<string>
  /** One short quotation (see `isQuotation`), or a Markdown block quote: a citation that may be repeated on purpose. */
  quotation: boolean
  /** The MinHash signature of `content`, once asked for (see `signatureOf`). */
  signature?: string
  /** Normalised words (case, accents, punctuation and quote style gone). */
  words: readonly string[]
  /** The sentences of the prose and where their words are in `words`, when the passage's words were found sentence by sentence. */
  sentenceWords?: SentenceWords
}

/** The sentences of a passage, and for each `[from, to)`: where its normalised words are in the passage's. */
interface SentenceWords {
  sentences: Sentence[]
  ranges: Array<[number, number]>
}

/** The MinHash signature of a passage's content words, computed once for both duplicate rules. */
export function signatureOf(passage: Passage): string {
  passage.signature ??= minHashSignature(passage.content)
  return passage.signature
}

export interface Section {
  heading: HeadingBlock
  /** Normalised words of the heading. */
  key: string
  /** Index in `Article.blocks` of the first block after the section. */
  end: number
  position: Position
}

// Text inside double quotes, straight or curly.
const quoted = /“[^“”]*”|"[^"]*"/gu

/** The longest a block can be, in words, and still count as a quotation cited on purpose (a pull quote, a motto). */
export const QUOTATION_MAX_WORDS = 40

/** The most words an attribution around a quotation may have (`, Jens Stoltenberg, NATO's secretary general, said.`). */
export const ATTRIBUTION_MAX_WORDS = 8

/**
 * Whether a block is one quotation: a single quoted passage with at most a short attribution
 * around it (`, the minister said.`), of at most `QUOTATION_MAX_WORDS` words. Dialogue, with
 * several quoted passages, and long quoted paragraphs are the writer's text and are compared
 * like any other.
 */
export function isQuotation(text: string, wordCount: number): boolean {
  // Most blocks have no quotation mark: no search for quoted spans.
  if (wordCount > QUOTATION_MAX_WORDS || (!text.includes('"') && !text.includes('“'))) return false
  const spans = [...text.matchAll(quoted)]
  if (spans.length !== 1) return false
  const around = text.slice(0, spans[0].index) + ' ' + text.slice(spans[0].index + spans[0][0].length)
  return normalizedWords(around).length <= ATTRIBUTION_MAX_WORDS
}

function passage(kind: PassageKind, block: Block, position: Position, text: string, prose?: Prose): Passage {
  const bySentence = prose && wordsBySentence(prose)
  const words = bySentence?.words ?? normalizedWords(text)
  return {
    kind,
    block,
    prose,
    position,
    exact: fingerprintOfWords(words),
    wordCount: words.length,
    content: contentWordSet(words),
    quotation: (block.kind === 'paragraph' && block.quoted) || isQuotation(text, words.length),
    words,
    sentenceWords: bySentence?.sentenceWords,
    // Set now, so that every passage keeps one shape when `signatureOf` fills it in.
    signature: undefined
  }
}

/**
 * The normalised words of a prose text found sentence by sentence, with where each sentence's
 * are: `sentencesOfPassage` then needs no second pass over the text (`undefined` where
 * `normalizedWordsByPart` cannot tell).
 */
function wordsBySentence(prose: Prose): {words: string[]; sentenceWords: SentenceWords} | undefined {
  const sentences = sentencesOf(prose)
  const ranges: Array<readonly [number, number]> = []
  for (const sentence of sentences) {
    const range = sentenceRange(sentence)
    if (!range) return undefined
    ranges.push(range)
  }
  const found = normalizedWordsByPart(prose.text, ranges)
  return found && {words: found.words, sentenceWords: {sentences, ranges: found.parts}}
}

/**
 * The passages of an article in document order: paragraphs, list items, and the rows of tables
 * after their header row (a header row names columns and is repeated by tables on purpose). Both
 * duplicate rules read the passages of the same article: they are worked out once.
 */
export const passagesOf: (article: Article) => readonly Passage[] = derived(findPassages)

function findPassages(article: Article): Passage[] {
  const proseOf = new Map<number, Prose>()
  for (const prose of article.prose) if (!prose.cell) proseOf.set(prose.block.index, prose)
  const passages: Passage[] = []
  for (const block of article.blocks) {
    if (block.kind === 'paragraph' || block.kind === 'list-item') {
      const prose = proseOf.get(block.index)
      if (!prose || prose.text.length === 0) continue
      const kind = block.kind === 'paragraph' ? 'paragraph' : 'list item'
      passages.push(passage(kind, block, proseRange(prose, article.toPoint, 0, prose.text.length), prose.text, prose))
    } else if (block.kind === 'table') {
      const rows = block.rows.filter((row) => !row.delimiter).slice(1)
      for (const row of rows) {
        passages.push(passage('table row', block, row.position, row.cells.map((cell) => cell.text).join(' ')))
      }
    }
  }
  return passages
}

/** The sections of an article: each heading with the blocks up to the next heading of its depth or higher. */
export function sectionsOf(article: Article): Section[] {
  const {blocks} = article
  const sections: Section[] = []
  blocks.forEach((block, index) => {
    if (block.kind !== 'heading') return
    let end = index + 1
    while (end < blocks.length && !(blocks[end].kind === 'heading' && (blocks[end] as HeadingBlock).depth <= block.depth)) end++
    let last = end - 1
    while (last > index && blocks[last].kind === 'blank') last--
    sections.push({
      heading: block,
      key: normalizedWords(block.content.text).join(' '),
      end,
      position: {start: block.position.start, end: blocks[last].position.end}
    })
  })
  return sections
}

/**
 * A sentence of a passage's prose, with its content words; its text and place are worked out
 * when asked for: only a finding quotes and places a sentence, and most are only compared.
 */
export class PassageSentence {
  constructor(
    private readonly prose: Prose,
    private readonly sentence: Sentence,
    readonly content: Set<string>
  ) {}

  get text(): string {
    return sentenceText(this.prose, this.sentence)
  }

  get position(): Position {
    // The article parser gives every node file points with offsets.
    return {start: this.sentence.position!.start as Point, end: this.sentence.position!.end as Point}
  }
}

/** The sentences of a paragraph or list item (none for a table row). */
export function sentencesOfPassage(passage: Passage): PassageSentence[] {
  const prose = passage.prose
  if (!prose) return []
  const known = passage.sentenceWords
  if (known) {
    return known.sentences.map((sentence, index) => {
      const [from, to] = known.ranges[index]
      return new PassageSentence(prose, sentence, contentWordSet(passage.words, from, to))
    })
  }
  return sentencesOf(prose).map((sentence) => new PassageSentence(prose, sentence, contentWordSet(normalizedWords(sentenceText(prose, sentence)))))
}

/**
 * The metadata both duplicate rules share: documented under docs/rules, in the `duplicate`
 * category, warnings by default, and not fixable (which copy to keep is an editor's call).
 */
export function duplicateRuleMeta<S>(id: string, description: string, options: S) {
  return {
    id,
    description,
    url: `https://github.com/copydesk/copydesk/blob/main/docs/rules/${id}.md`,
    category: 'duplicate',
    fixable: false,
    defaultSeverity: 'warn' as const,
    options
  }
}
