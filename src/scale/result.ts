/**
 * A linted file as plain data: what a worker thread sends back, what the cache stores and replays.
 * It keeps everything a report, `--fix` and the cross-file comparison need (messages with their
 * exact places, offsets included, and the collection data of collection rules), and nothing that
 * holds a syntax tree.
 */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {toJsonMessage, type JsonMessage} from '../report.js'
import type {Directive} from '../inline-control.js'
import type {Point, Position} from '../types.js'

/** A message as plain data: its JSON form plus its place in the file, offsets included. */
export interface PlainMessage extends JsonMessage {
  place?: Point | Position | {line: number; column: number}
}

export interface FileResult {
  messages: PlainMessage[]
  /** What collection rules recorded for the file (`file.data.collection`), by rule id. */
  collection?: Record<string, unknown>
  /** The file's control comments (`file.data.directives`), which also hide what collection rules find. */
  directives?: Directive[]
}

/** The plain result of a linted file. */
export function toResult(file: VFile): FileResult {
  const messages = file.messages.map((message): PlainMessage => {
    const plain: PlainMessage = toJsonMessage(message)
    if (message.place) plain.place = structuredClone(message.place) as PlainMessage['place']
    return plain
  })
  const result: FileResult = {messages}
  if (file.data.collection !== undefined) result.collection = file.data.collection
  if (file.data.directives !== undefined) result.directives = file.data.directives
  return result
}

/** Rebuilds the VFile of a plain result: the same messages, for reporters and the comparison. */
export function fromResult(result: FileResult, filePath: string, cwd: string): VFile {
  const file = new VFile({path: filePath, cwd})
  for (const plain of result.messages) {
    const message = new VFileMessage(plain.reason, {place: plain.place, ruleId: plain.ruleId ?? undefined, source: plain.source ?? undefined})
    // As `file.message` does, so that messages read back equal messages made in place.
    message.name = `${file.path}:${message.name}`
    message.file = file.path
    message.fatal = plain.fatal
    if (plain.messageId !== undefined) message.messageId = plain.messageId
    if (plain.url !== undefined) message.url = plain.url
    if (plain.note !== undefined) message.note = plain.note
    if (plain.actual !== undefined) message.actual = plain.actual
    if (plain.expected !== undefined) message.expected = [...plain.expected]
    if (plain.fixable) message.fixable = true
    file.messages.push(message)
  }
  if (result.collection !== undefined) file.data.collection = result.collection
  if (result.directives !== undefined) file.data.directives = result.directives
  return file
}
