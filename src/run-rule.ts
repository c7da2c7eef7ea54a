/**
 * Runs one rule on one text, or on a set of files for a rule that compares files, whatever
 * registry it comes from (built-in, a plugin, a test): the single mechanism behind the rule tester
 * and the test helpers.
 */
import type {VFile} from 'vfile'
import {compareCollection} from './collection.js'
import {configKey, type ActiveRule, type ResolvedConfig} from './config.js'
import {lintFile} from './lint.js'
import {createFile} from './read.js'
import {validateOptions, type AnyRule, type Severity} from './rule.js'

export interface RunRuleOptions {
  /** Decides Markdown (`.md`) or plain text; default `article.txt`. */
  filePath?: string
  /** The rule's options; validated against its schema (an `OptionsError` names the key). */
  options?: unknown
  /** Default `error`. */
  severity?: Exclude<Severity, 'off'>
}

/** Lints `text` with `rule` alone and returns the file with its messages and parsed article. */
export async function lintWithRule(rule: AnyRule, text: string, options: RunRuleOptions = {}): Promise<VFile> {
  return lintFile(createFile(text, options.filePath ?? 'article.txt'), aloneConfig(rule, options))
}

/**
 * Lints each of `files` (path → text) with `rule` alone, then, for a collection rule, compares
 * them as a run of the CLI does. The files come back in the order given.
 */
export async function lintFilesWithRule(rule: AnyRule, files: Record<string, string>, options: Omit<RunRuleOptions, 'filePath'> = {}): Promise<VFile[]> {
  const config = aloneConfig(rule, options)
  const linted = []
  for (const [filePath, text] of Object.entries(files)) linted.push({file: await lintFile(createFile(text, filePath), config), config})
  await compareCollection(linted)
  return linted.map(({file}) => file)
}

function aloneConfig(rule: AnyRule, options: RunRuleOptions): ResolvedConfig {
  const active: ActiveRule[] = [{rule, severity: options.severity ?? 'error', options: validateOptions(rule.meta, options.options)}]
  return {rules: active, key: configKey(active)}
}
