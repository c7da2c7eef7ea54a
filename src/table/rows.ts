/**
 * Row checks: the outer pipes every row should have (markdownlint's MD055) and the number of
 * cells every row should have (MD056).
 */
import {rowLayout} from '../parse/table-row.js'
import type {TableBlock} from '../types.js'
import type {TableFinding} from './finding.js'
import {isLazyRow, paddingOf, pipesOf, type PipeStyle, type TableShape} from './shape.js'

const lazyNote = 'GFM reads a line without pipes right after a table as one of its rows; if it is a paragraph, put a blank line before it'

/** How a style names itself in a note: `The table pipe style is leading_and_trailing`. */
export const styleNote = (style: PipeStyle, origin?: string): string =>
  `The table pipe style is \`${style}\`${origin ? ` (${origin})` : ''}`

/** Missing or unexpected leading and trailing pipes, on every row. */
export function pipeFindings(table: TableBlock, style: PipeStyle, source: string, origin?: string): TableFinding[] {
  const want = pipesOf(style)
  const findings: TableFinding[] = []
  table.rows.forEach((row, index) => {
    const layout = rowLayout(row)
    const lazy = isLazyRow(row)
    // A space beside a new pipe, whatever the row's padding: `*` or `_` at a row's edge must stay
    // next to whitespace, or it could open or close emphasis it did not before.
    const pad = row.delimiter ? paddingOf(row, source) : ' '
    const note = lazy ? lazyNote : styleNote(style, origin)
    const first = row.cells[0]
    const last = row.cells.at(-1)!
    if (row.leadingPipe !== want.leading) {
      if (want.leading) {
        findings.push({
          id: 'missing-leading-pipe', reason: 'Missing leading pipe in table row', note, row: index, from: layout.start, to: layout.start,
          ...(lazy ? {} : {edit: {from: layout.start, to: layout.start, text: `|${pad}`, attach: 'next'}})
        })
      } else {
        // Without its leading pipe an empty first cell would disappear: no certain repair then.
        findings.push({
          id: 'unexpected-leading-pipe', reason: 'Unexpected leading pipe in table row', note, row: index, from: layout.start, to: layout.start + 1,
          ...(first.text ? {edit: {from: layout.start, to: first.position.start.offset, text: ''}} : {})
        })
      }
    }
    if (row.trailingPipe !== want.trailing) {
      if (want.trailing) {
        findings.push({
          id: 'missing-trailing-pipe', reason: 'Missing trailing pipe in table row', note, row: index, from: layout.end, to: layout.end,
          ...(lazy ? {} : {edit: {from: layout.end, to: layout.end, text: `${pad}|`, attach: 'previous'}})
        })
      } else {
        findings.push({
          id: 'unexpected-trailing-pipe', reason: 'Unexpected trailing pipe in table row', note, row: index, from: layout.end - 1, to: layout.end,
          ...(last.text ? {edit: {from: last.position.end.offset, to: layout.end, text: ''}} : {})
        })
      }
    }
  })
  return findings
}

const cells = (count: number): string => `${count} ${count === 1 ? 'cell' : 'cells'}`

/** Body rows with fewer or more cells than the header row. */
export function columnFindings(table: TableBlock, shape: TableShape, style: PipeStyle): TableFinding[] {
  const findings: TableFinding[] = []
  const {columns} = shape
  table.rows.forEach((row, index) => {
    if (index === shape.header || index === shape.delimiter) return
    const count = row.cells.length
    if (count === columns) return
    const layout = rowLayout(row)
    const lazy = isLazyRow(row)
    const reason = `Row has ${cells(count)}, expected ${columns} (as many as the ${shape.header === 0 ? 'header' : 'delimiter'} row)`
    if (count < columns) {
      // Empty cells go before the end of a row that ends with a pipe; a row without a trailing
      // pipe cannot end with an empty cell, so it is padded only if its style gives it that pipe.
      const padded = !lazy && pipesOf(style).trailing
      findings.push({
        id: 'missing-cells', reason, row: index, from: layout.end, to: layout.end,
        note: lazy ? lazyNote : `GFM shows the missing ${columns - count === 1 ? 'cell' : 'cells'} empty`,
        ...(padded ? {edit: {from: layout.end, to: layout.end, text: ' |'.repeat(columns - count), attach: 'previous'}} : {})
      })
      return
    }
    // The extra cells: from the pipe before the first of them to the end of the row (its trailing pipe left out).
    const firstExtra = layout.pipes[row.leadingPipe ? columns : columns - 1]
    const end = row.trailingPipe ? layout.pipes.at(-1)! : layout.end
    findings.push({
      id: 'extra-cells', reason, row: index, from: firstExtra, to: Math.max(end, firstExtra + 1),
      note: `GFM drops the cells past the ${columns === 1 ? 'first' : `first ${columns}`}`
    })
  })
  return findings
}
