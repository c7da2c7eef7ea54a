/**
 * Lints a collection of files at scale: each file's config found once per folder, results
 * replayed from the cache where nothing changed, the rest linted in the main thread or in worker
 * threads, then the cross-file comparison over every file of the run (and over files of other
 * runs, from signatures). The result does not depend on the number of workers or on the cache.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {compareCollection, type LintedFile} from '../collection.js'
import {ConfigError, type ResolvedConfig, type RuleSetting} from '../config.js'
import {configErrorReason, NOT_LINTED, sortMessages} from '../lint.js'
import {CONFIG_ERROR, failed, FILE_ERROR, INTERNAL_ERROR, readFailureReason} from '../read.js'
import {copydeskVersion} from '../version.js'
import {contentHash, ResultCache} from './cache.js'
import {ConfigResolver} from './configs.js'
import {WorkerPool} from './pool.js'
import {fromResult, toResult, type FileResult} from './result.js'
import type {SignatureEntry} from './signatures.js'
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

/** How many files are read ahead of the one being linted. */
const READ_AHEAD = 16

/** Results that must not be replayed: the next run should try again. */
const transientRules = new Set([FILE_ERROR, INTERNAL_ERROR])

export async function lintCollection(options: CollectionOptions): Promise<CollectionRun> {
  const cwd = options.cwd ?? process.cwd()
  const rules = options.rules ?? {}
  const configs = new ConfigResolver(cwd, options.configPath, rules)
  await configs.checkExplicit()
  const jobs = options.each ? 1 : Math.max(1, options.jobs ?? defaultJobs())
  const version = copydeskVersion()
  const cache = options.cacheLocation && !options.each ? await ResultCache.open(path.resolve(cwd, options.cacheLocation), version) : undefined

  const work = [...options.targets.map((file) => ({path: file, context: false})), ...(options.context ?? []).map((file) => ({path: file, context: true}))]
  const results: LintedFile[] = new Array(work.length)
  let executor: {run: (task: LintTask) => Promise<string>; close?: () => Promise<void>} | undefined
  const executorFor = () => {
    executor ??=
      jobs > 1 && work.length >= minFilesForWorkers
        ? new WorkerPool(Math.min(jobs, work.length), {cwd, overrides: rules})
        : new TaskRunner(cwd, rules, options.each)
    return executor
  }

  // The next files are read while this one is linted or replayed, so that neither waits for the
  // disk file by file (a warm run was a third idle); a read's failure is reported in its turn.
  const reads = new Map<number, Promise<Uint8Array>>()
  let readUpTo = 0
  const bytesOf = (index: number): Promise<Uint8Array> => {
    for (; readUpTo < Math.min(work.length, index + READ_AHEAD); readUpTo++) {
      const read = fs.readFile(path.resolve(cwd, work[readUpTo].path))
      read.catch(() => undefined)
      reads.set(readUpTo, read)
    }
    const read = reads.get(index)!
    reads.delete(index)
    return read
  }

  let done = 0
  const lintOne = async (index: number): Promise<void> => {
    const item = work[index]
    const config = await configs.forFile(item.path)
    if (config instanceof ConfigError) {
      results[index] = {file: failed(item.path, cwd, `${NOT_LINTED}${configErrorReason(config)}`, CONFIG_ERROR)}
    } else {
      const effective = item.context ? collectionRulesOf(config) : config
      let bytes: Uint8Array | undefined
      let result: FileResult = {messages: []}
      // A file there only to be compared against, under a config without collection rules, has nothing to contribute.
      const skip = item.context && effective.rules.length === 0
      const read = bytesOf(index)
      try {
        if (!skip) bytes = await read
      } catch (error) {
        result = toResult(failed(item.path, cwd, readFailureReason(error)))
      }
      if (bytes) {
        const hash = cache ? contentHash(bytes) : ''
        // A file only compared against can use a full result too: it has the collection data.
        const cached = cache?.get(item.path, hash, effective.key) ?? (item.context ? cache?.get(item.path, hash, config.key) : undefined)
        if (cached) result = cached
        else {
          const serialized = await executorFor().run({path: item.path, bytes, configSource: config.source, collectionOnly: item.context})
          result = JSON.parse(serialized) as FileResult
          if (cache && !result.messages.some((message) => message.fatal && transientRules.has(message.ruleId ?? ''))) cache.set(item.path, hash, effective.key, serialized)
        }
      }
      results[index] = {file: fromResult(result, item.path, cwd), config: effective, settled: item.context}
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

  if (cache) {
    cache.prune(new Set(work.map((item) => item.path)))
    await cache.save()
  }

  const foreign: LintedFile[] = []
  for (const entry of options.foreign ?? []) {
    const config = await configs.forFile(entry.path)
    if (config instanceof ConfigError) continue
    const file = new VFile({path: entry.path, cwd})
    file.data.collection = entry.collection
    if (entry.directives) file.data.directives = entry.directives
    foreign.push({file, config})
  }
  // This run's files come first: a path in both this run and the signatures is this run's file.
  if (!options.skipCompare) for (const file of await compareCollection([...results, ...foreign])) sortMessages(file)

  const targets = results.slice(0, options.targets.length).map(({file}) => file)
  const signatures = targets.flatMap((file): SignatureEntry[] => {
    const {collection, directives} = file.data
    if (!collection || !file.path) return []
    return [directives ? {path: file.path, collection, directives} : {path: file.path, collection}]
  })
  return {files: targets, foreignFindings: foreign.map(({file}) => file).filter((file) => file.messages.length > 0), signatures}
}
