/**
 * The article model every rule reads: a typed list of blocks with positions in
 * the original file, and the prose of each block as nlcst.
 */
import type {Paragraph as NlcstParagraph, Root as NlcstRoot} from 'nlcst'

/** A place in the original file: 1-based line and column, 0-based offset. */
export interface Point {
  line: number
  column: number
  offset: number
}

/** A range in the original file; `end` is exclusive. */
export interface Position {
  start: Point
  end: Point
}

/** A piece of source text with its place. */
export interface Span {
  text: string
  position: Position
}

/** The source formats copydesk understands. */
export type ArticleFormat = 'txt' | 'md'

interface BlockBase {
  /** Index of the block in `Article.blocks`. */
  index: number
  /** The block's source text, exactly as in the file (without the final line ending). */
  text: string
  position: Position
}

/** A heading: `## Title` in either format, or a title-like line in a `.txt` article. */
export interface HeadingBlock extends BlockBase {
  kind: 'heading'
  /** 1 to 6; a heading found by the `.txt` heuristic has depth 2. */
  depth: number
  /** The heading's words, without `#` markers. */
  content: Span
}

/** A paragraph of prose. */
export interface ParagraphBlock extends BlockBase {
  kind: 'paragraph'
  /** Whether the paragraph is inside a Markdown block quote. */
  quoted: boolean
}

/** One list item: `- `, `* `, `+ `, `• `, `1. ` or `1) `. */
export interface ListItemBlock extends BlockBase {
  kind: 'list-item'
  /** The bullet or number, e.g. `-`, `•`, `3.`. */
  marker: Span
  ordered: boolean
  /** Nesting depth, 0 for a top-level item. */
  depth: number
  /** A short `Label:` that leads the item, without its colon. */
  label?: Span
  /** The item's text after the marker (the label included). */
  content: Span
}

/** One cell of a pipe table row. */
export interface TableCell {
  /** The cell's text, trimmed. */
  text: string
  /** The trimmed text's place; an empty cell has an empty range where its text would be. */
  position: Position
}

/** One line of a pipe table. */
export interface TableRow {
  text: string
  position: Position
  /** Whether the row is a delimiter row such as `|---|:--:|`. */
  delimiter: boolean
  /** Whether the row starts with a `|` (after indentation). */
  leadingPipe: boolean
  /** Whether the row ends with an unescaped `|`. */
  trailingPipe: boolean
  cells: TableCell[]
}

/** Consecutive pipe rows, with or without a delimiter row, well formed or not. */
export interface TableBlock extends BlockBase {
  kind: 'table'
  rows: TableRow[]
}

/** One or more blank lines. */
export interface BlankBlock extends BlockBase {
  kind: 'blank'
  /** How many blank lines. */
  lines: number
}

/** Text that is not prose: code, HTML, front matter, a thematic break (Markdown only). */
export interface LiteralBlock extends BlockBase {
  kind: 'code' | 'html' | 'front-matter' | 'thematic-break'
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListItemBlock
  | TableBlock
  | BlankBlock
  | LiteralBlock

export type BlockKind = Block['kind']

/**
 * The prose of one block (or one table cell), flattened to plain text.
 * `offsets[i]` is the file offset of `text[i]`, so any index into `text`
 * maps back to the original file even where Markdown markup was dropped.
 */
export interface Prose {
  block: Block
  /** For a table cell: its row and cell index in `block.rows`. */
  cell?: {row: number; cell: number}
  text: string
  offsets: number[]
  /**
   * `ends[i]` is the file offset just after the source of `text[i]`: `offsets[i] + 1`, except
   * where one character stands for several in the file (`&eacute;` in Markdown).
   */
  ends: number[]
  /** Ranges of `text` (start inclusive, end exclusive) that are code, URLs or e-mail addresses. */
  literals: Array<[number, number]>
  /** The nlcst paragraph parsed from `text`, its positions in the original file. */
  node: NlcstParagraph
}

/** What the article parser puts on `file.data.article`. */
export interface Article {
  format: ArticleFormat
  blocks: Block[]
  prose: Prose[]
  /** Whether the file started with a byte order mark (removed before parsing; positions count from after it). */
  bom: boolean
  /** The line ending the file uses most: `\n` or `\r\n`. */
  lineEnding: '\n' | '\r\n'
  /** Maps a file offset to its line and column. */
  toPoint: (offset: number) => Point
}

export type {NlcstParagraph, NlcstRoot}
