/**
 * `--cache`: the results of files whose content, config and copydesk version have not changed
 * since the last run are replayed instead of linted. A result keeps the file's messages and its
 * collection data, so a cached file still takes part in the cross-file comparison.
 *
 * One JSON file per cache location, keyed by path; an entry is valid while the file's content hash
 * and its config's key are the same. A different copydesk version discards the whole cache (a
 * rule may have changed). Written atomically (temporary file, then rename), so a run that is
 * killed, or two runs at once, leave either the old cache or a whole new one.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type {FileResult} from './result.js'

/** Where `--cache` keeps its file when `--cache-location` is not given (relative to the working folder). */
export const defaultCacheLocation = path.join('node_modules', '.cache', 'copydesk')

const cacheFileName = 'results.json'

interface CacheEntry {
  /** sha256 of the file's bytes. */
  hash: string
  /** The key of the config the file was linted with (`ResolvedConfig.key`, or its collection-only form). */
  config: string
  result: FileResult
}

interface CacheFile {
  version: string
  entries: Record<string, CacheEntry>
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export class ResultCache {
  private constructor(
    private readonly file: string,
    private readonly version: string,
    /**
     * Entries read from the file, and entries of this run as the UTF-8 bytes of their JSON: kept
     * until the cache is saved, the results of a large run would otherwise stay in the JavaScript
     * heap (next to the messages made from them) as a copy of every message.
     */
    private readonly entries: Map<string, CacheEntry | Buffer>,
    /** Whether the file needs writing: an entry was set or forgotten, or there was no valid file. */
    private changed: boolean
  ) {}

  /** Opens the cache in `location` (a folder); a missing, unreadable or older-version cache starts empty. */
  static async open(location: string, version: string): Promise<ResultCache> {
    const file = path.join(location, cacheFileName)
    let entries = new Map<string, CacheEntry | Buffer>()
    let valid = false
    try {
      const stored = JSON.parse(await fs.readFile(file, 'utf8')) as CacheFile
      valid = stored.version === version && Boolean(stored.entries) && typeof stored.entries === 'object'
      if (valid) entries = new Map(Object.entries(stored.entries))
    } catch {
      // No cache yet, or a damaged one: lint everything and write a new one.
    }
    return new ResultCache(file, version, entries, !valid)
  }

  /** The stored result of `filePath` if its content and config are the ones it was linted with. */
  get(filePath: string, hash: string, config: string): FileResult | undefined {
    const stored = this.entries.get(filePath)
    const entry = Buffer.isBuffer(stored) ? (JSON.parse(stored.toString('utf8')) as CacheEntry) : stored
    return entry && entry.hash === hash && entry.config === config ? entry.result : undefined
  }

  /** Stores the result of `filePath` (or its JSON text, as `serializeResult` makes it). */
  set(filePath: string, hash: string, config: string, result: FileResult | string): void {
    // The entry's JSON, as JSON.stringify({hash, config, result}) writes it.
    const json = typeof result === 'string' ? result : JSON.stringify(result)
    this.entries.set(filePath, Buffer.from(`{"hash":${JSON.stringify(hash)},"config":${JSON.stringify(config)},"result":${json}}`))
    this.changed = true
  }

  /** Forgets files that are gone: every path not in `keep` (the run's whole file list). */
  prune(keep: ReadonlySet<string>): void {
    for (const filePath of this.entries.keys()) {
      if (!keep.has(filePath)) {
        this.entries.delete(filePath)
        this.changed = true
      }
    }
  }

  /** Writes the cache file, unless it already holds exactly these entries (a run that changed nothing). */
  async save(): Promise<void> {
    if (!this.changed) return
    await fs.mkdir(path.dirname(this.file), {recursive: true})
    const temporary = `${this.file}.${process.pid}.${Date.now()}.tmp`
    const handle = await fs.open(temporary, 'w')
    try {
      // writeFile writes the whole chunk from the current position, where write may stop short.
      for (const chunk of this.serialized()) await handle.writeFile(chunk)
    } finally {
      await handle.close()
    }
    await fs.rename(temporary, this.file)
  }

  /**
   * `JSON.stringify` of the `CacheFile`, an entry at a time: the cache of a large run, made in
   * one piece, is a string of a hundred megabytes.
   */
  private *serialized(): Generator<string | Buffer> {
    const head: Omit<CacheFile, 'entries'> = {version: this.version}
    yield `${JSON.stringify(head).slice(0, -1)},"entries":{`
    let first = true
    for (const [filePath, entry] of this.entries) {
      // An own property named `__proto__` is written by JSON.stringify like any other key.
      yield `${first ? '' : ','}${JSON.stringify(filePath)}:`
      yield Buffer.isBuffer(entry) ? entry : JSON.stringify(entry)
      first = false
    }
    yield '}}'
  }
}
