/**
 * Reports: `stylish` (vfile-reporter, plus a summary line) for people, `json` for programs, and
 * for CI `sarif` (code scanning), `github` (pull-request annotations) and `unix` (one line each).
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import {formatGithub} from './formats/github.js'
import {sarifChunks} from './formats/sarif.js'
import {measureStylish, stylishLines} from './formats/stylish.js'
import {countFile, countFindings, summaryLine} from './formats/summary.js'
import {formatUnix} from './formats/unix.js'
import type {AnyRule} from './rule.js'

export const formats = ['stylish', 'json', 'sarif', 'github', 'unix'] as const
export type Format = (typeof formats)[number]

/** One message as `--format json` prints it: plain data, no syntax-tree objects. */
export interface JsonMessage {
  ruleId: string | null
  /** The kind of finding within its rule, where the rule names its kinds (see `VFileMessage.messageId`). */
  messageId?: string
  source: string | null
  severity: 'error' | 'warning' | 'info'
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
  reason: string
  fatal: boolean | null
  url?: string
  note?: string
  actual?: string
  expected?: string[]
  /** `expected[0]` is the one safe replacement of the range (see `certainFix`). */
  fixable?: boolean
}

export interface JsonFile {
  path: string
  messages: JsonMessage[]
}

export function severityOf(message: VFileMessage): JsonMessage['severity'] {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

export function toJson(files: readonly VFile[]): JsonFile[] {
  return files.map((file) => ({path: file.path ?? '<stdin>', messages: file.messages.map(toJsonMessage)}))
}

/** One message as plain data (see `JsonMessage`). */
export function toJsonMessage(message: VFileMessage): JsonMessage {
  const end = message.place && 'end' in message.place ? message.place.end : undefined
  const json: JsonMessage = {
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    severity: severityOf(message),
    line: message.line ?? null,
    column: message.column ?? null,
    endLine: end?.line ?? null,
    endColumn: end?.column ?? null,
    reason: message.reason,
    fatal: message.fatal ?? null
  }
  if (message.messageId) json.messageId = message.messageId
  if (message.url) json.url = message.url
  if (message.note) json.note = message.note
  if (message.actual !== undefined) json.actual = message.actual
  if (message.expected) json.expected = [...message.expected]
  if (message.fixable) json.fixable = true
  return json
}

export interface ReportOptions {
  format: Format
  /** Only errors. */
  quiet?: boolean
  color?: boolean
  /** copydesk's version, for `sarif`. */
  version?: string
  /** The rules of the run, whose descriptions `sarif` carries. */
  rules?: readonly AnyRule[]
}

/** Formats the results of a run. */
export function report(files: readonly VFile[], options: ReportOptions): string {
  return [...reportChunks(files, options)].join('')
}

/**
 * The report of `report`, in pieces to write one after the other, for files that may be made one
 * at a time as they are read (`files` is gone through once, twice for `sarif`, whose rule list
 * comes first). `json`, `sarif`, `github` and `unix` come a file at a time: a large run's report,
 * made in one piece, would be a string of hundreds of megabytes, next to every file it was made
 * from. `stylish` aligns its columns over every message of the run, so it takes in all the files.
 */
export function* reportChunks(files: Iterable<VFile>, options: ReportOptions): Generator<string> {
  const shown: Iterable<VFile> = options.quiet ? mapped(files, (file) => withMessages(file, file.messages.filter((message) => message.fatal === true))) : files
  switch (options.format) {
    case 'json':
      yield* jsonChunks(shown)
      break
    case 'sarif':
      yield* sarifChunks(mapped(shown, jsonOf), {version: options.version ?? '0.0.0', rules: options.rules})
      break
    case 'github':
      for (const file of shown) yield formatGithub([jsonOf(file)])
      break
    case 'unix':
      for (const file of shown) yield formatUnix([jsonOf(file)])
      break
    case 'stylish':
      yield* stylishChunks(shown, options)
  }
}

/**
 * `stylish`, a file at a time where src/formats/stylish.ts writes what vfile-reporter would (the
 * files in its order, a color given), else made whole by vfile-reporter.
 */
function* stylishChunks(files: Iterable<VFile>, options: ReportOptions): Generator<string> {
  const settings = typeof options.color === 'boolean' ? {quiet: options.quiet, color: options.color} : undefined
  const measure = settings && measureStylish(files, settings)
  if (!settings || !measure) {
    yield stylish([...files], options)
    return
  }
  const counts = countFindings([])
  let written = false
  let afterMessages = false
  // vfile-reporter's blank lines at the end are dropped with its count line: held until a line follows.
  let blank = 0
  for (const file of files) {
    countFile(counts, jsonOf(file))
    const shown = stylishLines(file, measure, settings, afterMessages)
    if (!shown) continue
    afterMessages = shown.hasMessages
    let text = ''
    for (const line of shown.lines) {
      if (line === '') blank++
      else {
        text += (written ? '\n' : '') + '\n'.repeat(blank) + line
        blank = 0
        written = true
      }
    }
    if (text) yield text
  }
  if (!measure.counted && written) yield '\n'.repeat(blank)
  yield (written ? '\n\n' : '') + summaryLine(counts, options.color) + '\n'
}

/** `JSON.stringify(toJson(files), null, 2)` and a newline, file by file. */
function* jsonChunks(files: Iterable<VFile>): Generator<string> {
  let first = true
  for (const file of files) {
    // The file's entry as the whole array would have it, indented one level: stringified as the one
    // item of an array, less the brackets (`[\n  ` before, `\n]` after), where indenting its text
    // afterwards made a second copy of every report.
    const entry = JSON.stringify([jsonOf(file)], null, 2)
    yield (first ? '[\n  ' : ',\n  ') + entry.slice(4, -2)
    first = false
  }
  yield first ? '[]\n' : '\n]\n'
}

/** One file as `--format json` prints it. */
const jsonOf = (file: VFile): JsonFile => toJson([file])[0]

/** `files` with `change` applied to each as it is reached; as often iterable as `files` is. */
function mapped<T, U>(files: Iterable<T>, change: (file: T) => U): Iterable<U> {
  return {
    *[Symbol.iterator]() {
      for (const file of files) yield change(file)
    }
  }
}

/** vfile-reporter's report, its own count line replaced by copydesk's summary (files, severities, fixable). */
function stylish(files: readonly VFile[], options: ReportOptions): string {
  let text = reporter([...files], {quiet: options.quiet, color: options.color, defaultName: '<stdin>'})
  // vfile-reporter ends with a count line when there is an error or a warning.
  if (files.some((file) => file.messages.some((message) => typeof message.fatal === 'boolean'))) text = text.slice(0, text.lastIndexOf('\n')).replace(/\n+$/u, '')
  return (text ? text + '\n\n' : '') + summaryLine(toJson(files), options.color) + '\n'
}

function withMessages(file: VFile, messages: VFileMessage[]): VFile {
  const copy = Object.create(file) as VFile
  copy.messages = messages
  return copy
}
