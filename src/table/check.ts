/**
 * Checks one pipe table: blank lines around it, pipes, the delimiter row, cell counts and the
 * header. Returns the findings in reading order, each with the certain fix it carries, if any.
 */
import type {Line} from '../parse/lines.js'
import type {ArticleFormat, TableBlock} from '../types.js'
import {blankLineFindings} from './blank-lines.js'
import {delimiterFindings} from './delimiter.js'
import {clusters, combine, widen, type Edit} from './edit.js'
import type {TableFinding} from './finding.js'
import {headerFindings} from './header.js'
import {columnFindings, pipeFindings} from './rows.js'
import {shapeOf, type PipeStyle} from './shape.js'

export interface TableCheckContext {
  /** The file's text. */
  source: string
  lines: readonly Line[]
  format: ArticleFormat
  lineEnding: string
  /** The pipe style rows should follow (`consistent` already resolved). */
  style: PipeStyle
  /** Where the style comes from, for the note, when it was not configured (`set by the first table row on line 3`). */
  styleOrigin?: string
  /** Whether to check blank lines around the table. In Markdown only tables with a delimiter row are checked. */
  blankLines: boolean
  /** Whether to check for empty and duplicate header cells. */
  header: boolean
}

/** A finding and the fix its message carries: its own edit, or the edits of its row that meet it, combined. */
export interface ResolvedFinding extends TableFinding {
  fix?: Edit
}

export function checkTable(table: TableBlock, context: TableCheckContext): ResolvedFinding[] {
  const {source, style} = context
  const shape = shapeOf(table)
  // In Markdown, rows without a delimiter row are a paragraph, and no fix here makes them a table;
  // a table with a delimiter row is one, or will be once its fixes are applied.
  const blank = context.blankLines && (context.format === 'txt' || shape.delimiter === 1) ? blankLineFindings(table, context.lines, context.format, context.lineEnding) : []
  // Blank-line insertions share a point with the pipe insertions at a row's edges: the order here
  // is the order they are applied in (the blank line before a new leading pipe, after a new trailing one).
  const findings: TableFinding[] = [
    ...blank.filter((finding) => finding.id === 'missing-blank-line-before'),
    ...pipeFindings(table, style, source, context.styleOrigin),
    ...delimiterFindings(table, shape, style, source),
    ...columnFindings(table, shape, style),
    ...(context.header ? headerFindings(table, shape) : []),
    ...blank.filter((finding) => finding.id === 'missing-blank-line-after')
  ]
  // A delimiter row rebuilt to the header's count gets its pipes from the rebuild.
  if (findings.some((finding) => finding.id === 'delimiter-cell-count')) {
    for (const finding of findings) {
      if (finding.row === 1 && finding.id !== 'delimiter-cell-count' && finding.id.endsWith('-pipe')) delete finding.edit
    }
  }
  return withFixes(findings, source)
}

/** Gives each group of meeting edits on a row to the first finding of the group, as one fix. */
function withFixes(findings: TableFinding[], source: string): ResolvedFinding[] {
  const resolved: ResolvedFinding[] = findings.map((finding) => ({...finding}))
  const rows = new Map<number, ResolvedFinding[]>()
  for (const finding of resolved) {
    if (!finding.edit) continue
    rows.set(finding.row, [...(rows.get(finding.row) ?? []), finding])
  }
  for (const row of rows.values()) {
    for (const group of clusters(row, source)) {
      const edits = group.map((finding) => finding.edit!)
      group[0].fix = edits.length === 1 ? widen(edits[0], source) : combine(edits, source)
    }
  }
  return resolved
}
