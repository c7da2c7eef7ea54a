/**
 * The CLI's commands that lint nothing: `--list-rules`, `--explain <rule>` and `--init`. They
 * see the rules of the config that applies in the current folder, plugins included.
 */
import fs from 'node:fs'
import path from 'node:path'
import {builtinRules} from '../rules/index.js'
import {configNames} from './config.js'
import type {AnyRule, OptionSpec} from './rule.js'

/** Where the built-in rules' docs are: `docs/rules/<id>.md` in the package (shipped with it). */
export const docsFolder = new URL('../../docs/rules/', import.meta.url)

/** The rules as a table: id, default severity, fixable, category and description; or JSON. */
export function listRules(registry: readonly AnyRule[], format: 'text' | 'json'): string {
  const rows = registry.map(({meta}) => ({
    id: meta.id,
    defaultSeverity: meta.defaultSeverity,
    fixable: meta.fixable,
    category: meta.category,
    description: meta.description,
    builtin: builtinRules.some((rule) => rule.meta === meta)
  }))
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`
  const table = [['rule', 'default', 'fixable', 'category', 'description'], ...rows.map((row) => [row.id, row.defaultSeverity, row.fixable ? 'yes' : 'no', row.category, row.description])]
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)))
  return table.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n') + '\n'
}

const describeDefault = (spec: OptionSpec): string => JSON.stringify(spec.default)

/** A rule's docs: its `docs/rules/<id>.md` for a built-in rule, else a page made from its metadata. */
export function explainRule(rule: AnyRule): string {
  if (builtinRules.includes(rule)) {
    const file = new URL(`${rule.meta.id}.md`, docsFolder)
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8')
  }
  const {meta} = rule
  const options = Object.entries(meta.options as Record<string, OptionSpec>)
  return [
    `# ${meta.id}`,
    '',
    meta.description,
    '',
    `Default severity: ${meta.defaultSeverity}. Fixable: ${meta.fixable ? 'yes' : 'no'}. Category: ${meta.category}.`,
    '',
    '## Options',
    '',
    ...(options.length ? options.map(([key, spec]) => `- \`${key}\` (${spec.type}, default \`${describeDefault(spec)}\`): ${spec.description}`) : ['None.']),
    '',
    `Docs: ${meta.url}`,
    ''
  ].join('\n')
}

/** The starter config that `--init` writes: every rule at its default, with its options, commented. */
export function starterConfig(registry: readonly AnyRule[] = builtinRules): string {
  const lines = [
    '# copydesk configuration (https://github.com/copydesk/copydesk#configuration).',
    '# The nearest config upward from a file applies to it. A rule is "off", "warn", "error",',
    '# or [severity, {options}]; a rule not named here runs at its default severity.',
    '',
    '# Plugins add rules: npm packages or paths relative to this file.',
    '# plugins: ["copydesk-plugin-house-style", "./rules/no-filler.js"]',
    '',
    '# Presets, applied in order under the rules below.',
    'extends: ["copydesk:recommended"]',
    '',
    '# To set options: rule-id: [severity, {option: value}], e.g. spelling: [warn, {words: [Tirana]}]',
    'rules:'
  ]
  for (const {meta} of registry) {
    lines.push(`  # ${meta.description}${meta.fixable ? ' (fixable)' : ''}`)
    // Options stay comments: a config that spelled out the defaults would pin them, and miss
    // improvements to them (a longer `allow` list) in later versions.
    const options = Object.entries(meta.options as Record<string, OptionSpec>)
    if (options.length > 0) {
      lines.push('  # Options (defaults shown):')
      for (const [key, spec] of options) lines.push(`  #   ${key}: ${describeDefault(spec)}  (${spec.description})`)
    }
    lines.push(`  ${meta.id}: ${meta.defaultSeverity}`, '')
  }
  lines.push(
    '# Different settings for some files (paths relative to this file; a pattern without a slash',
    '# matches file names at any depth).',
    '# overrides:',
    '#   - files: ["news/**"]',
    '#     rules:',
    '#       spelling: "off"',
    ''
  )
  return lines.join('\n')
}

/** The file `--init` writes in `folder`; throws when a config is already there. */
export function writeStarterConfig(folder: string): string {
  const existing = configNames.filter((name) => name !== 'package.json').find((name) => fs.existsSync(path.join(folder, name)))
  if (existing) throw new Error(`${existing} already exists; not overwriting it`)
  // A new file would silently win over the config in package.json (it is looked for first).
  if (hasPackageConfig(path.join(folder, 'package.json'))) throw new Error('package.json has a "copydesk" config already')
  const file = path.join(folder, '.copydeskrc.yaml')
  fs.writeFileSync(file, starterConfig(), {flag: 'wx'})
  return file
}

/** The part of the CLI's streams these commands use. */
export interface InfoIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
}

/** `--init`: writes the starter config in the current folder. Returns the exit code. */
export function initCommand(io: InfoIo): number {
  try {
    const file = writeStarterConfig(io.cwd)
    io.stdout(`Wrote ${path.relative(io.cwd, file)}: every rule at its default, with its options. Edit it to taste.\n`)
    return 0
  } catch (error) {
    io.stderr(`copydesk: --init: ${(error as Error).message}\n`)
    return 2
  }
}

/** `--list-rules` and `--explain <rule>` over the rules of the config that applies. Returns the exit code. */
export function infoCommand(request: {list: boolean; explain?: string; format: string}, registry: readonly AnyRule[], io: InfoIo): number {
  if (request.list) {
    io.stdout(listRules(registry, request.format === 'json' ? 'json' : 'text'))
    return 0
  }
  const rule = registry.find((candidate) => candidate.meta.id === request.explain)
  if (!rule) {
    io.stderr(`copydesk: --explain: unknown rule \`${request.explain}\` (known: ${registry.map((item) => item.meta.id).join(', ')})\n`)
    return 2
  }
  io.stdout(explainRule(rule))
  return 0
}

function hasPackageConfig(file: string): boolean {
  try {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
    return manifest !== null && typeof manifest === 'object' && 'copydesk' in manifest
  } catch {
    return false
  }
}
