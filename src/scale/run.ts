/**
 * Lints a collection of files at scale: each file's config found once per folder, results
 * replayed from the cache where nothing changed, the rest linted in the main thread or in worker
 * threads, then the cross-file comparison over every file of the run (and over files of other
 * runs, from signatures). The result does not depend on the number of workers or on the cache.
 * Results go to disk as they arrive (see results.ts): the run's memory does not grow with its size.
 */
import {readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {ConfigError, type ResolvedConfig, type RuleSetting} from '../config.js'
import {configErrorReason, NOT_LINTED} from '../lint.js'
import {CONFIG_ERROR, failed, readFailureReason} from '../read.js'
import {copydeskVersion} from '../version.js'
import {comparisonKey, contentHash, ResultCache, type StoredResult} from './cache.js'
import {ConfigResolver} from './configs.js'
import {collectGarbage} from './collect.js'
import {WorkerPool} from './pool.js'
import {serializeResult, type SerializedResult} from './result.js'
import {CollectionResults} from './results.js'
import type {SignatureEntry} from './signatures.js'
import {RecordStore} from './store.js'
import {collectionRulesOf, TaskRunner, type LintTask} from './task.js'

export interface CollectionOptions {
  /** Files to lint and report, relative to `cwd`. */
  targets: readonly string[]
  /** Files that are only compared against by cross-file rules (not reported; linted with collection rules only). */
  context?: readonly string[]
  /** Files of other runs (`--signatures-in`), compared against, not reported. */
  foreign?: readonly SignatureEntry[]
  cwd?: string
  /** A config file for every file instead of the nearest one. */
  configPath?: string
  /** `--rule` settings. */
  rules?: Record<string, RuleSetting>
  /** Worker threads; 1 lints in this thread. Default: available cores. */
  jobs?: number
  /** A folder for the result cache (`--cache`); no caching without it. */
  cacheLocation?: string
  /** Called after each file with the number done and the total. */
  onProgress?: (done: number, total: number) => void
  /** Leave the cross-file comparison to a later run that reads this run's signatures. */
  skipCompare?: boolean
  /**
   * Collect garbage between the phases of a large run (see collect.ts): for the command line,
   * whose process is the run's own; a program's heap is the program's business.
   */
  collectGarbage?: boolean
  /**
   * What is done with each file once read and its config found, instead of `lintFile` (`--fix`
   * fixes it too). It runs in this thread, and its results are not cached.
   */
  each?: (file: VFile, config: ResolvedConfig) => Promise<VFile>
}

export interface CollectionRun {
  /** The targets, in the given order, with their messages. */
  files: VFile[]
  /** Files of other runs (`foreign`) that cross-file rules reported on, by path. */
  foreignFindings: VFile[]
  /** The collection data of each target that has some (for `--signatures-out`). */
  signatures: SignatureEntry[]
}

/** Fewer files than this are linted in this thread: starting workers would cost more than it saves. */
export const minFilesForWorkers = 16

/** The default of `--jobs`: the cores this process may use. */
export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length
}

/**
 * From how many files a run collects its garbage between phases: a smaller run's heap does not
 * outgrow its first size, and the collection would only cost time.
 */
const LARGE_RUN = 500

/**
 * Lints the files of a run and compares them (see `CollectionOptions`); the files' results stay on
 * disk (in the cache, or in a temporary file) until the caller reads them, one at a time, from the
 * `CollectionResults`, which it must close.
 */
export async function runCollection(options: CollectionOptions): Promise<CollectionResults> {
  const cwd = options.cwd ?? process.cwd()
  const rules = options.rules ?? {}
  const configs = new ConfigResolver(cwd, options.configPath, rules)
  await configs.checkExplicit()
  const jobs = options.each ? 1 : Math.max(1, options.jobs ?? defaultJobs())
  const version = copydeskVersion()
  const spill = RecordStore.temporary()
  const cache = options.cacheLocation && !options.each ? await ResultCache.open(path.resolve(cwd, options.cacheLocation), version) : undefined
  const results = new CollectionResults(cwd, spill, cache, options.targets.length)
  // A run this large has phases whose garbage is worth collecting at once (see collect.ts).
  const large = options.collectGarbage === true && options.targets.length + (options.context?.length ?? 0) >= LARGE_RUN
  try {
    await lintAll(options, {cwd, rules, configs, jobs, cache, spill, results})
    cache?.prune(new Set(results.files.map((file) => file.path)))
    await results.addForeign(options.foreign ?? [], configs)
    if (!options.skipCompare) {
      // The processors of this thread are done with: their garbage goes before the comparison's comes.
      if (large) collectGarbage()
      // The same files as the cache's last run, all unchanged: the comparison would find what it found.
      const key = cache && !results.hasForeign ? comparisonKey(results.files) : undefined
      const replayed = key === undefined ? undefined : cache!.findingsOf(key)
      if (replayed) results.replayFindings(replayed)
      else {
        const findings = await results.compare()
        if (key !== undefined) cache!.setFindings(key, findings)
      }
    }
    await cache?.save()
    if (large) collectGarbage()
  } catch (error) {
    results.close()
    throw error
  }
  return results
}

