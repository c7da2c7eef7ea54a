/**
 * `--format stylish` for files read one at a time: the lines vfile-reporter writes, made in two
 * passes. vfile-reporter aligns its columns over every message of the run and orders the files by
 * path (`localeCompare`), so it needs all of a run's messages at once; the first pass here measures
 * the columns (and counts for the summary), the second writes each file's lines as it is read.
 *
 * The same bytes as vfile-reporter 8 for what copydesk reports with a given `color`: messages
 * without a `cause`, not verbose, files in path order (a run's files are sorted, the ignored ones
 * come after them). `stylishLines` declines anything else, which then goes to vfile-reporter whole.
 */
import stringWidth from 'string-width'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** vfile-reporter's options that copydesk sets. */
export interface StylishOptions {
  quiet?: boolean
  color: boolean
}

/** What the first pass learns. */
export interface StylishMeasure {
  /** The widest cell of each of the five columns (place, label, reason, rule, source). */
  widths: number[]
  /** Whether any message is an error or a warning (vfile-reporter then ends with a count line, which copydesk replaces). */
  counted: boolean
}

/** The escape codes vfile-reporter paints with, or none. */
function paints(color: boolean) {
  const code = (value: number) => (color ? `\u001B[${value}m` : '')
  return {bold: code(1), underline: code(4), normalIntensity: code(22), noUnderline: code(24), red: code(31), cyan: code(36), green: code(32), yellow: code(33), defaultColor: code(39)}
}

type Paints = ReturnType<typeof paints>

const eol = /\r?\n|\r/u

/**
 * Measures `files` (the first pass), or returns undefined when this module would not write what
 * vfile-reporter writes for them: files out of its order, or messages with a cause.
 */
export function measureStylish(files: Iterable<VFile>, options: StylishOptions): StylishMeasure | undefined {
  const state = paints(options.color)
  const widths = [0, 0, 0, 0, 0]
  let counted = false
  let previous: string | undefined
  for (const file of files) {
    const name = nameOf(file)
    if (previous !== undefined && previous.localeCompare(String(file.path || '')) > 0) return undefined
    previous = String(file.path || '')
    if (name === undefined) return undefined
    for (const message of file.messages) {
      if (message.cause) return undefined
      if (typeof message.fatal === 'boolean') counted = true
      const [row] = messageLines(state, message)
      for (const [index, cell] of (row as string[]).entries()) widths[index] = Math.max(widths[index], stringWidth(cell))
    }
  }
  return {widths, counted}
}

/**
 * The lines of one file (the second pass), undefined when `quiet` leaves it out; `afterMessages`
 * tells whether the file shown before had messages (a blank line then comes before this header).
 */
export function stylishLines(file: VFile, measure: StylishMeasure, options: StylishOptions, afterMessages: boolean): {lines: string[]; hasMessages: boolean} | undefined {
  const state = paints(options.color)
  const messages = [...file.messages].sort(compareMessage)
  const rows: Array<string | string[]> = []
  for (const message of messages) rows.push(...messageLines(state, message))
  if (options.quiet && rows.length === 0) return undefined
  const lines: string[] = []
  const header = fileLine(state, file)
  if (afterMessages && header) lines.push('')
  if (header) lines.push(header.trimEnd())
  for (const row of rows) lines.push(typeof row === 'string' ? row.trimEnd() : padded(row, measure.widths))
  return {lines, hasMessages: rows.length > 0}
}

/** A message row's cells, each padded to its column's width and one space, the line's end trimmed. */
function padded(row: string[], widths: readonly number[]): string {
  let line = ''
  for (const [index, cell] of row.entries()) line += cell + ' '.repeat(widths[index] + 1 - stringWidth(cell))
  return line.trimEnd()
}

/** The file's header line: its name, colored by its worst message, and `no issues found` when clean. */
function fileLine(state: Paints, file: VFile): string {
  let fatal = 0
  for (const message of file.messages) if (message.fatal) fatal++
  const total = file.messages.length
  const name = nameOf(file)!
  const left = state.underline + (fatal ? state.red : total ? state.yellow : state.green) + name + state.defaultColor + state.noUnderline
  return total ? left : `${left}: no issues found`
}

/** The name vfile-reporter gives the file (its first path, or `<stdin>`); undefined for a file it would show differently (a file written, or renamed). */
function nameOf(file: VFile): string | undefined {
  if (file.stored || (file.history.length > 0 && file.history[0] !== file.path)) return undefined
  return file.history[0] || '<stdin>'
}

/** A message's row (its five cells) and the lines of its reason after the first. */
function messageLines(state: Paints, message: VFileMessage): Array<string | string[]> {
  const label = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
  let reason = message.stack || message.message
  const match = eol.exec(reason)
  let rest: string[] = []
  if (match) {
    rest = reason.slice(match.index + 1).split(eol)
    reason = reason.slice(0, match.index)
  }
  const row = [
    stringifyPlace(message.place),
    (label === 'error' ? state.red : state.yellow) + label + state.defaultColor,
    formatReason(state, reason),
    message.ruleId || '',
    message.source || ''
  ]
  return [row, ...rest]
}

/** Code spans of a reason (between equal runs of backticks) in cyan, the whole in bold. */
function formatReason(state: Paints, reason: string): string {
  const result: string[] = []
  const splits: Array<{index: number; size: number}> = []
  let index = reason.indexOf('`')
  while (index !== -1) {
    const split = {index, size: 1}
    splits.push(split)
    while (reason.codePointAt(index + 1) === 96) {
      split.size++
      index++
    }
    index = reason.indexOf('`', index + 1)
  }
  index = -1
  let textStart = 0
  while (++index < splits.length) {
    let closeIndex = index
    let close
    while (++closeIndex < splits.length) {
      if (splits[index].size === splits[closeIndex].size) {
        close = splits[closeIndex]
        break
      }
    }
    if (close) {
      const codeStart = splits[index].index
      const codeEnd = close.index + close.size
      result.push(reason.slice(textStart, codeStart) + state.cyan + reason.slice(codeStart, codeEnd) + state.defaultColor)
      textStart = codeEnd
      index = closeIndex
    }
  }
  result.push(reason.slice(textStart))
  return state.bold + result.join('') + state.normalIntensity
}

/** unist-util-stringify-position of a message's place. */
function stringifyPlace(place: VFileMessage['place']): string {
  if (!place || typeof place !== 'object') return ''
  type Point = {line?: unknown; column?: unknown} | undefined
  const index = (value: unknown) => (value && typeof value === 'number' ? value : 1)
  const point = (at: Point) => `${index(at?.line)}:${index(at?.column)}`
  const value = place as {start?: Point; end?: Point; line?: unknown; column?: unknown}
  if ('start' in value || 'end' in value) return `${point(value.start)}-${point(value.end)}`
  if ('line' in value || 'column' in value) return point(value)
  return ''
}

/** vfile-sort's order of messages: place, then errors before warnings before infos, then source, rule and reason. */
function compareMessage(a: VFileMessage, b: VFileMessage): number {
  const score = (fatal: boolean | null | undefined) => (fatal ? 0 : fatal === false ? 1 : 2)
  return (
    (a.line || 0) - (b.line || 0) ||
    (a.column || 0) - (b.column || 0) ||
    score(a.fatal) - score(b.fatal) ||
    String(a.source || '').localeCompare(String(b.source || '')) ||
    String(a.ruleId || '').localeCompare(String(b.ruleId || '')) ||
    String(a.reason || '').localeCompare(String(b.reason || ''))
  )
}
