/**
 * A linted file as plain data: what a worker thread sends back, what the cache stores and replays.
 * It keeps everything a report, `--fix` and the cross-file comparison need (messages with their
 * exact places, offsets included, and the collection data of collection rules), and nothing that
 * holds a syntax tree.
 */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {toJsonMessage, type JsonMessage} from '../report.js'
import {FILE_ERROR, INTERNAL_ERROR} from '../read.js'
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
  return plainResult(file, (place) => structuredClone(place))
}

/**
 * A linted file's result as a worker sends it back and the run stores it: the messages and the
 * collection data as the UTF-8 bytes of their JSON, which the main thread writes to disk without
 * parsing (it reads them back only for the comparison and the report), and the little the run
 * needs at once.
 */
export interface SerializedResult {
  /** `PlainMessage[]` as JSON. */
  messages: Uint8Array
  /** `file.data.collection` as JSON, when a collection rule recorded something. */
  collection?: Uint8Array
  /** The ids of the collection rules that recorded something, in `collection`'s order. */
  collectionRules: string[]
  /** The file's control comments (`file.data.directives`), which also hide what collection rules find. */
  directives?: Directive[]
  /** The file could not be read or a rule crashed: the next run should try again, not replay it. */
  transient: boolean
}

/** Results that must not be replayed: the next run should try again. */
const transientRules = new Set([FILE_ERROR, INTERNAL_ERROR])

const encoder = new TextEncoder()

/**
 * The serialized result of a linted file. Bytes, not objects: posting them moves buffers instead
 * of cloning every message, and nothing parsed from them can hold a slice of the article text.
 */
export function serializeResult(file: VFile): SerializedResult {
  // The places are read by JSON.stringify at once, before anything can change them: no copy needed.
  const {messages, collection, directives} = plainResult(file, (place) => place)
  const serialized: SerializedResult = {
    messages: encoder.encode(JSON.stringify(messages)),
    collectionRules: [],
    transient: messages.some((message) => message.fatal === true && transientRules.has(message.ruleId ?? ''))
  }
  if (collection !== undefined) {
    serialized.collection = encoder.encode(JSON.stringify(collection))
    serialized.collectionRules = Object.keys(collection).filter((id) => collection[id] !== undefined)
  }
  if (directives !== undefined) serialized.directives = directives
  return serialized
}

/** The JSON form of one message, with its place: a cross-file finding as the run stores it. */
export function serializeMessage(message: VFileMessage): string {
  const plain: PlainMessage = toJsonMessage(message)
  if (message.place) plain.place = message.place as PlainMessage['place']
  return JSON.stringify(plain)
}

function plainResult(file: VFile, copy: (place: NonNullable<VFileMessage['place']>) => unknown): FileResult {
  const messages = file.messages.map((message): PlainMessage => {
    const plain: PlainMessage = toJsonMessage(message)
    if (message.place) plain.place = copy(message.place) as PlainMessage['place']
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
  for (const plain of result.messages) file.messages.push(messageOf(plain, filePath))
  if (result.collection !== undefined) file.data.collection = result.collection
  if (result.directives !== undefined) file.data.directives = result.directives
  return file
}

/**
 * What a replayed message inherits: VFileMessage's methods, and an empty `stack` that is not
 * enumerable, as on an Error (reporters print `stack || message`).
 */
const replayedPrototype = Object.create(VFileMessage.prototype, {stack: {value: '', writable: true, configurable: true, enumerable: false}}) as VFileMessage

/**
 * A `VFileMessage` with the fields `file.message` would give it, in its order. Made without the
 * constructor: a VFileMessage is an `Error`, and capturing a stack trace for each of the hundred
 * thousand messages of a large run cost a second and a large part of the run's memory. Made by a
 * constructor of its own, every message of one shape: filling an object made bare, and defining its
 * stack on each, took eight times as long.
 */
const ReplayedMessage = function (this: Record<string, unknown>, plain: PlainMessage, filePath: string) {
  const start = plain.place && 'start' in plain.place ? plain.place.start : plain.place
  this.ancestors = undefined
  this.cause = undefined
  this.column = start?.column
  this.fatal = plain.fatal
  this.file = filePath
  this.message = plain.reason
  this.line = start?.line
  this.name = `${filePath}:${placeName(plain.place)}`
  this.place = plain.place
  this.reason = plain.reason
  this.ruleId = plain.ruleId ?? undefined
  this.source = plain.source ?? undefined
  this.actual = plain.actual
  this.expected = plain.expected === undefined ? undefined : [...plain.expected]
  this.note = plain.note
  this.url = plain.url
} as unknown as new (plain: PlainMessage, filePath: string) => VFileMessage
ReplayedMessage.prototype = replayedPrototype

function messageOf(plain: PlainMessage, filePath: string): VFileMessage {
  const message = new ReplayedMessage(plain, filePath)
  if (plain.messageId !== undefined) message.messageId = plain.messageId
  if (plain.fixable) message.fixable = true
  return message
}

/** The place as vfile-message names it (unist-util-stringify-position): `1:2-1:5`, `1:2`, or `1:1` for none. */
function placeName(place: PlainMessage['place']): string {
  if (!place) return '1:1'
  const point = (at: {line: number; column: number}) => `${at.line}:${at.column}`
  return 'start' in place ? `${point(place.start)}-${point(place.end)}` : point(place)
}
