/**
 * Splits pipe-table lines into cells. Used for both formats, so that malformed
 * tables (which GFM renders as paragraphs) are modelled the same way as valid ones.
 */
import {derived} from '../derived.js'
import type {TableBlock, TableCell, TableRow} from '../types.js'
import {range} from './lines.js'
import type {ProseSource, ToPoint} from './prose.js'

/** Offsets (within `line`) of the pipes that separate cells: not escaped, not in a code span. */
export function separatorPipes(line: string): number[] {
  const pipes: number[] = []
  let index = 0
  while (index < line.length) {
    const char = line[index]
    if (char === '\\') {
      index += 2
      continue
    }
    if (char === '`') {
      let run = 1
      while (line[index + run] === '`') run++
      const fence = '`'.repeat(run)
      let close = line.indexOf(fence, index + run)
      // A closing run must be exactly as long as the opening one.
      while (close !== -1 && line[close + run] === '`') {
        let skip = close
        while (line[skip] === '`') skip++
        close = line.indexOf(fence, skip)
      }
      if (close === -1) {
        index += run
        continue
      }
      index = close + run
      continue
    }
    if (char === '|') pipes.push(index)
    index++
  }
  return pipes
}

// A well-formed delimiter cell, as GFM requires: dashes, with an optional alignment colon at either end.
const wellFormedDelimiterCell = /^:?-+:?$/u

/** Whether a delimiter cell's text (trimmed) is one GFM accepts: `---`, `:--`, `--:`, `:-:`. */
export function isWellFormedDelimiterCell(text: string): boolean {
  return wellFormedDelimiterCell.test(text)
}

/** Whether `line` could be a row of a pipe table. */
export function isPipeRowCandidate(line: string): boolean {
  const trimmed = line.trim()
  if (!trimmed.includes('|')) return false
  const pipes = separatorPipes(line)
  if (pipes.length === 0) return false
  if (isDelimiterText(line)) return true
  const first = line.length - line.trimStart().length
  const last = line.trimEnd().length - 1
  return pipes[0] === first || pipes.at(-1) === last || pipes.length >= 2
}

// Dashes a delimiter row is written with: the hyphen GFM wants, and the en and em dashes (and
// their kin) that typographic quoting turns `--` and `---` into when scraped copy passes through it.
const dash = /[-\u2010-\u2015\u2212\u2500]/u
const delimiterText = /^[\s|:=\-\u2010-\u2015\u2212\u2500]+$/u

/**
 * Whether the row is meant as a delimiter row: nothing but pipes, dashes, colons, `=` and spaces,
 * with at least one dash. Malformed ones (`|-=-|--|`, `|—|—|`, a cell left empty) count too, so
 * that the table rule can say what is wrong with them; `| ==== |` (no dash) is a row of text.
 */
export function isDelimiterText(line: string): boolean {
  return dash.test(line) && delimiterText.test(line)
}

/**
 * Whether `header` and `delimiter` open a table as GFM requires: a row, then a delimiter row of
 * well-formed cells, as many as the row's.
 */
export function opensTable(header: string, delimiter: string): boolean {
  if (isDelimiterText(header) || !isDelimiterText(delimiter)) return false
  const cells = splitCells(delimiter)
  return cells.length === splitCells(header).length && cells.every((cell) => isWellFormedDelimiterCell(cell.text))
}

interface RawCell {
  text: string
  start: number
  end: number
}

function splitCells(line: string): RawCell[] {
  const pipes = separatorPipes(line)
  const first = line.length - line.trimStart().length
  const last = line.trimEnd().length - 1
  const leading = pipes[0] === first
  const trailing = pipes.length > (leading ? 1 : 0) && pipes.at(-1) === last
  const bounds = [leading ? pipes[0] : first - 1, ...pipes.slice(leading ? 1 : 0, trailing ? -1 : undefined), trailing ? last : last + 1]
  const cells: RawCell[] = []
  for (let index = 0; index + 1 < bounds.length; index++) {
    const from = bounds[index] + 1
    const to = bounds[index + 1]
    const raw = line.slice(from, to)
    const lead = raw.length - raw.trimStart().length
    const text = raw.trim()
    // An empty cell's range is empty and sits just after its left pipe.
    const start = text ? from + lead : from
    cells.push({text, start, end: start + text.length})
  }
  return cells
}

/** Where a row's parts are in the file: its text without surrounding spaces, and its separator pipes. */
export interface RowLayout {
  /** File offset of the row's first character that is not a space. */
  start: number
  /** File offset just after the row's last character that is not a space. */
  end: number
  /** File offsets of the pipes that separate cells (escaped pipes and pipes in code are not among them). */
  pipes: number[]
}

/** The layout of a parsed row, from its text and place; several checks ask, so it is worked out once per row. */
export const rowLayout = derived(function rowLayout(row: TableRow): RowLayout {
  const offset = row.position.start.offset
  const start = offset + row.text.length - row.text.trimStart().length
  const end = offset + row.text.trimEnd().length
  return {start, end: Math.max(start, end), pipes: separatorPipes(row.text).map((pipe) => offset + pipe)}
})

/** Parses one table line that starts at file offset `lineOffset`. */
export function parseTableRow(line: string, lineOffset: number, toPoint: ToPoint): TableRow {
  const pipes = separatorPipes(line)
  const first = line.length - line.trimStart().length
  const last = line.trimEnd().length - 1
  const leadingPipe = pipes[0] === first
  const trailingPipe = pipes.length > (leadingPipe ? 1 : 0) && pipes.at(-1) === last
  const cells: TableCell[] = splitCells(line).map((cell) => ({
    text: cell.text,
    position: {start: toPoint(lineOffset + cell.start), end: toPoint(lineOffset + cell.end)}
  }))
  return {
    text: line,
    position: {start: toPoint(lineOffset), end: toPoint(lineOffset + line.length)},
    delimiter: isDelimiterText(line),
    leadingPipe,
    trailingPipe,
    cells
  }
}

/** The prose of a table: one source per non-empty cell of every row but the delimiter row. */
export function tableProse(table: TableBlock): ProseSource[] {
  const sources: ProseSource[] = []
  // Loops, not callbacks: a closure made for each table was optimized by V8 anew for each large file.
  for (let rowIndex = 0; rowIndex < table.rows.length; rowIndex++) {
    const row = table.rows[rowIndex]
    if (row.delimiter) continue
    for (let cellIndex = 0; cellIndex < row.cells.length; cellIndex++) {
      const cell = row.cells[cellIndex]
      if (!cell.text) continue
      const from = cell.position.start.offset
      sources.push({block: table, cell: {row: rowIndex, cell: cellIndex}, text: cell.text, offsets: range(from, from + cell.text.length)})
    }
  }
  return sources
}
