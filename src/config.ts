/**
 * Configuration: found upward from each file (the nearest one wins, as with
 * Prettier), or named with `--config`; validated up front so that a typo in a
 * rule id or an option is an error naming the file and the key.
 */
import {existsSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {builtinRules} from '../rules/index.js'
import type {FullConfig} from './load-config.js'
import {OptionsError, validateOptions, type AnyRule, type Severity} from './rule.js'

/** A rule's setting: a severity, or a severity with options (`["warn", {...}]`). */
export type RuleSetting = Severity | 0 | 1 | 2 | [Severity | 0 | 1 | 2] | [Severity | 0 | 1 | 2, unknown]

/** The shape of `.copydeskrc.json` and its siblings. */
export interface ConfigFile {
  $schema?: string
  rules?: Record<string, RuleSetting>
}

/** A rule that will run, with its severity and validated options. */
export interface ActiveRule {
  rule: AnyRule
  severity: Exclude<Severity, 'off'>
  options: unknown
}

export interface ResolvedConfig {
  /** The file the config came from; undefined for the defaults. */
  source?: string
  rules: ActiveRule[]
  /** Identifies the config's content: equal keys mean an equal processor. */
  key: string
}

/** A config that cannot be used; the message names the file and the key. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/** Config file names, in the order they are looked for in each folder. */
export const configNames = ['.copydeskrc.json', '.copydeskrc.yaml', '.copydeskrc.yml', 'copydesk.config.js', 'copydesk.config.mjs', 'package.json'] as const

const topLevelKeys = new Set(['$schema', 'rules', 'plugins', 'extends', 'overrides'])
/** Keys that `loadConfig` (src/load-config.ts) reads and removes before the rules are resolved here. */
const loadedKeys = new Set(['plugins', 'extends', 'overrides'])

const severityNames: Record<string, Severity> = {off: 'off', warn: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error'}

/** Reads and parses one config file; a `package.json` without a `copydesk` key gives undefined. */
export async function readConfigFile(file: string): Promise<FullConfig | undefined> {
  const base = path.basename(file)
  let raw: unknown
  if (/\.(?:c|m)?js$/u.test(base)) {
    try {
      const module = (await import(pathToFileURL(file).href)) as {default?: unknown}
      raw = module.default
    } catch (error) {
      throw new ConfigError(`${file}: cannot load: ${(error as Error).message}`)
    }
  } else {
    let text: string
    try {
      text = await fs.readFile(file, 'utf8')
    } catch (error) {
      throw new ConfigError(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
    // Loaded only for YAML configs: most runs never need the parser.
    const yaml = /\.ya?ml$/u.test(base) ? (await import('yaml')).default : undefined
    try {
      raw = yaml ? yaml.parse(text) : JSON.parse(text.replace(/^\uFEFF/u, ''))
    } catch (error) {
      throw new ConfigError(`${file}: invalid ${/\.ya?ml$/u.test(base) ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0]}`)
    }
    if (base === 'package.json') {
      if (!raw || typeof raw !== 'object' || !('copydesk' in raw)) return undefined
      raw = (raw as {copydesk: unknown}).copydesk
    }
  }
  if (raw === null || raw === undefined) return {}
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${file}: a config must be an object`)
  return raw as FullConfig
}

/**
 * Turns a config (plus `--rule` overrides) into the list of rules to run.
 * Every rule runs at its default severity unless the config says otherwise.
 */
export function resolveConfig(config: ConfigFile, source: string | undefined, overrides: Record<string, RuleSetting> = {}, rules: readonly AnyRule[] = builtinRules): ResolvedConfig {
  const where = source ?? 'config'
  for (const key of Object.keys(config)) {
    if (!topLevelKeys.has(key)) throw new ConfigError(`${where}: unknown key \`${key}\` (known: ${[...topLevelKeys].join(', ')})`)
    if (loadedKeys.has(key)) throw new ConfigError(`${where}: \`${key}\` needs loadConfig, which resolves it before resolveConfig`)
  }
  const settings = config.rules ?? {}
  if (typeof settings !== 'object' || Array.isArray(settings)) throw new ConfigError(`${where}: \`rules\` must be an object`)
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]))
  const check = (table: Record<string, unknown>, label: string) => {
    for (const id of Object.keys(table)) {
      if (!byId.has(id)) throw new ConfigError(`${label}: unknown rule \`${id}\` (known: ${[...byId.keys()].join(', ')})`)
    }
  }
  check(settings, `${where}: rules`)
  check(overrides, '--rule')

  const active: ActiveRule[] = []
  for (const rule of rules) {
    const id = rule.meta.id
    const fromOverride = Object.hasOwn(overrides, id)
    const setting = fromOverride ? overrides[id] : settings[id]
    const label = fromOverride ? `--rule ${id}` : `${where}: rules.${id}`
    const [severity, rawOptions] = parseSetting(setting, label, rule)
    if (severity === 'off') continue
    // `--rule id=warn` changes the severity and keeps the file's options.
    const options = rawOptions === undefined && fromOverride ? parseSetting(settings[id], `${where}: rules.${id}`, rule)[1] : rawOptions
    try {
      active.push({rule, severity, options: validateOptions(rule.meta, options)})
    } catch (error) {
      if (error instanceof OptionsError) throw new ConfigError(`${label}${error.key ? `.${error.key}` : ''}: ${error.message}`)
      throw error
    }
  }
  return {source, rules: active, key: configKey(active)}
}

