/**
 * Blank lines around a table (markdownlint's MD058). In Markdown a line right after a table that
 * starts no other block is read as one of its rows, and renderers other than GFM do not start a
 * table inside a paragraph. Inside a block quote a line holding only `>` markers is blank.
 */
import type {Line} from '../parse/lines.js'
import type {ArticleFormat, TableBlock} from '../types.js'
import type {TableFinding} from './finding.js'

const quoteMarkers = /^[ \t]*(?:>[ \t]?)*/u

const isBlank = (line: Line, format: ArticleFormat): boolean =>
  format === 'md' ? line.text.replace(/>/gu, '').trim() === '' : line.text.trim() === ''

/**
 * Findings for a table not set off by blank lines; `lines` are the file's lines and `lineEnding`
 * the file's own. The repair inserts a blank line (with the table's `>` markers in a block quote).
 */
export function blankLineFindings(table: TableBlock, lines: readonly Line[], format: ArticleFormat, lineEnding: string): TableFinding[] {
  const findings: TableFinding[] = []
  const firstLine = table.position.start.line - 1
  const lastLine = table.position.end.line - 1
  const before = lines[firstLine - 1]
  if (before && !isBlank(before, format)) {
    const line = lines[firstLine]
    const prefix = quoteMarkers.exec(line.text)![0].trimEnd()
    findings.push({
      id: 'missing-blank-line-before', reason: 'Missing blank line before the table',
      note: 'Some Markdown renderers do not start a table inside a paragraph', row: 0,
      from: table.position.start.offset, to: table.position.start.offset,
      edit: {from: line.start, to: line.start, text: `${prefix}${lineEnding}`, attach: 'next'}
    })
  }
  const after = lines[lastLine + 1]
  if (after && !isBlank(after, format)) {
    const line = lines[lastLine]
    const prefix = quoteMarkers.exec(line.text)![0].trimEnd()
    const end = line.start + line.text.length
    findings.push({
      id: 'missing-blank-line-after', reason: 'Missing blank line after the table',
      note: 'In Markdown, a line right after a table that starts no other block becomes a row of the table', row: table.rows.length - 1,
      from: table.position.end.offset, to: table.position.end.offset,
      edit: {from: end, to: end, text: `${lineEnding}${prefix}`, attach: 'previous'}
    })
  }
  return findings
}
