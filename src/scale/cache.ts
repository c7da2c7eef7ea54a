/**
 * `--cache`: the results of files whose content, config and copydesk version have not changed
 * since the last run are replayed instead of linted. A result keeps the file's messages and its
 * collection data, so a cached file still takes part in the cross-file comparison.
 *
 * Two files per cache location: `results.json`, a small index (per path: the content hash, the
 * config, where the result lies and a digest of it), and the data file it names, the results
 * themselves one after the other. A run reads a replayed result from the data file when it needs
 * it (for the comparison, for the report), so the cache is never in memory as a whole. An entry is
 * valid while the file's content hash and its config's key are the same, and its bytes still have
 * their digest. A different copydesk version, an index of another format (such as the single
 * `results.json` that held every result before), or a data file of another size than the index
 * says discards the whole cache.
 *
 * The cross-file findings of the last run are kept too: the comparison is a function of the run's
 * files, in order, their contents and configs (`comparisonKey`), so a run of the same files, all
 * unchanged, replays its findings instead of comparing every file with every other again.
 *
 * A run that changed an entry writes a new data file (its new results and the entries it keeps),
 * then a new index over the old one (temporary file, then rename), then deletes the old data file
 * (and data files left over by runs that ran at the same time, once stale): a run that is killed,
 * or two runs at once, leave either the old cache or a whole new one.
 */
import {createHash, randomBytes} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type {Directive} from '../inline-control.js'
import {RecordStore, type RecordPlace} from './store.js'

/** Where `--cache` keeps its files when `--cache-location` is not given (relative to the working folder). */
export const defaultCacheLocation = path.join('node_modules', '.cache', 'copydesk')

const indexFileName = 'results.json'

/** How an index of this format begins: anything else (an older cache) is not read further. */
const indexHead = '{"copydesk":"cache","format":2,'

/**
 * A file's result stored on disk: its messages' JSON, then (when it has some) its collection
 * data's JSON, side by side in `store`.
 */
export interface StoredResult {
  store: RecordStore
  offset: number
  /** Bytes of the messages' JSON (`PlainMessage[]`). */
  messagesLength: number
  /** Bytes of the collection data's JSON (`file.data.collection`); 0 when there is none. */
  collectionLength: number
  /** The collection rules that recorded something for the file. */
  collectionRules: readonly string[]
  directives?: Directive[]
}

/** An entry of the index: [path, content hash, config (index into `configs`), offset, messages' length, collection's length, digest, collection rules, directives?]. */
type IndexEntry = [string, string, number, number, number, number, string, string[], Directive[]?]

/**
 * The cross-file findings of the last run, for a run with the same `key`: each finding one record
 * (a message's JSON), the findings of a file one after another, the files' findings one after
 * another from `offset`, `length` bytes in all with sha1 `digest`. `files` holds, per file that got
 * findings, its index in the run's files and the length of each of its findings.
 */
interface StoredComparison {
  key: string
  offset: number
  length: number
  digest: string
  files: Array<[number, ...number[]]>
}

/** Where the cross-file findings of a file of the run lie, one message a record. */
export interface StoredFindings {
  store: RecordStore
  places: RecordPlace[]
}

interface IndexFile {
  copydesk: 'cache'
  format: 2
  version: string
  /** The data file's name, in the same folder. */
  data: string
  /** Its size in bytes. */
  size: number
  /** The configs' keys, each once (a key holds every rule's options, so it is long). */
  configs: string[]
  entries: IndexEntry[]
  comparison?: StoredComparison
}

interface CacheEntry {
  hash: string
  config: string
  result: StoredResult
  /** sha1 of the result's bytes, when it comes from the data file. */
  digest?: string
  /** Its bytes were read back and have their digest. */
  checked?: boolean
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

const digestOf = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex')

export class ResultCache {
  private constructor(
    private readonly location: string,
    private readonly version: string,
    private readonly entries: Map<string, CacheEntry>,
    /** The data file the index names, open for reading; none without a valid cache. */
    private readonly data: RecordStore | undefined,
    /** Whether the files need writing: an entry was set or forgotten, or there was no valid cache. */
    private changed: boolean,
    /** The cross-file findings to keep: the last run's as read, or this run's once set. */
    private comparison: {stored: StoredComparison} | {key: string; findings: ReadonlyMap<number, StoredFindings>} | undefined
  ) {}

