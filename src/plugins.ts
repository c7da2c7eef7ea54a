/**
 * Plugins: packages or files that export rules (and optionally presets), named in a config's
 * `plugins` and resolved relative to the config file, as ESLint resolves its plugins.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {ConfigError, type RuleSetting} from './config.js'
import type {AnyRule} from './rule.js'

/** A named set of rule settings that a config can `extend`. */
export interface Preset {
  rules?: Record<string, RuleSetting>
}

/**
 * What a plugin module exports (as its default export, or as named exports `rules` and
 * `configs`). A module whose default export is a single rule is a plugin with that one rule.
 */
export interface CopydeskPlugin {
  /** The name presets are addressed by (`plugin:<name>/<preset>`); default: from the package or file name. */
  name?: string
  /** The rules, as a list or keyed by their ids. */
  rules: readonly AnyRule[] | Record<string, AnyRule>
  /** Presets, by name: `configs: {strict: {rules: {...}}}` is `plugin:<name>/strict`. */
  configs?: Record<string, Preset>
}

/** Declares a plugin; the identity function, there for types. */
export function definePlugin(plugin: CopydeskPlugin): CopydeskPlugin {
  return plugin
}

/** A plugin as loaded: where it came from, its name and its checked rules. */
export interface LoadedPlugin {
  /** The specifier as written in the config. */
  specifier: string
  name: string
  rules: AnyRule[]
  configs: Record<string, Preset>
}

const isRule = (value: unknown): value is AnyRule =>
  typeof value === 'object' && value !== null && 'meta' in value && 'plugin' in value && typeof (value as AnyRule).plugin === 'function'

/**
 * The name a package plugin's presets go by: `copydesk-plugin-house-style` → `house-style`,
 * `@acme/copydesk-plugin-news` → `@acme/news`, `@acme/copydesk-plugin` → `@acme`.
 */
export function pluginName(specifier: string): string {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    // `./plugins/house-style/index.js` and `./plugins/copydesk-plugin-house-style` are `house-style`.
    const base = path.basename(specifier).replace(/\.[cm]?[jt]s$/u, '')
    return (base === 'index' ? path.basename(path.dirname(specifier)) : base).replace(/^copydesk-plugin-/u, '')
  }
  const scoped = /^(@[^/]+)\/(.+)$/u.exec(specifier)
  if (scoped) {
    const rest = scoped[2].replace(/^copydesk-plugin-?/u, '')
    return rest ? `${scoped[1]}/${rest}` : scoped[1]
  }
  return specifier.replace(/^copydesk-plugin-/u, '')
}

/** Loads one plugin for the config `configFile` (or for `cwd` when the config is not a file). */
export async function loadPlugin(specifier: string, from: {configFile?: string; cwd: string}): Promise<LoadedPlugin> {
  const label = `${from.configFile ?? 'config'}: plugins: \`${specifier}\``
  if (typeof specifier !== 'string' || specifier === '') throw new ConfigError(`${from.configFile ?? 'config'}: plugins: each entry must be a package name or a path`)
  const folder = from.configFile ? path.dirname(path.resolve(from.cwd, from.configFile)) : from.cwd
  let file: string
  try {
    file = specifier.startsWith('.') || path.isAbsolute(specifier) ? path.resolve(folder, specifier) : createRequire(path.join(folder, 'config.js')).resolve(specifier)
  } catch {
    throw new ConfigError(`${label}: cannot find it${specifier.startsWith('.') ? '' : ` (is it installed? looked from ${folder})`}`)
  }
  // Said here, not left to `import`: its message differs between Node and bundlers, and names the importer.
  if (!fs.existsSync(file)) throw new ConfigError(`${label}: cannot find ${file}`)
  if (fs.statSync(file).isDirectory()) {
    // A folder is a package not installed yet: its package.json `main`, or its index.js.
    try {
      file = createRequire(path.join(folder, 'config.js')).resolve(file)
    } catch {
      throw new ConfigError(`${label}: the folder has no package.json \`main\` or index.js`)
    }
  }
  let module: Record<string, unknown>
  try {
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>
  } catch (error) {
    const hint = /\.[cm]?ts$/u.test(file) ? ' (a TypeScript plugin must be compiled to JavaScript first: see docs/writing-rules.md)' : ''
    throw new ConfigError(`${label}: cannot load: ${(error as Error).message.split('\n')[0]}${hint}`)
  }
  const exported = (module.default ?? module) as Partial<CopydeskPlugin> | AnyRule
  const plugin: Partial<CopydeskPlugin> = isRule(exported) ? {rules: [exported]} : exported
  if (!plugin || typeof plugin !== 'object' || !plugin.rules || typeof plugin.rules !== 'object') {
    throw new ConfigError(`${label}: not a copydesk plugin (it must export \`rules\`, or a rule as its default export)`)
  }
  const rules: AnyRule[] = []
  for (const [key, rule] of Object.entries(plugin.rules)) {
    if (!isRule(rule)) throw new ConfigError(`${label}: rules.${key} is not a rule (made with defineRule: {meta, plugin})`)
    if (!Array.isArray(plugin.rules) && key !== rule.meta.id) throw new ConfigError(`${label}: rules.${key} has the id \`${rule.meta.id}\`; the key must be the rule's id`)
    rules.push(rule)
  }
  const configs = plugin.configs ?? {}
  if (typeof configs !== 'object' || Array.isArray(configs)) throw new ConfigError(`${label}: \`configs\` must be an object of presets`)
  return {specifier, name: typeof plugin.name === 'string' && plugin.name ? plugin.name : pluginName(specifier), rules, configs}
}
