/** Linting, for the CLI and for programs: text in, VFiles with messages out. */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {ConfigError, ResolvedConfig, RuleSetting} from './config.js'
import {configForFile, loadConfig, type FullConfig} from './load-config.js'
import {absorbFindingsInRemovedText} from './absorb.js'
import {applyInlineControl} from './inline-control.js'
import {formatOf, loadMarkdownParser, needsMarkdownParser} from './parse/article.js'
import {processorFor} from './processor.js'
import {lintCollection} from './scale/run.js'
import {createFile, FILE_ERROR, INTERNAL_ERROR} from './read.js'
import {tracelessMessages} from './traceless.js'

export interface LintOptions {
  /** Where the text comes from: decides Markdown or plain text, and names the file in reports. */
  filePath?: string
  /** The config to apply (defaults: every rule at its default severity); its plugin paths and override patterns are relative to `cwd`. */
  config?: FullConfig
  /** Rule settings that win over the config, as `--rule` does. */
  rules?: Record<string, RuleSetting>
  /** Default: the process's working folder. */
  cwd?: string
}

/** Lints one text. */
export async function lint(text: string, options: LintOptions = {}): Promise<VFile> {
  const cwd = options.cwd ?? process.cwd()
  const loaded = await loadConfig(options.config ?? {}, {cwd, cliRules: options.rules})
  return lintFile(createFile(text, options.filePath), configForFile(loaded, options.filePath && path.resolve(cwd, options.filePath)))
}

/** Runs the config's rules on a file already read; a rule that throws becomes a fatal message, not a crash. */
export async function lintFile(file: VFile, config: ResolvedConfig): Promise<VFile> {
  if (file.messages.some((message) => message.ruleId === FILE_ERROR || message.ruleId === 'empty-file')) return file
  const processor = processorFor(config)
  const restore = tracelessMessages(file)
  try {
    if (formatOf(file.path) === 'md' && needsMarkdownParser(String(file.value))) await loadMarkdownParser()
    const tree = processor.parse(file)
    await processor.run(tree, file)
    applyInlineControl(file)
    absorbFindingsInRemovedText(file)
  } catch (error) {
    const message = file.message(`copydesk failed on this file: ${(error as Error).message}`, {ruleId: INTERNAL_ERROR, source: 'copydesk'})
    message.fatal = true
  } finally {
    restore()
  }
  sortMessages(file)
  return file
}

/** How the reason of a `config-error` message starts; the rest is `configErrorReason`. */
export const NOT_LINTED = 'Not linted: '

/** What a broken config says, on the files it governs and once on stderr. */
export const configErrorReason = (error: ConfigError): string => `config error: ${error.message}`

export interface LintFilesOptions {
  /** A config file to use for every file instead of searching upward from each. */
  configPath?: string
  rules?: Record<string, RuleSetting>
  cwd?: string
  /** What is done with each file once read and its config found: `lintFile` unless `--fix` fixes it too. */
  each?: (file: VFile, config: ResolvedConfig) => Promise<VFile>
}

/**
 * Lints files from disk, each with the nearest config (or `configPath`).
 *
 * An explicit `configPath` that is broken throws `ConfigError`: it would apply to every file. A
 * broken config found upward from a file is that folder's problem only: each file under it gets
 * a fatal `config-error` message naming the config and the key, and the other files are linted.
 * The files come back with their messages; their parsed articles are not kept (use `lint` for one).
 * After the last file, collection rules (such as `duplicate-across-files`) compare the files and
 * add their findings (see `CompareCollection`).
 */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<VFile[]> {
  const run = await lintCollection({targets: paths, cwd: options.cwd, configPath: options.configPath, rules: options.rules, jobs: 1, each: options.each})
  return run.files
}

/** Orders messages by place, as reporters expect. */
export function sortMessages(file: VFile): void {
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}
