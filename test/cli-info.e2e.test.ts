/** End-to-end: `--list-rules`, `--explain` and `--init`, with built-in and plugin rules. */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readConfigFile} from '../src/config.js'
import {configForFile, loadConfig} from '../src/load-config.js'
import {runCli, temporaryFolders} from './helpers.js'

const folder = temporaryFolders('copydesk-info-')

const plugin = `export default {
  meta: {id: 'no-synergy', description: 'Flags the word synergy.', url: 'https://example.com/no-synergy', category: 'house-style',
    fixable: false, defaultSeverity: 'warn', options: {loud: {type: 'boolean', default: false, description: 'Shout about it.'}}},
  plugin: () => () => {}
}
`

describe('--list-rules', () => {
  it('lists the built-in rules with default severity, fixable, category and description', () => {
    const result = runCli(['--list-rules'], {cwd: folder({})})
    expect(result.code).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^rule +default +fixable +category +description$/u)
    expect(lines).toContainEqual(expect.stringMatching(/^punctuation-spacing +error +yes +spacing +\S/u))
    expect(lines).toContainEqual(expect.stringMatching(/^spelling +warn +yes +spelling +Typos/iu))
  })

  it('includes the rules of the plugins that the config in the current folder loads, and speaks JSON', () => {
    const dir = folder({'no-synergy.js': plugin, '.copydeskrc.json': '{"plugins": ["./no-synergy.js"]}'})
    expect(runCli(['--list-rules'], {cwd: dir}).stdout).toMatch(/^no-synergy +warn +no +house-style +Flags the word synergy\.$/mu)
    const rows = JSON.parse(runCli(['--list-rules', '--format', 'json'], {cwd: dir}).stdout) as Array<{id: string; builtin: boolean}>
    expect(rows.at(-1)).toEqual({id: 'no-synergy', defaultSeverity: 'warn', fixable: false, category: 'house-style', description: 'Flags the word synergy.', builtin: false})
    expect(rows.filter((row) => row.builtin).map((row) => row.id)).toContain('repeated-words')
  })
})

describe('--explain', () => {
  it('prints a built-in rule’s docs file', () => {
    const result = runCli(['--explain', 'repeated-words'], {cwd: folder({})})
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(fs.readFileSync(new URL('../docs/rules/repeated-words.md', import.meta.url), 'utf8'))
  })

  it('prints a plugin rule’s metadata and options', () => {
    const dir = folder({'no-synergy.js': plugin, '.copydeskrc.json': '{"plugins": ["./no-synergy.js"]}'})
    const result = runCli(['--explain', 'no-synergy'], {cwd: dir})
    expect(result.stdout).toContain('# no-synergy\n\nFlags the word synergy.\n')
    expect(result.stdout).toContain('- `loud` (boolean, default `false`): Shout about it.')
    expect(result.stdout).toContain('Docs: https://example.com/no-synergy')
  })

  it('exits 2 naming the known rules for an unknown one', () => {
    const result = runCli(['--explain', 'speling'], {cwd: folder({})})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^copydesk: --explain: unknown rule `speling` \(known: punctuation-spacing, spelling, /u)
  })
})

describe('--init', () => {
  it('writes a commented starter config that loads and means the defaults', async () => {
    const dir = folder({'a.txt': 'It was the the end.\n'})
    const result = runCli(['--init'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Wrote \.copydeskrc\.yaml/u)
    const file = path.join(dir, '.copydeskrc.yaml')
    const text = fs.readFileSync(file, 'utf8')
    expect(text).toMatch(/^# copydesk configuration/u)
    expect(text).toContain('  #   doubledSpace: true  (Flag two or more spaces between words.)\n')
    expect(text).toContain('  punctuation-spacing: error\n')
    const loaded = await loadConfig((await readConfigFile(file))!, {source: file})
    const defaults = await loadConfig({})
    expect(configForFile(loaded, undefined).rules.map(({rule, severity, options}) => [rule.meta.id, severity, options])).toEqual(
      configForFile(defaults, undefined).rules.map(({rule, severity, options}) => [rule.meta.id, severity, options])
    )
    // The written config is used: linting still works.
    expect(runCli(['a.txt'], {cwd: dir}).code).toBe(1)
  })

  it('refuses to overwrite a config, with exit 2', () => {
    const dir = folder({'.copydeskrc.json': '{}'})
    const result = runCli(['--init'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('copydesk: --init: .copydeskrc.json already exists; not overwriting it\n')
    expect(fs.existsSync(path.join(dir, '.copydeskrc.yaml'))).toBe(false)
    const inPackage = folder({'package.json': '{"name": "news", "copydesk": {"rules": {}}}'})
    expect(runCli(['--init'], {cwd: inPackage}).stderr).toBe('copydesk: --init: package.json has a "copydesk" config already\n')
    expect(fs.existsSync(path.join(inPackage, '.copydeskrc.yaml'))).toBe(false)
    // A package.json without one is no obstacle.
    expect(runCli(['--init'], {cwd: folder({'package.json': '{"name": "news"}'})}).code).toBe(0)
  })
})
