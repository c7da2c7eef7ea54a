/**
 * Reads and rewrites a `--cache` folder as src/scale/cache.ts lays it out (an index,
 * `results.json`, naming a data file of results), so that tests can tell a replayed result from a
 * fresh one, or damage the cache on purpose.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type {FileResult} from '../src/scale/result.js'

/** The index as stored: entries are [path, hash, config, offset, messages' length, collection's length, digest, collection rules, directives?]. */
export interface CacheIndex {
  copydesk: 'cache'
  format: number
  version: string
  data: string
  size: number
  configs: string[]
  entries: Array<[string, string, number, number, number, number, string, string[], unknown?]>
  /** The last run's cross-file findings: per file, its index in the run and each finding's length. */
  comparison?: {key: string; offset: number; length: number; digest: string; files: Array<[number, ...number[]]>}
}

export const indexFile = (location: string): string => path.join(location, 'results.json')

export function readIndex(location: string): CacheIndex {
  return JSON.parse(fs.readFileSync(indexFile(location), 'utf8')) as CacheIndex
}

export function writeIndex(location: string, index: CacheIndex): void {
  fs.writeFileSync(indexFile(location), JSON.stringify(index))
}

/** The cached result of each path. */
export function cachedResults(location: string): Map<string, FileResult> {
  const index = readIndex(location)
  const data = fs.readFileSync(path.join(location, index.data))
  const results = new Map<string, FileResult>()
  for (const [name, , , offset, messagesLength, collectionLength] of index.entries) {
    const result: FileResult = {messages: JSON.parse(data.subarray(offset, offset + messagesLength).toString('utf8')) as FileResult['messages']}
    if (collectionLength > 0) result.collection = JSON.parse(data.subarray(offset + messagesLength, offset + messagesLength + collectionLength).toString('utf8')) as FileResult['collection']
    results.set(name, result)
  }
  return results
}

/**
 * Rewrites the cached result of `name` with `change`, keeping the cache valid (lengths, digests
 * and size updated); returns the new index.
 */
export function rewriteCached(location: string, name: string, change: (result: FileResult) => void): CacheIndex {
  const index = readIndex(location)
  const results = cachedResults(location)
  const chunks: Buffer[] = []
  let offset = 0
  for (const entry of index.entries) {
    const result = results.get(entry[0])!
    if (entry[0] === name) change(result)
    const messages = Buffer.from(JSON.stringify(result.messages))
    const collection = result.collection === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(result.collection))
    const bytes = Buffer.concat([messages, collection])
    entry[3] = offset
    entry[4] = messages.length
    entry[5] = collection.length
    entry[6] = createHash('sha1').update(bytes).digest('hex')
    chunks.push(bytes)
    offset += bytes.length
  }
  fs.writeFileSync(path.join(location, index.data), Buffer.concat(chunks))
  index.size = offset
  // The stored comparison's bytes are not carried over: the next run compares anew.
  delete index.comparison
  writeIndex(location, index)
  return index
}

/**
 * Rewrites every cross-file finding the cache keeps with `change`, keeping the cache valid
 * (the findings stay at the end of the data file; lengths, digest and size updated).
 */
export function rewriteComparison(location: string, change: (message: FileResult['messages'][number]) => void): CacheIndex {
  const index = readIndex(location)
  const comparison = index.comparison!
  const dataFile = path.join(location, index.data)
  const data = fs.readFileSync(dataFile)
  let at = comparison.offset
  const chunks: Buffer[] = [data.subarray(0, comparison.offset)]
  for (const file of comparison.files) {
    for (let slot = 1; slot < file.length; slot++) {
      const message = JSON.parse(data.subarray(at, at + file[slot]).toString('utf8')) as FileResult['messages'][number]
      at += file[slot]
      change(message)
      const bytes = Buffer.from(JSON.stringify(message))
      file[slot] = bytes.length
      chunks.push(bytes)
    }
  }
  const rewritten = Buffer.concat(chunks)
  fs.writeFileSync(dataFile, rewritten)
  comparison.length = rewritten.length - comparison.offset
  comparison.digest = createHash('sha1').update(rewritten.subarray(comparison.offset)).digest('hex')
  index.size = rewritten.length
  writeIndex(location, index)
  return index
}
