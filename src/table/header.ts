/**
 * The header row: cells left empty, cells that repeat another's text, and the whole row repeated
 * in the body. The top-left cell may be empty: it heads a column of row labels (`|  | 2022 | 2023 |`).
 */
import {rowLayout} from '../parse/table-row.js'
import type {TableBlock} from '../types.js'
import type {TableFinding} from './finding.js'
import type {TableShape} from './shape.js'

const normalized = (text: string): string => text.replace(/\s+/gu, ' ').toLowerCase()

export function headerFindings(table: TableBlock, shape: TableShape): TableFinding[] {
  // Without a delimiter row nothing says the first row is a header (the delimiter finding says so).
  if (shape.header !== 0 || shape.delimiter !== 1) return []
  const header = table.rows[0]
  const layout = rowLayout(header)
  if (header.cells.every((cell) => !cell.text)) {
    return [{id: 'empty-header-row', reason: 'Unexpected empty header row', note: 'Every column needs a heading that says what it holds', row: 0, from: layout.start, to: layout.end}]
  }
  const findings: TableFinding[] = []
  const seen = new Map<string, number>()
  header.cells.forEach((cell, index) => {
    const from = cell.position.start.offset
    const to = cell.position.end.offset
    if (!cell.text) {
      if (index > 0) findings.push({id: 'empty-header-cell', reason: 'Unexpected empty header cell', note: `Column ${index + 1} has no heading`, row: 0, from, to})
      return
    }
    const key = normalized(cell.text)
    const earlier = seen.get(key)
    if (earlier === undefined) seen.set(key, index)
    else findings.push({id: 'duplicate-header-cell', reason: `Unexpected duplicate header cell \`${cell.text}\``, note: `Column ${earlier + 1} has the same heading`, row: 0, from, to})
  })
  // A body row that says what the header says: two tables glued together, or a header repeated mid-table.
  const headerKey = header.cells.map((cell) => normalized(cell.text)).join('|')
  table.rows.forEach((row, index) => {
    if (index === shape.header || index === shape.delimiter || row.cells.map((cell) => normalized(cell.text)).join('|') !== headerKey) return
    const {start, end} = rowLayout(row)
    findings.push({
      id: 'repeated-header-row', reason: 'Unexpected repeat of the header row in the table body',
      note: 'Two tables glued together, or a header repeated mid-table', row: index, from: start, to: end
    })
  })
  return findings
}
