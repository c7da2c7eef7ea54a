/**
 * The delimiter row: missing, misplaced, with a cell count other than the header's, or with
 * malformed cells. GFM renders the rows as a paragraph in each case, so the notes say so.
 */
import {isWellFormedDelimiterCell, rowLayout} from '../parse/table-row.js'
import type {TableBlock, TableRow} from '../types.js'
import type {TableFinding} from './finding.js'
import {paddingOf, pipesOf, type PipeStyle, type TableShape} from './shape.js'

const asParagraph = 'GFM renders these rows as a paragraph, not a table'

/** A delimiter cell made well-formed: its alignment colons kept, everything else dashes, the same width (`-=-` → `---`). */
export function repairDelimiterCell(text: string): string {
  if (isWellFormedDelimiterCell(text)) return text
  const left = text.startsWith(':') ? ':' : ''
  const right = text.length > 1 && text.endsWith(':') ? ':' : ''
  return `${left}${'-'.repeat(Math.max(3 - left.length - right.length, text.length - left.length - right.length, 1))}${right}`
}

/** The delimiter row rebuilt to `columns` cells, in `style`, padded like the original row. */
export function rebuildDelimiterRow(row: TableRow, columns: number, style: PipeStyle, source: string): string {
  const pad = paddingOf(row, source)
  const cells = Array.from({length: columns}, (_, index) => (row.cells[index]?.text ? repairDelimiterCell(row.cells[index].text) : '---'))
  const want = pipesOf(style)
  return `${want.leading ? `|${pad}` : ''}${cells.join(`${pad}|${pad}`)}${want.trailing ? `${pad}|` : ''}`
}

export function delimiterFindings(table: TableBlock, shape: TableShape, style: PipeStyle, source: string): TableFinding[] {
  const [first, second] = table.rows
  const firstLayout = rowLayout(first)
  if (shape.header === -1) {
    return [{id: 'missing-header-row', reason: 'Missing header row above the delimiter row', note: asParagraph, row: 0, from: firstLayout.start, to: firstLayout.end}]
  }
  if (shape.delimiter === -1) {
    const example = `| ${Array.from({length: shape.columns}, () => '---').join(' | ')} |`
    return [{
      id: 'missing-delimiter-row', reason: 'Missing delimiter row after the header row',
      note: `Without a delimiter row such as \`${example}\`, ${asParagraph}`, row: 0, from: firstLayout.start, to: firstLayout.end
    }]
  }
  const findings: TableFinding[] = []
  const layout = rowLayout(second)
  const count = second.cells.length
  if (count !== shape.columns) {
    findings.push({
      id: 'delimiter-cell-count', reason: `Delimiter row has ${count} ${count === 1 ? 'cell' : 'cells'}, expected ${shape.columns} (as many as the header row)`,
      note: asParagraph, row: 1, from: layout.start, to: layout.end,
      edit: {from: layout.start, to: layout.end, text: rebuildDelimiterRow(second, shape.columns, style, source)}
    })
  }
  second.cells.forEach((cell) => {
    if (isWellFormedDelimiterCell(cell.text)) return
    const from = cell.position.start.offset
    const to = cell.position.end.offset
    findings.push({
      id: 'malformed-delimiter-cell',
      reason: cell.text ? `Malformed delimiter cell \`${cell.text}\`, expected dashes with optional alignment colons` : 'Empty delimiter cell, expected dashes with optional alignment colons',
      note: `Write \`---\`, \`:--\`, \`--:\` or \`:-:\`; otherwise ${asParagraph}`, row: 1, from, to,
      // A count mismatch rebuilds the whole row, these cells with it.
      // An empty cell's spaces, up to the next pipe, give way to its dashes.
      ...(count === shape.columns
        ? {edit: cell.text ? {from, to, text: repairDelimiterCell(cell.text)} : {from, to: layout.pipes.find((pipe) => pipe >= from) ?? layout.end, text: '---', attach: 'previous' as const}}
        : {})
    })
  })
  return findings
}
