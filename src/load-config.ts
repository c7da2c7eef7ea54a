/**
 * The config as a whole: plugins loaded, `extends` presets merged under the config's own rules,
 * `overrides` ready to match file paths. Everything is checked when the config loads, so a typo
 * in an override or a preset is an error before any file is linted, not halfway through a run.
 */
import path from 'node:path'
import picomatch from 'picomatch'
import {builtinRules} from '../rules/index.js'
import {ConfigError, readConfigFile, resolveConfig, type ConfigFile, type ResolvedConfig, type RuleSetting} from './config.js'
import {loadPlugin, type LoadedPlugin, type Preset} from './plugins.js'
import type {AnyRule} from './rule.js'

/** Rule settings for the files that match `files` (and not `excludedFiles`), relative to the config's folder. */
export interface Override {
  files: string | string[]
  excludedFiles?: string | string[]
  rules?: Record<string, RuleSetting>
}

/** The keys this module reads; `resolveConfig` gets the rest. */
export interface ConfigExtensions {
  /** Package names or paths (relative to the config file) of plugins. */
  plugins?: string[]
  /** Presets applied in order, under the config's own `rules`: `copydesk:recommended`, `plugin:<name>/<preset>`. */
  extends?: string | string[]
  overrides?: Override[]
}

export type FullConfig = ConfigFile & ConfigExtensions

/** A config ready to be resolved for any file. */
export interface LoadedConfig {
  /** The config file; undefined for an inline config or the defaults. */
  source?: string
  /** The folder that plugin paths and override patterns are relative to. */
  folder: string
  /** Built-in rules, then each plugin's. */
  registry: AnyRule[]
  plugins: LoadedPlugin[]
  /** The config without the keys read here, its rules merged over its presets. */
  base: ConfigFile
  overrides: Array<{rules: Record<string, RuleSetting>; matches: (relativePath: string) => boolean}>
  /** `--rule` settings, winning over everything. */
  cliRules: Record<string, RuleSetting>
  /** Resolved configs by the set of overrides that match, built once each. */
  resolved: Map<string, ResolvedConfig>
}

const builtinPresets: Record<string, () => Preset> = {
  // Every built-in rule at its default severity, with its default options: what copydesk does
  // with no config, written out so that a later preset or `extends` order can rely on it.
  'copydesk:recommended': () => ({rules: Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, rule.meta.defaultSeverity]))})
}

/** The names of copydesk's own presets. */
export const presetNames = Object.keys(builtinPresets)

const list = (value: unknown, label: string): string[] => {
  if (value === undefined) return []
  if (typeof value === 'string') return [value]
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value
  throw new ConfigError(`${label} must be a string or a list of strings`)
}

const severityOnly = (setting: RuleSetting | undefined): boolean => setting !== undefined && (!Array.isArray(setting) || setting.length < 2)

/** `later` over `earlier`: a severity alone keeps the earlier options, as `--rule id=warn` does. */
function mergeRules(earlier: Record<string, RuleSetting>, later: Record<string, RuleSetting> | undefined): Record<string, RuleSetting> {
  const merged = {...earlier}
  for (const [id, setting] of Object.entries(later ?? {})) {
    const before = merged[id]
    if (severityOnly(setting) && Array.isArray(before) && before.length === 2) {
      merged[id] = [Array.isArray(setting) ? setting[0] : setting, before[1]] as RuleSetting
    } else {
      merged[id] = setting
    }
  }
  return merged
}

/**
 * Loads a config: its plugins (relative to the config file, or to `cwd` for an inline config),
 * its presets and overrides, and checks every rule setting in it. Throws `ConfigError` naming the
 * file and the key.
 */
