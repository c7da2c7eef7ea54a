/**
 * The shape of a pipe table as GFM reads it: which row is the header, which the delimiter row,
 * how many cells a row should have, and which pipes its rows should start and end with. (GFM
 * renders it as a table when the delimiter row has as many well-formed cells as the header.)
 */
import type {TableBlock, TableRow} from '../types.js'
import {rowLayout} from '../parse/table-row.js'

/** The pipe styles of markdownlint's MD055 (`consistent` is resolved to one of these per file). */
export const pipeStyles = ['leading_and_trailing', 'leading_only', 'trailing_only', 'no_leading_or_trailing'] as const
export type PipeStyle = (typeof pipeStyles)[number]

/** Which outer pipes a style asks for. */
export function pipesOf(style: PipeStyle): {leading: boolean; trailing: boolean} {
  return {leading: style === 'leading_and_trailing' || style === 'leading_only', trailing: style === 'leading_and_trailing' || style === 'trailing_only'}
}

/** The style a row is written in. */
export function styleOf(row: TableRow): PipeStyle {
  if (row.leadingPipe) return row.trailingPipe ? 'leading_and_trailing' : 'leading_only'
  return row.trailingPipe ? 'trailing_only' : 'no_leading_or_trailing'
}

export interface TableShape {
  /** Index of the header row: 0, or -1 when the table starts with a delimiter row. */
  header: number
  /** Index of the delimiter row: 1 when the second row is one, else -1 (GFM looks nowhere else). */
  delimiter: number
  /** How many cells each row should have: the header's count (the delimiter row's, without a header). */
  columns: number
}

export function shapeOf(table: TableBlock): TableShape {
  const [first, second] = table.rows
  const header = first.delimiter ? -1 : 0
  const delimiter = header === 0 && second?.delimiter ? 1 : -1
  return {header, delimiter, columns: first.cells.length}
}

/**
 * The padding a row uses around its pipes: a space when any separator pipe has one beside it
 * (`| a | b |`), none otherwise (`|---|---|`), so that a repair looks like the rest of the row.
 */
export function paddingOf(row: TableRow, source: string): '' | ' ' {
  return rowLayout(row).pipes.some((pipe) => source[pipe - 1] === ' ' || source[pipe + 1] === ' ') ? ' ' : ''
}

/** Whether a row has no separator pipe at all: in Markdown, a line GFM took into the table above it. */
export function isLazyRow(row: TableRow): boolean {
  return rowLayout(row).pipes.length === 0
}
