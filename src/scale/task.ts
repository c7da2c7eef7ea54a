/**
 * The unit of work of a run: lint one file's bytes under one config and return its serialized result.
 * The main thread runs it for `--jobs 1`, worker threads for more, so their output is identical.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {ResolvedConfig, RuleSetting} from '../config.js'
import {configForFile} from '../load-config.js'
import {lintFile} from '../lint.js'
import {decodeArticle} from '../read.js'
import {ConfigResolver} from './configs.js'
import {serializeResult, type SerializedResult} from './result.js'

export interface LintTask {
  /** The file's path relative to `cwd`, as reported. */
  path: string
  bytes: Uint8Array
  /** The config file that governs the file (absolute), or none for the defaults. */
  configSource?: string
  /** Run only collection rules (a file that is there only to be compared against). */
  collectionOnly?: boolean
}

/** Lints tasks in one thread, building each distinct config (and so its processor) once. */
export class TaskRunner {
  private readonly configs: ConfigResolver

  /**
   * `lint` is what is done with each file once decoded and its config found: `lintFile`, unless
   * the caller (`--fix`) does more.
   */
  constructor(
    private readonly cwd: string,
    overrides: Record<string, RuleSetting>,
    private readonly lint: (file: VFile, config: ResolvedConfig) => Promise<VFile> = lintFile
  ) {
    this.configs = new ConfigResolver(cwd, undefined, overrides)
  }

  /** Lints a task; returns its serialized result. */
  async run(task: LintTask): Promise<SerializedResult> {
    const config = configForFile(await this.configs.load(task.configSource), path.resolve(this.cwd, task.path))
    // The processor is built once per config key, so the collection-only form costs nothing to derive.
    const file = await this.lint(decodeArticle(task.bytes, task.path, this.cwd), task.collectionOnly ? collectionRulesOf(config) : config)
    return serializeResult(file)
  }
}

/** The part of a config a compared-only file needs: its collection rules. */
export function collectionRulesOf(config: ResolvedConfig): ResolvedConfig {
  const rules = config.rules.filter(({rule}) => rule.compare !== undefined)
  return {...config, rules, key: `${config.key}#collection`}
}
