/**
 * The results of a run, kept on disk: each file's messages and collection data where the run
 * stored them (the cache's data file, or the run's temporary file), its cross-file findings
 * beside them. The comparison loads each file's collection data when its rule asks for it; the
 * report reads the files back one at a time, in order. So a run of 5,000 files holds, between
 * linting and the end of its report, about what one file needs.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {compareCollection, type LintedFile} from '../collection.js'
import {ConfigError, type ResolvedConfig} from '../config.js'
import {sortMessages} from '../lint.js'
import type {ResultCache, StoredFindings, StoredResult} from './cache.js'
import type {ConfigResolver} from './configs.js'
import {fromResult, serializeMessage, type PlainMessage} from './result.js'
import type {SignatureEntry} from './signatures.js'
import type {RecordStore} from './store.js'

/** A file of the run as the run keeps it: where its result is, not the result. */
export interface RunFile {
  path: string
  /** The config it was linted under; none when its config is broken. */
  config?: ResolvedConfig
  /** Only compared against (`--changed-since`: unchanged since the ref). */
  settled: boolean
  result: StoredResult
  /** Its content's hash, when the cache holds its result (never for one a crash or a read failure made): what `comparisonKey` reads. */
  hash?: string
  /** Where its cross-file findings are, one message each, in the order they were found. */
  findings?: StoredFindings
}

/** A file of another run (`--signatures-in`): its data is in memory, its findings in the store. */
interface ForeignFile {
  linted: LintedFile
  findings?: StoredFindings
}

export class CollectionResults {
  /** The targets, then the files only compared against, in the run's order. */
  readonly files: RunFile[] = []
  /** The reasons of the `config-error` messages of the run, each once. */
  readonly configErrors = new Set<string>()
  private readonly foreign: ForeignFile[] = []

  constructor(
    private readonly cwd: string,
    /** Where this run writes what it does not take from the cache. */
    private readonly spill: RecordStore,
    private readonly cache: ResultCache | undefined,
    /** How many of `files` are targets (reported); the rest are only compared against. */
    private readonly targetCount: number
  ) {}

  set(index: number, file: RunFile): void {
    this.files[index] = file
  }

  /** Adds the files of other runs, governed by the configs their paths would have here. */
  async addForeign(entries: readonly SignatureEntry[], configs: ConfigResolver): Promise<void> {
    for (const entry of entries) {
      const config = await configs.forFile(entry.path)
      if (config instanceof ConfigError) continue
      const file = new VFile({path: entry.path, cwd: this.cwd})
      file.data.collection = entry.collection
      if (entry.directives) file.data.directives = entry.directives
      this.foreign.push({linted: {file, config}})
    }
  }

  /** Whether files of other runs take part in the comparison. */
  get hasForeign(): boolean {
    return this.foreign.length > 0
  }

  /**
   * Runs the cross-file comparison; each finding is written to the store as it is made. Returns
   * where the findings of this run's files are, by index in `files` (what the cache keeps).
   */
  async compare(): Promise<Map<number, StoredFindings>> {
    const findings = new Map<VFile, StoredFindings>()
    const sink = (file: VFile, message: VFileMessage): void => {
      const found = findings.get(file)
      const place = this.spill.append(serializeMessage(message))
      if (found) found.places.push(place)
      else findings.set(file, {store: this.spill, places: [place]})
    }
    // Files stand in for this run's files only during the comparison: a path, the collection
    // data loaded when asked for, the control comments.
    const standIns = this.files.map((file) => ({file: this.standIn(file), config: file.config, settled: file.settled}))
    // This run's files come first: a path in both this run and the signatures is this run's file.
    await compareCollection([...standIns, ...this.foreign.map(({linted}) => linted)], sink)
    const ofFiles = new Map<number, StoredFindings>()
    for (const [index, {file}] of standIns.entries()) {
      const found = findings.get(file)
      this.files[index].findings = found
      if (found) ofFiles.set(index, found)
    }
    for (const foreign of this.foreign) foreign.findings = findings.get(foreign.linted.file)
    return ofFiles
  }

  /** Takes the findings of an earlier comparison of exactly these files (see `comparisonKey`) instead of comparing. */
  replayFindings(findings: ReadonlyMap<number, StoredFindings>): void {
    for (const [index, file] of this.files.entries()) file.findings = findings.get(index)
  }

  /** The targets with their messages (and cross-file findings), read back one at a time, in order. */
  *targets(options: {withData?: boolean} = {}): Generator<VFile> {
    for (const file of this.files.slice(0, this.targetCount)) {
      const result = file.result
      const messages = JSON.parse(result.store.text({offset: result.offset, length: result.messagesLength})) as PlainMessage[]
      const vfile = this.withFindings(fromResult({messages}, file.path, this.cwd), file.path, file.findings)
      if (options.withData) {
        const collection = this.collectionOf(file)
        if (collection) vfile.data.collection = collection
        if (result.directives) vfile.data.directives = result.directives
      }
      yield vfile
    }
  }

  /** Files of other runs that cross-file rules reported on, with those findings. */
  *foreignFindings(): Generator<VFile> {
    for (const {linted, findings} of this.foreign) {
      if (findings) yield this.withFindings(new VFile({path: linted.file.path, cwd: this.cwd, data: linted.file.data}), linted.file.path!, findings)
    }
  }

  /** The collection data of each target that has some (for `--signatures-out`), read back one at a time. */
  *signatures(): Generator<SignatureEntry> {
    for (const file of this.files.slice(0, this.targetCount)) {
      const collection = this.collectionOf(file)
      if (!collection) continue
      const {directives} = file.result
      yield directives ? {path: file.path, collection, directives} : {path: file.path, collection}
    }
  }

  /** Closes the stores: the run's temporary file is deleted. */
  close(): void {
    this.spill.close()
    this.cache?.close()
  }

  /** `vfile` with the findings stored at `findings` added, in place order. */
  private withFindings(vfile: VFile, filePath: string, findings: StoredFindings | undefined): VFile {
    if (!findings) return vfile
    const found = fromResult({messages: findings.store.texts(findings.places).map((text) => JSON.parse(text) as PlainMessage)}, filePath, this.cwd)
    vfile.messages.push(...found.messages)
    sortMessages(vfile)
    return vfile
  }

  /** A file's collection data, read from its store; undefined when it has none. */
  private collectionOf(file: RunFile): Record<string, unknown> | undefined {
    const {store, offset, messagesLength, collectionLength} = file.result
    if (collectionLength === 0) return undefined
    return JSON.parse(store.text({offset: offset + messagesLength, length: collectionLength})) as Record<string, unknown>
  }

  /**
   * What the comparison sees of a file: its path, its control comments, and collection data whose
   * values are loaded from the store when a rule reads them, so that the data of every file is
   * never in memory at once.
   */
  private standIn(file: RunFile): VFile {
    const vfile = new VFile({path: file.path, cwd: this.cwd})
    const {result} = file
    if (result.collectionRules.length > 0) {
      const collection: Record<string, unknown> = {}
      for (const id of result.collectionRules) {
        Object.defineProperty(collection, id, {enumerable: true, get: () => this.collectionOf(file)![id]})
      }
      vfile.data.collection = collection
    }
    if (result.directives) vfile.data.directives = result.directives
    return vfile
  }
}