// Two rules may share an id (two versions of a plugin, rules defined in tests): the key tells them apart.
const ruleSerials = new WeakMap<AnyRule, number>()
let nextSerial = 0

/** Identifies a list of active rules: the same rule objects, severities and options give the same key. */
export function configKey(active: readonly ActiveRule[]): string {
  return JSON.stringify(
    active.map(({rule, severity, options}) => {
      let serial = ruleSerials.get(rule)
      if (serial === undefined) ruleSerials.set(rule, (serial = nextSerial++))
      return [rule.meta.id, serial, severity, options]
    })
  )
}

function parseSetting(setting: unknown, label: string, rule: AnyRule): [Severity, unknown] {
  if (setting === undefined) return [rule.meta.defaultSeverity, undefined]
  const [level, options, ...rest] = Array.isArray(setting) ? setting : [setting]
  const severity = severityNames[String(level)]
  if (!severity || (typeof level !== 'string' && typeof level !== 'number') || rest.length > 0) {
    throw new ConfigError(`${label}: expected "off", "warn", "error" or [severity, options], got ${JSON.stringify(setting)}`)
  }
  return [severity, options]
}

/** Parses `--rule id=severity` and `--rule id=[severity, {...}]` (JSON after the `=`). */
export function parseRuleFlag(flag: string): [string, RuleSetting] {
  const equals = flag.indexOf('=')
  if (equals <= 0) throw new ConfigError(`--rule ${flag}: expected id=severity, e.g. spelling=off`)
  const id = flag.slice(0, equals).trim()
  const value = flag.slice(equals + 1).trim()
  if (value.startsWith('[')) {
    try {
      return [id, JSON.parse(value) as RuleSetting]
    } catch (error) {
      throw new ConfigError(`--rule ${flag}: invalid JSON: ${(error as Error).message}`)
    }
  }
  return [id, value as RuleSetting]
}

/** Finds the nearest config for files in a folder, and caches what it finds per folder. */
export class ConfigFinder {
  private readonly byFolder = new Map<string, Promise<string | undefined>>()

  /** The path of the config that applies in `folder`, or undefined when there is none up to the root. */
  find(folder: string): Promise<string | undefined> {
    const absolute = path.resolve(folder)
    let found = this.byFolder.get(absolute)
    if (!found) {
      found = this.search(absolute)
      this.byFolder.set(absolute, found)
    }
    return found
  }

  private async search(folder: string): Promise<string | undefined> {
    for (const name of configNames) {
      const candidate = path.join(folder, name)
      // Most folders have none of these: a synchronous check that makes no error object for a
      // missing file costs a small fraction of a rejected fs.access promise, six times per folder.
      if (!existsSync(candidate)) continue
      if (name !== 'package.json' || (await readConfigFile(candidate)) !== undefined) return candidate
    }
    const parent = path.dirname(folder)
    return parent === folder ? undefined : this.find(parent)
  }
}
