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
  writeIndex(location, index)
  return index
}
