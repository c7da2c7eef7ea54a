/**
 * Runs one rule on one text, whatever registry it comes from (built-in, a plugin, a test): the
 * single mechanism behind the rule tester and the test helpers.
 */
import type {VFile} from 'vfile'
import {configKey, type ActiveRule} from './config.js'
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
  const active: ActiveRule[] = [{rule, severity: options.severity ?? 'error', options: validateOptions(rule.meta, options.options)}]
  return lintFile(createFile(text, options.filePath ?? 'article.txt'), {rules: active, key: configKey(active)})
}
