/**
 * The passages the duplicate rules compare: paragraphs, list items and table body rows, each
 * with its normalised words, its content words and its place, and the sections headings open.
 */
import {toString} from 'nlcst-to-string'
import {proseRange, sentencesOf} from '../../src/parse/prose.js'
import {contentWords, normalizedWords} from '../../src/similarity.js'
import type {Article, Block, HeadingBlock, Point, Position, Prose} from '../../src/types.js'

export type PassageKind = 'paragraph' | 'list item' | 'table row'

export interface Passage {
  kind: PassageKind
  /** The block the passage is (or, for a table row, is in). */
  block: Block
  /** The prose of a paragraph or list item; table rows have one prose per cell. */
  prose?: Prose
  position: Position
  /** Normalised words (case, accents, punctuation and quote style gone), joined by spaces. */
  key: string
  wordCount: number
  /** Distinct stemmed content words. */
  content: Set<string>
  /** Mostly a quotation, or a Markdown block quote: a citation that may be repeated on purpose. */
  quotation: boolean
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

/** Whether most of a text (four fifths of its characters) is quoted: a citation, not the writer's own words. */
export function isQuotation(text: string): boolean {
  let inside = 0
  for (const match of text.matchAll(quoted)) inside += match[0].length
  return inside >= 0.8 * text.trim().length
}

function passage(kind: PassageKind, block: Block, position: Position, text: string, prose?: Prose): Passage {
  const words = normalizedWords(text)
  return {
    kind,
    block,
    prose,
    position,
    key: words.join(' '),
    wordCount: words.length,
    content: new Set(contentWords(words)),
    quotation: (block.kind === 'paragraph' && block.quoted) || isQuotation(text)
  }
}

/**
 * The passages of an article in document order: paragraphs, list items, and the rows of tables
 * after their header row (a header row names columns and is repeated by tables on purpose).
 */
export function passagesOf(article: Article): Passage[] {
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

/** A sentence of a passage's prose, with its words and place. */
export interface PassageSentence {
  text: string
  position: Position
  content: Set<string>
}

/** The sentences of a paragraph or list item (none for a table row). */
export function sentencesOfPassage(passage: Passage): PassageSentence[] {
  const prose = passage.prose
  if (!prose) return []
  return sentencesOf(prose).map((sentence) => {
    const text = toString(sentence)
    // The article parser gives every node file points with offsets.
    const start = sentence.position!.start as Point
    const end = sentence.position!.end as Point
    return {text, position: {start, end}, content: new Set(contentWords(normalizedWords(text)))}
  })
}