/** `runCollection`, with every file read back: the targets with their messages and data, for programs. */
export async function lintCollection(options: CollectionOptions): Promise<CollectionRun> {
  const results = await runCollection(options)
  try {
    return {files: [...results.targets({withData: true})], foreignFindings: [...results.foreignFindings()], signatures: [...results.signatures()]}
  } finally {
    results.close()
  }
}

interface LintContext {
  cwd: string
  rules: Record<string, RuleSetting>
  configs: ConfigResolver
  jobs: number
  cache: ResultCache | undefined
  spill: RecordStore
  results: CollectionResults
}

/** Lints (or replays) every target and context file, keeping where each result went. */
async function lintAll(options: CollectionOptions, {cwd, rules, configs, jobs, cache, spill, results}: LintContext): Promise<void> {
  const work = [...options.targets.map((file) => ({path: file, context: false})), ...(options.context ?? []).map((file) => ({path: file, context: true}))]
  let executor: {run: (task: LintTask) => Promise<SerializedResult>; close?: () => Promise<void>} | undefined
  const executorFor = () => {
    executor ??=
      jobs > 1 && work.length >= minFilesForWorkers
        ? new WorkerPool(Math.min(jobs, work.length), {cwd, overrides: rules})
        : new TaskRunner(cwd, rules, options.each)
    return executor
  }

  let done = 0
  const lintOne = async (index: number): Promise<void> => {
    const item = work[index]
    const config = await configs.forFile(item.path)
    if (config instanceof ConfigError) {
      const reason = `${NOT_LINTED}${configErrorReason(config)}`
      results.configErrors.add(reason)
      results.set(index, {path: item.path, settled: item.context, result: stored(spill, serializeResult(failed(item.path, cwd, reason, CONFIG_ERROR)))})
    } else {
      const effective = item.context ? collectionRulesOf(config) : config
      let bytes: Uint8Array | undefined
      let result: StoredResult | undefined
      // The content's hash of a result the cache holds (a transient one, such as a crash, is linted
      // again by the next run, so no comparison that saw it may be replayed).
      let cachedHash: string | undefined
      // A file there only to be compared against, under a config without collection rules, has nothing to contribute.
      const skip = item.context && effective.rules.length === 0
      try {
        // Read synchronously: a promise-based read of a small file costs about 25 times the CPU of a
        // synchronous one (open, stat, read and close each a round trip through the thread pool:
        // 0.25 against 0.01 ms a file from the page cache), and at --jobs 1 the thread has nothing
        // else to do meanwhile; with workers, it only keeps them fed.
        if (!skip) bytes = readFileSync(path.resolve(cwd, item.path))
      } catch (error) {
        result = stored(spill, serializeResult(failed(item.path, cwd, readFailureReason(error))))
      }
      if (bytes) {
        const hash = cache ? contentHash(bytes) : ''
        // A file only compared against can use a full result too: it has the collection data.
        result = cache?.get(item.path, hash, effective.key) ?? (item.context ? cache?.get(item.path, hash, config.key) : undefined)
        if (result) cachedHash = hash
        else {
          const serialized = await executorFor().run({path: item.path, bytes, configSource: config.source, collectionOnly: item.context})
          result = stored(spill, serialized)
          if (cache && !serialized.transient) {
            cache.set(item.path, hash, effective.key, result)
            cachedHash = hash
          }
        }
      }
      results.set(index, {path: item.path, config: effective, settled: item.context, hash: cachedHash, result: result ?? stored(spill, serializeResult(new VFile()))})
    }
    options.onProgress?.(++done, work.length)
  }

  try {
    // A window of files in flight keeps every worker busy without reading the whole collection into memory.
    const window = jobs > 1 ? jobs * 4 : 1
    let next = 0
    await Promise.all(
      Array.from({length: Math.min(window, work.length)}, async () => {
        while (next < work.length) await lintOne(next++)
      })
    )
  } finally {
    await executor?.close?.()
  }
}

/** Writes a serialized result to `store`: its messages, then its collection data. */
function stored(store: RecordStore, serialized: SerializedResult): StoredResult {
  const {offset, length: messagesLength} = store.append(serialized.messages)
  const collectionLength = serialized.collection ? store.append(serialized.collection).length : 0
  const result: StoredResult = {store, offset, messagesLength, collectionLength, collectionRules: serialized.collectionRules}
  if (serialized.directives) result.directives = serialized.directives
  return result
}