export async function loadConfig(config: FullConfig, options: {source?: string; cwd?: string; cliRules?: Record<string, RuleSetting>} = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd()
  const where = options.source ?? 'config'
  const {plugins: pluginList, extends: presets, overrides, ...rest} = config
  const plugins: LoadedPlugin[] = []
  for (const specifier of list(pluginList, `${where}: plugins`)) plugins.push(await loadPlugin(specifier, {configFile: options.source, cwd}))

  const registry: AnyRule[] = [...builtinRules]
  const owner = new Map(builtinRules.map((rule) => [rule.meta.id, 'copydesk']))
  for (const plugin of plugins) {
    for (const rule of plugin.rules) {
      const taken = owner.get(rule.meta.id)
      if (taken) throw new ConfigError(`${where}: plugins: \`${plugin.specifier}\` defines rule \`${rule.meta.id}\`, which ${taken === 'copydesk' ? 'is a built-in rule' : `\`${taken}\` defines too`}`)
      owner.set(rule.meta.id, plugin.specifier)
      registry.push(rule)
    }
  }

  let rules: Record<string, RuleSetting> = {}
  for (const name of list(presets, `${where}: extends`)) {
    rules = mergeRules(rules, presetRules(name, plugins, new Set(owner.keys()), `${where}: extends`))
  }
  if (rest.rules !== undefined && (typeof rest.rules !== 'object' || rest.rules === null || Array.isArray(rest.rules))) throw new ConfigError(`${where}: \`rules\` must be an object`)
  const base: ConfigFile = {...rest, rules: mergeRules(rules, rest.rules)}

  if (overrides !== undefined && !Array.isArray(overrides)) throw new ConfigError(`${where}: \`overrides\` must be a list of {files, rules}`)
  const loaded: LoadedConfig = {
    source: options.source,
    folder: options.source ? path.dirname(path.resolve(cwd, options.source)) : cwd,
    registry,
    plugins,
    base,
    overrides: (overrides ?? []).map((override, index) => compileOverride(override, `${where}: overrides[${index}]`)),
    cliRules: options.cliRules ?? {},
    resolved: new Map()
  }
  // Check every setting now: the config alone, and each override on top of it.
  resolveIndices(loaded, [])
  loaded.overrides.forEach((_, index) => resolveIndices(loaded, [index], `${where}: overrides[${index}]`))
  return loaded
}

function presetRules(name: string, plugins: LoadedPlugin[], known: ReadonlySet<string>, label: string): Record<string, RuleSetting> | undefined {
  const builtin = builtinPresets[name]
  if (builtin) return builtin().rules
  const match = /^plugin:(.+)\/([^/]+)$/u.exec(name)
  if (!match) throw new ConfigError(`${label}: unknown preset \`${name}\` (known: ${[...presetNames, 'plugin:<name>/<preset>'].join(', ')})`)
  const plugin = plugins.find((candidate) => candidate.name === match[1])
  if (!plugin) {
    throw new ConfigError(`${label}: \`${name}\`: no plugin named \`${match[1]}\` in \`plugins\`${plugins.length ? ` (loaded: ${plugins.map((item) => item.name).join(', ')})` : ''}`)
  }
  const preset = plugin.configs[match[2]]
  if (!preset) throw new ConfigError(`${label}: \`${name}\`: plugin \`${plugin.name}\` has no preset \`${match[2]}\` (it has: ${Object.keys(plugin.configs).join(', ') || 'none'})`)
  // A plugin's mistake is named as the plugin's, not blamed on the config's own `rules`.
  const rules = preset.rules ?? {}
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) throw new ConfigError(`${label}: \`${name}\`: its \`rules\` must be an object`)
  const unknown = Object.keys(rules).find((id) => !known.has(id))
  if (unknown) throw new ConfigError(`${label}: \`${name}\`: unknown rule \`${unknown}\``)
  return rules
}

function compileOverride(override: Override, label: string): LoadedConfig['overrides'][number] {
  if (!override || typeof override !== 'object' || Array.isArray(override)) throw new ConfigError(`${label} must be an object {files, rules}`)
  for (const key of Object.keys(override)) {
    if (!['files', 'excludedFiles', 'rules'].includes(key)) throw new ConfigError(`${label}: unknown key \`${key}\` (known: files, excludedFiles, rules)`)
  }
  const files = list(override.files, `${label}.files`)
  if (files.length === 0) throw new ConfigError(`${label}.files: give at least one pattern`)
  const include = matcher(files)
  const exclude = matcher(list(override.excludedFiles, `${label}.excludedFiles`))
  if (override.rules !== undefined && (typeof override.rules !== 'object' || override.rules === null || Array.isArray(override.rules))) {
    throw new ConfigError(`${label}.rules must be an object`)
  }
  return {rules: override.rules ?? {}, matches: (file) => include(file) && !exclude(file)}
}

/**
 * Whether a path relative to the config's folder matches one of `patterns`. As in ESLint, a
 * pattern without a slash matches the file name at any depth (`*.md` matches `news/a.md`).
 * (picomatch's own `basename` option also changes how patterns with slashes match, so the two
 * kinds are matched apart.)
 */
function matcher(patterns: string[]): (file: string) => boolean {
  const names = patterns.filter((pattern) => !pattern.includes('/'))
  const paths = patterns.filter((pattern) => pattern.includes('/'))
  const matchName = names.length > 0 ? picomatch(names, {dot: true}) : () => false
  const matchPath = paths.length > 0 ? picomatch(paths, {dot: true}) : () => false
  return (file) => matchPath(file) || matchName(file.slice(file.lastIndexOf('/') + 1))
}

function resolveIndices(loaded: LoadedConfig, indices: number[], label?: string): ResolvedConfig {
  const key = indices.join(',')
  let config = loaded.resolved.get(key)
  if (!config) {
    let rules = loaded.base.rules ?? {}
    for (const index of indices) rules = mergeRules(rules, loaded.overrides[index].rules)
    config = resolveConfig({...loaded.base, rules}, label ?? loaded.source, loaded.cliRules, loaded.registry)
    // Keep the file name on the result: reports and caches know configs by their file.
    config = {...config, source: loaded.source}
    loaded.resolved.set(key, config)
  }
  return config
}

/** The rules for one file: the config's, then the overrides whose patterns match the file's path. */
export function configForFile(loaded: LoadedConfig, filePath: string | undefined): ResolvedConfig {
  const relative = filePath ? path.relative(loaded.folder, path.resolve(loaded.folder, filePath)).split(path.sep).join('/') : undefined
  const indices = relative === undefined ? [] : loaded.overrides.flatMap((override, index) => (override.matches(relative) ? [index] : []))
  return resolveIndices(loaded, indices)
}

/** Reads and loads a config file (`source` relative to `cwd`), or the defaults when there is none. */
export async function loadConfigFile(source: string | undefined, options: {cwd?: string; cliRules?: Record<string, RuleSetting>} = {}): Promise<LoadedConfig> {
  const raw = source ? ((await readConfigFile(path.resolve(options.cwd ?? process.cwd(), source))) ?? {}) : {}
  return loadConfig(raw, {...options, source})
}
