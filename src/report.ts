/** Reports: `stylish` (vfile-reporter) for people, `json` for programs. */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'

export const formats = ['stylish', 'json'] as const
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
  return files.map((file) => ({
    path: file.path ?? '<stdin>',
    messages: file.messages.map((message) => {
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
    })
  }))
}

export interface ReportOptions {
  format: Format
  /** Only errors. */
  quiet?: boolean
  color?: boolean
}

/** Formats the results of a run. */
export function report(files: readonly VFile[], options: ReportOptions): string {
  const shown = options.quiet ? files.map((file) => withMessages(file, file.messages.filter((message) => message.fatal === true))) : files
  if (options.format === 'json') return JSON.stringify(toJson(shown), null, 2) + '\n'
  const text = reporter([...shown], {quiet: options.quiet, color: options.color, defaultName: '<stdin>'})
  return text ? text + '\n' : ''
}

function withMessages(file: VFile, messages: VFileMessage[]): VFile {
  const copy = Object.create(file) as VFile
  copy.messages = messages
  return copy
}
