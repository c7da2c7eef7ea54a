/** The last line of the stylish report: how many files, findings by severity, and how many `--fix` can repair. */
import type {JsonFile} from '../report.js'

export interface SummaryCounts {
  files: number
  errors: number
  warnings: number
  infos: number
  fixable: number
}

export function countFindings(files: Iterable<JsonFile>): SummaryCounts {
  const counts: SummaryCounts = {files: 0, errors: 0, warnings: 0, infos: 0, fixable: 0}
  for (const file of files) countFile(counts, file)
  return counts
}

/** Adds a file and its findings to `counts` (for files counted as they are read). */
export function countFile(counts: SummaryCounts, file: JsonFile): void {
  counts.files++
  for (const message of file.messages) {
    if (message.severity === 'error') counts.errors++
    else if (message.severity === 'warning') counts.warnings++
    else counts.infos++
    if (message.fixable) counts.fixable++
  }
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`

/** E.g. `5 files: ✖ 38 errors, ⚠ 37 warnings (30 fixable)`, or `5 files: no findings`. */
export function summaryLine(files: readonly JsonFile[] | SummaryCounts, color = false): string {
  const counts = Array.isArray(files) ? countFindings(files) : (files as SummaryCounts)
  const paint = (code: number, text: string) => (color ? `\u001B[${code}m${text}\u001B[39m` : text)
  const parts: string[] = []
  if (counts.errors) parts.push(`${paint(31, '✖')} ${plural(counts.errors, 'error')}`)
  if (counts.warnings) parts.push(`${paint(33, '⚠')} ${plural(counts.warnings, 'warning')}`)
  if (counts.infos) parts.push(plural(counts.infos, 'info'))
  const findings = parts.length > 0 ? parts.join(', ') : 'no findings'
  const fixable = counts.fixable ? ` (${counts.fixable} fixable)` : ''
  return `${plural(counts.files, 'file')}: ${findings}${fixable}`
}
