/**
 * The command line's options for CI at scale: `--jobs`, `--cache`, `--changed-since`, `--shard`,
 * `--signatures-in/-out`, `--output`, and the progress bar. `src/cli.ts` parses them with the
 * other options and hands the file list here.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type {ParseArgsConfig} from 'node:util'
import type {VFile} from 'vfile'
import type {RuleSetting} from '../config.js'
import {copydeskVersion} from '../version.js'
import {defaultCacheLocation} from './cache.js'
import {changedSince} from './changed.js'
import {progressBar, wantsProgress, type ProgressTarget} from './progress.js'
import {defaultJobs, runCollection, type CollectionOptions} from './run.js'
import {filesOfShard, parseShard} from './shard.js'
import {readSignatures, writeSignatures} from './signatures.js'

/** `util.parseArgs` specs of these options. */
export const scaleOptions = {
  output: {type: 'string', short: 'o'},
  jobs: {type: 'string', short: 'j'},
  cache: {type: 'boolean', default: false},
  'cache-location': {type: 'string'},
  'changed-since': {type: 'string'},
  shard: {type: 'string'},
  'signatures-out': {type: 'string'},
  'signatures-in': {type: 'string', multiple: true}
} satisfies ParseArgsConfig['options']

export const scaleHelp = `  -o, --output <file>        Write the report to a file instead of stdout
  -j, --jobs <n>             Worker threads (default: available cores, ${defaultJobs()} here)
      --cache                Replay results of files unchanged since the last run
      --cache-location <dir> Where the cache lives (default: ${defaultCacheLocation})
      --changed-since <ref>  Lint only files changed since the git ref (merge base)
      --shard <i/n>          Lint the i-th of n deterministic parts of the files
      --signatures-out <f>   Write the files' cross-file data, for --signatures-in
      --signatures-in <f>    Compare against cross-file data of other runs; repeatable
`

export interface ScaleValues {
  output?: string
  jobs?: string
  cache?: boolean
  'cache-location'?: string
  'changed-since'?: string
  shard?: string
  'signatures-out'?: string
  'signatures-in'?: string[]
}

/** A bad value of one of these options; the CLI reports it as a usage error (exit 2). */
export class ScaleUsageError extends Error {}

/** Checks the values before anything is read or linted. */
export function checkScaleValues(values: ScaleValues): {jobs: number} {
  let jobs = defaultJobs()
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs)
    if (!/^\d+$/u.test(values.jobs) || jobs < 1) throw new ScaleUsageError(`--jobs takes a whole number of at least 1, got \`${values.jobs}\``)
  }
  if (values.shard !== undefined) {
    try {
      parseShard(values.shard)
    } catch (error) {
      throw new ScaleUsageError((error as Error).message)
    }
  }
  if (values['cache-location'] !== undefined && !values.cache) throw new ScaleUsageError('--cache-location goes with --cache')
  return {jobs}
}

export interface ListedOptions {
  cwd: string
  configPath?: string
  rules: Record<string, RuleSetting>
  progress?: ProgressTarget
  /** What is done with each file instead of linting it (`--fix`); see `CollectionOptions.each`. */
  each?: CollectionOptions['each']
}

/**
 * Whether the run only compares the files of `--signatures-in` (no paths given): it lints nothing
 * and reports the cross-file findings.
 */
export function comparesSignaturesOnly(values: ScaleValues, patterns: readonly string[]): boolean {
  return (values['signatures-in']?.length ?? 0) > 0 && patterns.length === 0
}

/** What a run of the command line reports, read back from disk as the report reaches it. */
export interface ListedRun {
  /** The files to report, in order; as often iterable as the report needs. */
  files: Iterable<VFile>
  /** The reasons of the run's `config-error` messages, each once. */
  configErrors: ReadonlySet<string>
  /** Deletes the run's temporary file and closes the cache; call it once the report is written. */
  close: () => void
}

/** Lints the files the command line listed, as the scale options say; returns the files to report. */
export async function lintListed(listed: readonly string[], values: ScaleValues, run: ListedOptions): Promise<ListedRun> {
  const {jobs} = checkScaleValues(values)
  const {cwd} = run
  let targets = [...listed]
  let context: string[] = []
  if (values['changed-since'] !== undefined) {
    const changed = await changedSince(values['changed-since'], cwd)
    targets = targets.filter((file) => changed.has(path.resolve(cwd, file)))
  }
  if (values.shard !== undefined) targets = filesOfShard(targets, parseShard(values.shard))
  // With --changed-since, the unchanged files are still compared against (not reported); a shard
  // alone compares its own files, and shards meet through signatures.
  if (values['changed-since'] !== undefined) {
    const chosen = new Set(targets)
    context = listed.filter((file) => !chosen.has(file))
  }
  const version = copydeskVersion()
  const foreign = values['signatures-in']?.length ? await readSignatures(values['signatures-in'], version) : []
  const bar = run.progress && wantsProgress(targets.length + context.length, run.progress) ? progressBar(targets.length + context.length, run.progress) : undefined
  const results = await runCollection({
    targets,
    context,
    foreign,
    cwd,
    configPath: run.configPath,
    rules: run.rules,
    jobs,
    cacheLocation: values.cache ? (values['cache-location'] ?? defaultCacheLocation) : undefined,
    onProgress: bar?.tick,
    each: run.each,
    // The run that reads the signatures compares every shard's files; comparing here too would report twice.
    skipCompare: values['signatures-out'] !== undefined,
    collectGarbage: true
  })
  try {
    bar?.finish()
    if (values['signatures-out'] !== undefined) await writeSignatures(path.resolve(cwd, values['signatures-out']), version, results.signatures())
  } catch (error) {
    results.close()
    throw error
  }
  const files = listed.length === 0 ? () => results.foreignFindings() : () => results.targets()
  return {files: {[Symbol.iterator]: files}, configErrors: results.configErrors, close: () => results.close()}
}

/** Writes the report (its pieces, one after the other) to `--output` (creating its folder) or to stdout. */
export async function writeReport(chunks: Iterable<string>, output: string | undefined, cwd: string, stdout: (text: string) => void): Promise<void> {
  if (output === undefined) {
    for (const chunk of chunks) stdout(chunk)
    return
  }
  const target = path.resolve(cwd, output)
  await fs.mkdir(path.dirname(target), {recursive: true})
  const handle = await fs.open(target, 'w')
  try {
    for (const chunk of chunks) await handle.writeFile(chunk)
  } finally {
    await handle.close()
  }
}