  /** Opens the cache in `location` (a folder); a missing, damaged, older or other-version cache starts empty. */
  static async open(location: string, version: string): Promise<ResultCache> {
    const entries = new Map<string, CacheEntry>()
    const index = readIndex(path.join(location, indexFileName), version)
    let data: RecordStore | undefined
    if (index) {
      try {
        data = RecordStore.open(path.join(location, index.data))
      } catch {
        // The data file is gone: no cache.
      }
      if (data && data.size !== index.size) {
        data.close()
        data = undefined
      }
    }
    if (index && data) {
      for (const [filePath, hash, config, offset, messagesLength, collectionLength, digest, collectionRules, directives] of index.entries) {
        const result: StoredResult = {store: data, offset, messagesLength, collectionLength, collectionRules}
        if (directives) result.directives = directives
        entries.set(filePath, {hash, config: index.configs[config], result, digest})
      }
    }
    const comparison = index && data && isStoredComparison(index.comparison, data.size) ? {stored: index.comparison} : undefined
    return new ResultCache(location, version, entries, data, !data, comparison)
  }

  /**
   * The cross-file findings the last run stored, by index of the run's files, if its comparison key
   * was `key` and their bytes are intact; undefined otherwise (the run compares its files).
   */
  findingsOf(key: string): ReadonlyMap<number, StoredFindings> | undefined {
    const comparison = this.comparison
    if (!comparison || !('stored' in comparison) || comparison.stored.key !== key || !this.data) return undefined
    const {offset, length, digest, files} = comparison.stored
    const hash = createHash('sha1')
    for (let at = offset; at < offset + length; at += CHECK_BLOCK) hash.update(this.data.read({offset: at, length: Math.min(CHECK_BLOCK, offset + length - at)}))
    if (hash.digest('hex') !== digest) {
      this.comparison = undefined
      this.changed = true
      return undefined
    }
    const findings = new Map<number, StoredFindings>()
    let at = offset
    for (const [index, ...lengths] of files) {
      const places = lengths.map((bytes) => {
        const place = {offset: at, length: bytes}
        at += bytes
        return place
      })
      findings.set(index, {store: this.data, places})
    }
    // Kept as this run's, should the cache be written again (a damaged entry linted anew).
    this.comparison = {key, findings}
    return findings
  }

  /** Keeps the cross-file findings of this run, whose comparison key is `key`, for the next run. */
  setFindings(key: string, findings: ReadonlyMap<number, StoredFindings>): void {
    this.comparison = {key, findings}
    this.changed = true
  }

  /**
   * The stored result of `filePath` if its content and config are the ones it was linted with and
   * its bytes in the data file are intact (read and checked once, on the first ask).
   */
  get(filePath: string, hash: string, config: string): StoredResult | undefined {
    const entry = this.entries.get(filePath)
    if (!entry || entry.hash !== hash || entry.config !== config) return undefined
    if (entry.digest !== undefined && !entry.checked) {
      if (digestOf(readResult(entry.result)) !== entry.digest) {
        // A damaged entry is linted again, and the cache rewritten without it.
        this.entries.delete(filePath)
        this.changed = true
        return undefined
      }
      entry.checked = true
    }
    return entry.result
  }

