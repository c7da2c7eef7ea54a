/**
 * Block parser for plain-text articles, as scraped: one block per line, with
 * or without blank lines between blocks.
 */
import type {Block, HeadingBlock, ListItemBlock, ParagraphBlock, TableBlock, TableRow} from '../types.js'
import {findLabel, listPrefix, range, spanOf, splitLines, wordCount, type Line, type ListPrefix} from './lines.js'
import type {ProseSource, ToPoint} from './prose.js'
import {isDelimiterText, isPipeRowCandidate, opensTable, parseTableRow, separatorPipes, tableProse} from './table-row.js'

export interface ParsedBlocks {
  blocks: Block[]
  prose: ProseSource[]
}

type LineKind = 'blank' | 'table' | 'list' | 'atx' | 'text'

const atxHeading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u

/** The longest a heading line can be, in words. */
export const HEADING_MAX_WORDS = 20

/**
 * Whether a line reads like a title rather than a sentence: short, no
 * sentence punctuation at its end, not two sentences.
 */
export function isTitleLike(line: string): boolean {
  const text = line.trim()
  if (!text || text.length > 150) return false
  const words = wordCount(text)
  if (words === 0 || words > HEADING_MAX_WORDS) return false
  if (/[.,;:…]["”’)\]]?$/u.test(text) || /!["”’)]?$/u.test(text)) return false
  if (/\?["”’)]?$/u.test(text) && words > 12) return false
  // Two sentences (`… ends here. Another …`) are prose; an initialism (`U.S. Plans`) is not a sentence end.
  if (/\p{Ll}{2,}[.!?]["”’)]?\s+\S/u.test(text)) return false
  return /^["“‘'(\[]?[\p{L}\p{N}]/u.test(text)
}

/** Whether the document has real paragraphs (lines that read as sentences), which makes title-like lines headings. */
function hasParagraphs(lines: Line[], kinds: LineKind[]): boolean {
  return lines.some(
    (line, index) =>
      kinds[index] === 'text' && (wordCount(line.text) >= 20 || /[.!?]["”’)]?\s*$/u.test(line.text))
  )
}

/** Whether line `line` is not blank and has a pipe that separates cells. */
function hasPipe(lines: readonly Line[], kinds: readonly LineKind[], line: number): boolean {
  return kinds[line] !== 'blank' && separatorPipes(lines[line].text).length > 0
}

/** Whether table line `at` is a header with a delimiter row below it, starting another table. */
function opensAnother(lines: readonly Line[], kinds: readonly LineKind[], at: number): boolean {
  return at + 1 < lines.length && kinds[at + 1] === 'table' && opensTable(lines[at].text, lines[at + 1].text)
}

export function parseTxtBlocks(text: string, toPoint: ToPoint): ParsedBlocks {
  const lines = splitLines(text)
  // The list prefix of each line that may be a list item, found once.
  const prefixes = new Array<ListPrefix | undefined>(lines.length)
  const kinds = new Array<LineKind>(lines.length)
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].text
    if (!line.trim()) kinds[index] = 'blank'
    else if (isPipeRowCandidate(line)) kinds[index] = 'table'
    else {
      prefixes[index] = listPrefix(line)
      kinds[index] = prefixes[index] ? 'list' : atxHeading.test(line) ? 'atx' : 'text'
    }
  }

  // Rows of a two-column table without outer pipes (`Name | Role`) have a single pipe, as prose sometimes
  // does (`Kosovo | Reuters`): such a line is a row only next to a delimiter row, as its header or body.
  for (let index = 0; index < lines.length; index++) {
    if (kinds[index] !== 'table' || !isDelimiterText(lines[index].text)) continue
    if (index > 0 && hasPipe(lines, kinds, index - 1)) kinds[index - 1] = 'table'
    for (let below = index + 1; below < lines.length && hasPipe(lines, kinds, below); below++) kinds[below] = 'table'
  }

  // A lone pipe row is a table only when it is fenced by pipes on both ends.
  for (let index = 0; index < lines.length; index++) {
    if (kinds[index] !== 'table') continue
    let end = index
    while (end + 1 < lines.length && kinds[end + 1] === 'table') end++
    if (end === index) {
      const row = lines[index].text.trim()
      if (!(row.startsWith('|') && row.endsWith('|') && row.length > 1)) {
        prefixes[index] = listPrefix(lines[index].text)
        kinds[index] = prefixes[index] ? 'list' : 'text'
      }
    }
    index = end
  }

  // Headings: title-like lines followed by prose (or by another heading that is), in a document of paragraphs.
  const heading = new Array<boolean>(lines.length).fill(false)
  if (hasParagraphs(lines, kinds)) {
    let nextKind: 'prose' | 'heading' | 'none' = 'none'
    for (let index = lines.length - 1; index >= 0; index--) {
      const kind = kinds[index]
      if (kind === 'blank') continue
      if (kind === 'text' && nextKind !== 'none' && isTitleLike(lines[index].text)) {
        heading[index] = true
        nextKind = 'heading'
      } else {
        nextKind = kind === 'atx' ? 'heading' : 'prose'
      }
    }
  }

  const blocks: Block[] = []
  const prose: ProseSource[] = []

  // The indent of the first item of the current run of list lines: an item indented deeper is nested.
  let runIndent = 0
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    const kind = kinds[index]
    const end = line.start + line.text.length

    if (kind === 'blank') {
      let last = index
      while (last + 1 < lines.length && kinds[last + 1] === 'blank') last++
      const lastLine = lines[last]
      blocks.push({
        kind: 'blank',
        index: blocks.length,
        text: text.slice(line.start, lastLine.start + lastLine.text.length),
        position: {start: toPoint(line.start), end: toPoint(lastLine.start + lastLine.text.length)},
        lines: last - index + 1
      })
      index = last
      continue
    }

    if (kind === 'table') {
      // A header and a delimiter row below the first row start another table: two tables glued together.
      let last = index
      while (last + 1 < lines.length && kinds[last + 1] === 'table' && !opensAnother(lines, kinds, last + 1)) last++
      const rows: TableRow[] = []
      for (let row = index; row <= last; row++) rows.push(parseTableRow(lines[row].text, lines[row].start, toPoint))
      const lastLine = lines[last]
      const table: TableBlock = {
        kind: 'table',
        index: blocks.length,
        text: text.slice(line.start, lastLine.start + lastLine.text.length),
        position: {start: toPoint(line.start), end: toPoint(lastLine.start + lastLine.text.length)},
        rows
      }
      blocks.push(table)
      prose.push(...tableProse(table))
      index = last
      continue
    }

    // Every other block is the line itself; its fields in the order they had when spread from one base object.
    const position = {start: toPoint(line.start), end: toPoint(end)}

    if (kind === 'list') {
      const prefix = prefixes[index]!
      if (index === 0 || kinds[index - 1] !== 'list') runIndent = prefix.indent
      const contentFrom = line.start + prefix.contentStart
      const label = findLabel(line.text.slice(prefix.contentStart))
      const item: ListItemBlock = {
        index: blocks.length,
        text: line.text,
        position,
        kind: 'list-item',
        marker: spanOf(text, toPoint, line.start + prefix.indent, line.start + prefix.indent + prefix.marker.length),
        ordered: prefix.ordered,
        depth: prefix.indent > runIndent ? 1 : 0,
        content: spanOf(text, toPoint, contentFrom, end)
      }
      if (label) item.label = spanOf(text, toPoint, contentFrom + label.start, contentFrom + label.start + label.text.length)
      blocks.push(item)
      prose.push(lineProse(text, item, contentFrom, end))
      continue
    }

    if (kind === 'atx' || heading[index]) {
      const match = kind === 'atx' ? atxHeading.exec(line.text)! : undefined
      const contentFrom = match ? line.start + line.text.indexOf(match[2], match[1].length) : line.start + (line.text.length - line.text.trimStart().length)
      const contentTo = match ? contentFrom + match[2].length : line.start + line.text.trimEnd().length
      const block: HeadingBlock = {
        index: blocks.length,
        text: line.text,
        position,
        kind: 'heading',
        depth: match ? match[1].length : 2,
        content: spanOf(text, toPoint, contentFrom, contentTo)
      }
      blocks.push(block)
      if (contentTo > contentFrom) prose.push(lineProse(text, block, contentFrom, contentTo))
      continue
    }

    const paragraph: ParagraphBlock = {index: blocks.length, text: line.text, position, kind: 'paragraph', quoted: false}
    blocks.push(paragraph)
    const lead = line.text.length - line.text.trimStart().length
    prose.push(lineProse(text, paragraph, line.start + lead, end))
  }

  return {blocks, prose}
}

/** The prose of a line's content from `from` to `to` of the file `text`, character for character. */
function lineProse(text: string, block: Block, from: number, to: number): ProseSource {
  return {block, text: text.slice(from, to), offsets: range(from, to)}
}
