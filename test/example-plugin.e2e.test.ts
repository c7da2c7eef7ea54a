/**
 * End-to-end: the example plugin (examples/copydesk-plugin-scrape-artifacts), installed as a
 * package next to copydesk and loaded through a config file by the built CLI, finds the scraping
 * artifacts of the sample articles, and `--fix` applies its certain fix.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {JsonFile} from '../src/report.js'
import {project, runCli, temporaryFolders} from './helpers.js'

const folder = temporaryFolders('copydesk-example-')
const example = path.join(project, 'examples/copydesk-plugin-scrape-artifacts')
const pluginRules = new Set(['related-link', 'advertisement', 'share-buttons', 'trailing-blank-lines', 'filler-conclusion'])

/**
 * A folder laid out as after `npm install copydesk copydesk-plugin-scrape-artifacts`: copydesk is
 * this project (a link), the plugin a copy of the example without its tests, so that its
 * `import 'copydesk'` resolves through this folder's node_modules as it would for a user.
 */
function installed(files: Record<string, string>): string {
  const dir = folder(files)
  fs.mkdirSync(path.join(dir, 'node_modules'))
  fs.symlinkSync(project, path.join(dir, 'node_modules/copydesk'), 'dir')
  fs.cpSync(example, path.join(dir, 'node_modules/copydesk-plugin-scrape-artifacts'), {recursive: true, filter: (source) => path.relative(example, source).split(path.sep)[0] !== 'test'})
  for (const name of fs.readdirSync(path.join(project, 'fixtures/articles'))) fs.copyFileSync(path.join(project, 'fixtures/articles', name), path.join(dir, name))
  return dir
}

const config = {plugins: ['copydesk-plugin-scrape-artifacts'], extends: ['copydesk:recommended', 'plugin:scrape-artifacts/strict']}

describe('copydesk-plugin-scrape-artifacts through a config file', () => {
  it('finds the artifacts of the sample articles, and nothing else, at the preset’s severity', () => {
    const dir = installed({'.copydeskrc.json': JSON.stringify(config)})
    const result = runCli(['--format', 'json', '.'], {cwd: dir})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    const found = (JSON.parse(result.stdout) as JsonFile[]).flatMap((file) =>
      file.messages.filter((message) => pluginRules.has(message.ruleId ?? '')).map((message) => [file.path, message.ruleId, message.severity, message.line, message.column, message.endLine, message.endColumn])
    )
    expect(found).toEqual([
      ['000_857782d85a314702.txt', 'filler-conclusion', 'error', 35, 1, 35, 15],
      ['000_857782d85a314702.txt', 'trailing-blank-lines', 'error', 36, 1, 46, 1],
      ['002_e36ab20001b25aaa.txt', 'related-link', 'error', 31, 1, 31, 73]
    ])
  })

  it('runs its rules at their default severity (warn) when the config only lists the plugin, and lists them', () => {
    const dir = installed({'.copydeskrc.json': '{"plugins": ["copydesk-plugin-scrape-artifacts"], "rules": {"spelling": "off"}}'})
    const files = JSON.parse(runCli(['--format', 'json', '002_e36ab20001b25aaa.txt'], {cwd: dir}).stdout) as JsonFile[]
    expect(files[0].messages.filter((message) => message.ruleId === 'related-link').map((message) => message.severity)).toEqual(['warning'])
    expect(runCli(['--list-rules'], {cwd: dir}).stdout).toMatch(/^trailing-blank-lines +warn +yes +scrape-artifact +Blank lines at the end of the file\.$/mu)
  })

  it('`--fix --fix-type scrape-artifact` removes the trailing blank lines and nothing else', () => {
    const dir = installed({'.copydeskrc.json': JSON.stringify(config)})
    const name = '000_857782d85a314702.txt'
    const before = fs.readFileSync(path.join(dir, name), 'utf8')
    const result = runCli(['--config', '.copydeskrc.json', '--fix', '--fix-type', 'scrape-artifact', name], {cwd: dir})
    expect(result.stderr).toContain('repaired 1 finding in 1 file')
    expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(before.replace(/\n+$/u, '\n'))
  })

  it('a plugin that cannot be loaded is a config error naming it, with exit 2', () => {
    const dir = folder({'.copydeskrc.json': JSON.stringify(config), 'a.txt': 'Some text.\n'})
    const result = runCli(['a.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`plugins: \`copydesk-plugin-scrape-artifacts\`: cannot find it (is it installed? looked from ${dir})`)
  })

  it('a TypeScript plugin that was not compiled is a config error that says to compile it', () => {
    const dir = folder({'.copydeskrc.json': '{"plugins": ["./rule.ts"]}', 'rule.ts': 'export default {rules: []}\n', 'a.txt': 'Some text.\n'})
    const result = runCli(['a.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('plugins: `./rule.ts`: cannot load: ')
    expect(result.stderr).toContain('(a TypeScript plugin must be compiled to JavaScript first: see docs/writing-rules.md)')
  })
})