  /** Records where the result of `filePath` is stored; it is copied into the cache when the cache is saved. */
  set(filePath: string, hash: string, config: string, result: StoredResult): void {
    this.entries.set(filePath, {hash, config, result})
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

  /**
   * Writes the cache, unless it already holds exactly these entries (a run that changed nothing).
   * The stores results were read from stay open: the run reads them until it closes the cache.
   */
  async save(): Promise<void> {
    if (!this.changed) return
    fs.mkdirSync(this.location, {recursive: true})
    const dataName = `results.${randomBytes(6).toString('hex')}.data`
    const data = RecordStore.create(path.join(this.location, dataName))
    const configs = new Map<string, number>()
    const entries: IndexEntry[] = []
    let comparison: StoredComparison | undefined
    try {
      for (const [filePath, {hash, config, result, digest: stored}] of this.entries) {
        const bytes = readResult(result)
        const digest = digestOf(bytes)
        // An entry this run never replayed is checked here, so that damage is not copied on.
        if (stored !== undefined && stored !== digest) continue
        const {offset} = data.append(bytes)
        let configIndex = configs.get(config)
        if (configIndex === undefined) configs.set(config, (configIndex = configs.size))
        const entry: IndexEntry = [filePath, hash, configIndex, offset, result.messagesLength, result.collectionLength, digest, [...result.collectionRules]]
        if (result.directives) entry.push(result.directives)
        entries.push(entry)
      }
      comparison = this.writeComparison(data)
    } catch (error) {
      data.close()
      fs.rmSync(data.file, {force: true})
      throw error
    }
    const size = data.size
    data.close()
    const index: IndexFile = {copydesk: 'cache', format: 2, version: this.version, data: dataName, size, configs: [...configs.keys()], entries}
    if (comparison) index.comparison = comparison
    const indexFile = path.join(this.location, indexFileName)
    const temporary = `${indexFile}.${process.pid}.${Date.now()}.tmp`
    fs.writeFileSync(temporary, JSON.stringify(index))
    fs.renameSync(temporary, indexFile)
    removeStaleData(this.location, dataName, this.data && path.basename(this.data.file))
    this.changed = false
  }

  /**
   * Copies the cross-file findings of this run (compared or replayed) to the end of `data`; returns
   * where they went. Findings of an older run that this run did not replay are not kept.
   */
  private writeComparison(data: RecordStore): StoredComparison | undefined {
    const comparison = this.comparison
    if (!comparison || 'stored' in comparison) return undefined
    const offset = data.size
    const hash = createHash('sha1')
    const files: StoredComparison['files'] = []
    for (const [index, {store, places}] of comparison.findings) {
      const lengths: number[] = []
      for (const place of places) {
        const bytes = store.read(place)
        hash.update(bytes)
        data.append(bytes)
        lengths.push(bytes.length)
      }
      files.push([index, ...lengths])
    }
    return {key: comparison.key, offset, length: data.size - offset, digest: hash.digest('hex'), files}
  }

  /** Closes the data file the replayed results are read from. */
  close(): void {
    this.data?.close()
  }
}

/**
 * A data file being written has just been modified; one untouched for this long that the index
 * does not name is left over (the last cache, or the cache of a run that another run's replaced).
 */
const staleAfterMs = 10 * 60 * 1000

/**
 * Deletes the data files the index does not name: the one this run replaced at once, others once
 * stale. Runs that still read one have it open: removing its name does not stop them.
 */
function removeStaleData(location: string, current: string, replaced: string | undefined): void {
  const now = Date.now()
  for (const name of fs.readdirSync(location)) {
    if (name === current || !/^results\.[0-9a-f]+\.data$/u.test(name)) continue
    const file = path.join(location, name)
    try {
      if (now - fs.statSync(file).mtimeMs > staleAfterMs || name === replaced) fs.rmSync(file, {force: true})
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

/** How many bytes of stored findings are read at a time to check their digest. */
const CHECK_BLOCK = 1024 * 1024

/** Whether `value` is a stored comparison that lies within a data file of `size` bytes. */
function isStoredComparison(value: unknown, size: number): value is StoredComparison {
  const comparison = value as StoredComparison | undefined
  return (
    typeof comparison === 'object' &&
    comparison !== null &&
    typeof comparison.key === 'string' &&
    typeof comparison.digest === 'string' &&
    Number.isSafeInteger(comparison.offset) &&
    Number.isSafeInteger(comparison.length) &&
    comparison.offset >= 0 &&
    comparison.offset + comparison.length <= size &&
    Array.isArray(comparison.files) &&
    comparison.files.every((file) => Array.isArray(file) && file.every((number) => Number.isSafeInteger(number) && number >= 0))
  )
}

/**
 * What the cross-file comparison of a run depends on, as one hash: its files in order, each with its
 * content hash, the key of the config it was linted under and whether it is only compared against.
 * Undefined when a file has no content hash or no config (it could not be read, or its config is
 * broken): such a run compares anew.
 */
export function comparisonKey(files: ReadonlyArray<{path: string; hash?: string; config?: {key: string}; settled: boolean}>): string | undefined {
  const hash = createHash('sha256')
  for (const file of files) {
    if (file.hash === undefined || file.config === undefined) return undefined
    hash.update(JSON.stringify([file.path, file.hash, file.config.key, file.settled]))
    hash.update('\n')
  }
  return hash.digest('hex')
}

/** The bytes of a stored result: its messages, then its collection data. */
function readResult(result: StoredResult): Buffer {
  return result.store.read({offset: result.offset, length: result.messagesLength + result.collectionLength})
}

/** The index in `file` if it is one of this format and version; undefined for anything else. */
function readIndex(file: string, version: string): IndexFile | undefined {
  let text: string
  try {
    // An old cache (one JSON file of every result, a hundred megabytes for a large run) is told
    // by its first bytes, without reading the rest.
    const fd = fs.openSync(file, 'r')
    try {
      const head = Buffer.alloc(indexHead.length)
      if (fs.readSync(fd, head, 0, head.length, 0) !== head.length || head.toString('utf8') !== indexHead) return undefined
      // Positioned reads leave the file's position at its start.
      text = fs.readFileSync(fd, 'utf8')
    } finally {
      fs.closeSync(fd)
    }
    const index = JSON.parse(text) as IndexFile
    const valid = index.version === version && typeof index.data === 'string' && path.basename(index.data) === index.data && Array.isArray(index.entries) && Array.isArray(index.configs)
    return valid ? index : undefined
  } catch {
    // No cache yet, or a damaged one: lint everything and write a new one.
    return undefined
  }
}
