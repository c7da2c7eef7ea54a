/** Plugins, presets (`extends`) and per-file `overrides`, through config files and `lint`. */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtinRules} from '../rules/index.js'
import {ConfigError} from '../src/config.js'
import {configForFile, loadConfig, loadConfigFile} from '../src/load-config.js'
import {lint, lintFiles} from '../src/lint.js'
import {pluginName} from '../src/plugins.js'
import {temporaryFolders} from './helpers.js'

const folder = temporaryFolders('copydesk-plugins-')

/**
 * A plugin module with one rule, `no-<word>`, that flags `word` in prose; written without
 * imports so that it loads from any folder.
 */
const pluginSource = (word: string, extra = '') => `
const rule = {
  meta: {
    id: 'no-${word}', description: 'Flags ${word}.', url: 'https://example.com/no-${word}', category: 'house-style',
    fixable: false, defaultSeverity: 'warn', options: {loud: {type: 'boolean', default: false, description: 'Shout.'}}
  },
  plugin(options) {
    return (tree, file) => {
      const article = file.data.article
      for (const prose of article.prose) {
        const index = prose.text.indexOf('${word}')
        if (index >= 0) file.message(options.loud ? 'LOUD ${word}' : 'Unexpected \`${word}\`', {place: article.toPoint(prose.offsets[index])})
      }
    }
  }
}
${extra}
`

// The rules these tests are about: three built-ins and the plugins' rules. Built-in rules added
// later run at their defaults here and would only make every expected list longer.
const studied = new Set(['punctuation-spacing', 'spelling', 'repeated-words'])
const builtinIds = new Set(builtinRules.map((rule) => rule.meta.id))
const ruleIds = (config: ReturnType<typeof configForFile>) =>
  config.rules.filter(({rule}) => studied.has(rule.meta.id) || !builtinIds.has(rule.meta.id)).map(({rule, severity}) => `${rule.meta.id}:${severity}`)

describe('plugins', () => {
  it('loads a file plugin relative to the config file; its rules run at their default severity', async () => {
    const dir = folder({'rules/no-synergy.js': pluginSource('synergy', 'export default rule'), 'news/.copydeskrc.json': '{"plugins": ["../rules/no-synergy.js"], "rules": {"spelling": "off"}}', 'news/a.txt': 'We love synergy here.\n'})
    const [file] = await lintFiles(['news/a.txt'], {cwd: dir})
    expect(file.messages.map((message) => [message.ruleId, message.line, message.column, message.reason, message.fatal])).toEqual([['no-synergy', 1, 9, 'Unexpected `synergy`', false]])
  })

  it('loads a package plugin from node_modules, with presets addressed by its short name', async () => {
    const dir = folder({
      'node_modules/copydesk-plugin-house-style/package.json': '{"name": "copydesk-plugin-house-style", "type": "module", "main": "index.js"}',
      'node_modules/copydesk-plugin-house-style/index.js': pluginSource('synergy', `export default {rules: {'no-synergy': rule}, configs: {strict: {rules: {'no-synergy': ['error', {loud: true}], spelling: 'off'}}}}`),
      '.copydeskrc.json': '{"plugins": ["copydesk-plugin-house-style"], "extends": ["copydesk:recommended", "plugin:house-style/strict"], "rules": {"no-synergy": "warn"}}',
      'a.txt': 'We love synergy here.\n'
    })
    const loaded = await loadConfigFile('.copydeskrc.json', {cwd: dir})
    expect(loaded.plugins.map((plugin) => plugin.name)).toEqual(['house-style'])
    // The config's own `"warn"` wins over the preset's severity and keeps the preset's options.
    const config = configForFile(loaded, path.join(dir, 'a.txt'))
    expect(ruleIds(config)).toEqual(['punctuation-spacing:error', 'repeated-words:error', 'no-synergy:warn'])
    expect(config.rules.at(-1)?.options).toEqual({loud: true})
    const [file] = await lintFiles(['a.txt'], {cwd: dir})
    expect(file.messages.map((message) => [message.ruleId, message.reason])).toEqual([['no-synergy', 'LOUD synergy']])
  })

  it('loads a plugin folder by path, through its package.json `main`', async () => {
    const dir = folder({
      'plugins/copydesk-plugin-house-style/package.json': '{"type": "module", "main": "lib/main.js"}',
      'plugins/copydesk-plugin-house-style/lib/main.js': pluginSource('synergy', 'export default {rules: [rule], configs: {strict: {rules: {"no-synergy": "error"}}}}'),
      'empty/readme.txt': 'nothing here\n'
    })
    const loaded = await loadConfig({plugins: ['./plugins/copydesk-plugin-house-style'], extends: 'plugin:house-style/strict'}, {cwd: dir})
    expect(ruleIds(configForFile(loaded, undefined))).toContain('no-synergy:error')
    await expect(loadConfig({plugins: ['./empty']}, {cwd: dir, source: 'c.json'})).rejects.toThrow('c.json: plugins: `./empty`: the folder has no package.json `main` or index.js')
  })

  it('accepts named exports, a rule list, and a `--rule` setting for a plugin rule', async () => {
    const dir = folder({'p.mjs': pluginSource('synergy', 'export const rules = [rule]')})
    const loaded = await loadConfig({plugins: ['./p.mjs']}, {cwd: dir, cliRules: {'no-synergy': 'error'}})
    expect(ruleIds(configForFile(loaded, undefined))).toContain('no-synergy:error')
  })

  it('derives preset names from package names and file names', () => {
    expect(pluginName('copydesk-plugin-house-style')).toBe('house-style')
    expect(pluginName('@acme/copydesk-plugin-news')).toBe('@acme/news')
    expect(pluginName('@acme/copydesk-plugin')).toBe('@acme')
    expect(pluginName('./rules/no-filler.js')).toBe('no-filler')
    expect(pluginName('./plugins/house-style/index.js')).toBe('house-style')
    expect(pluginName('../copydesk-plugin-house-style')).toBe('house-style')
  })

  it('a plugin that cannot be found, fails to load or is not a plugin is a config error naming it', async () => {
    const dir = folder({
      'broken.js': 'throw new Error("boom")\n',
      'empty.js': 'export const x = 1\n',
      'wrong-key.js': pluginSource('synergy', 'export default {rules: {other: rule}}'),
      'not-a-rule.js': 'export default {rules: {a: {meta: {}}}}\n',
      'twice.js': pluginSource('synergy', 'export default {rules: [rule]}'),
      'builtin.js': pluginSource('synergy', 'rule.meta.id = "spelling"; export default rule')
    })
    const load = (plugins: string[]) => loadConfig({plugins}, {source: path.join(dir, '.copydeskrc.json'), cwd: dir})
    const config = path.join(dir, '.copydeskrc.json')
    await expect(load(['copydesk-plugin-missing'])).rejects.toThrow(`${config}: plugins: \`copydesk-plugin-missing\`: cannot find it (is it installed? looked from ${dir})`)
    await expect(load(['./missing.js'])).rejects.toThrow(`${config}: plugins: \`./missing.js\`: cannot find ${path.join(dir, 'missing.js')}`)
    await expect(load(['./broken.js'])).rejects.toThrow(`${config}: plugins: \`./broken.js\`: cannot load: boom`)
    await expect(load(['./empty.js'])).rejects.toThrow('`./empty.js`: not a copydesk plugin')
    await expect(load(['./wrong-key.js'])).rejects.toThrow('`./wrong-key.js`: rules.other has the id `no-synergy`; the key must be the rule\'s id')
    await expect(load(['./not-a-rule.js'])).rejects.toThrow('`./not-a-rule.js`: rules.a is not a rule')
    await expect(load(['./twice.js', './wrong-key.js'])).rejects.toThrow(ConfigError)
    await expect(load(['./twice.js', './empty.js'])).rejects.toThrow('not a copydesk plugin')
    await expect(load(['./builtin.js'])).rejects.toThrow('`./builtin.js` defines rule `spelling`, which is a built-in rule')
    await expect(load(['./twice.js', './twice.js'])).rejects.toThrow('`./twice.js` defines rule `no-synergy`, which `./twice.js` defines too')
  })

  it('checks plugin rules’ options when the config loads', async () => {
    const dir = folder({'p.js': pluginSource('synergy', 'export default rule')})
    await expect(loadConfig({plugins: ['./p.js'], rules: {'no-synergy': ['warn', {loud: 'yes'}]}}, {source: 'c.json', cwd: dir})).rejects.toThrow(
      'c.json: rules.no-synergy.loud: option `loud` of rule `no-synergy` must be true or false, got "yes"'
    )
  })
})

describe('extends', () => {
  it('rejects unknown presets and presets of plugins that are not loaded', async () => {
    await expect(loadConfig({extends: 'copydesk:everything'}, {source: 'c.json'})).rejects.toThrow('c.json: extends: unknown preset `copydesk:everything` (known: copydesk:recommended, plugin:<name>/<preset>)')
    await expect(loadConfig({extends: ['plugin:house-style/strict']}, {source: 'c.json'})).rejects.toThrow('c.json: extends: `plugin:house-style/strict`: no plugin named `house-style` in `plugins`')
    const dir = folder({'p.js': pluginSource('synergy', 'export default {rules: [rule], configs: {strict: {}}}')})
    await expect(loadConfig({plugins: ['./p.js'], extends: 'plugin:p/lax'}, {cwd: dir})).rejects.toThrow('`plugin:p/lax`: plugin `p` has no preset `lax` (it has: strict)')
    const broken = folder({'p.js': pluginSource('synergy', 'export default {rules: [rule], configs: {typo: {rules: {"no-synergyy": "error"}}, list: {rules: ["a"]}}}')})
    await expect(loadConfig({plugins: ['./p.js'], extends: 'plugin:p/typo'}, {cwd: broken, source: 'c.json'})).rejects.toThrow('c.json: extends: `plugin:p/typo`: unknown rule `no-synergyy`')
    await expect(loadConfig({plugins: ['./p.js'], extends: 'plugin:p/list'}, {cwd: broken, source: 'c.json'})).rejects.toThrow('c.json: extends: `plugin:p/list`: its `rules` must be an object')
  })

  it('applies presets in order, under the config’s own rules', async () => {
    const dir = folder({'p.js': pluginSource('synergy', 'export default {rules: [rule], configs: {quiet: {rules: {spelling: "off", "repeated-words": "warn"}}}}')})
    const ids = async (config: Record<string, unknown>) => ruleIds(configForFile(await loadConfig({plugins: ['./p.js'], ...config}, {cwd: dir}), undefined))
    expect(await ids({extends: ['plugin:p/quiet']})).toEqual(['punctuation-spacing:error', 'repeated-words:warn', 'no-synergy:warn'])
    // `copydesk:recommended` after the preset puts the built-in rules back to their defaults.
    expect(await ids({extends: ['plugin:p/quiet', 'copydesk:recommended']})).toEqual(['punctuation-spacing:error', 'spelling:warn', 'repeated-words:error', 'no-synergy:warn'])
    expect(await ids({extends: ['plugin:p/quiet'], rules: {spelling: 'error'}})).toContain('spelling:error')
  })
})

describe('overrides', () => {
  const config = {
    rules: {spelling: ['warn', {words: ['Tirana']}]},
    overrides: [
      {files: 'news/**', excludedFiles: 'news/drafts/**', rules: {'repeated-words': 'off', spelling: 'error'}},
      {files: ['*.md'], rules: {'punctuation-spacing': 'warn'}}
    ]
  }

  it('applies the overrides whose patterns match the file’s path relative to the config', async () => {
    const dir = folder({})
    const loaded = await loadConfig(config as never, {cwd: dir})
    const at = (file: string) => ruleIds(configForFile(loaded, path.join(dir, file)))
    expect(at('a.txt')).toEqual(['punctuation-spacing:error', 'spelling:warn', 'repeated-words:error'])
    expect(at('news/world/a.txt')).toEqual(['punctuation-spacing:error', 'spelling:error'])
    expect(at('news/drafts/a.txt')).toEqual(['punctuation-spacing:error', 'spelling:warn', 'repeated-words:error'])
    // A pattern without a slash matches the file name at any depth; two overrides can both apply.
    expect(at('news/b.md')).toEqual(['punctuation-spacing:warn', 'spelling:error'])
    // A severity alone keeps the options set before it.
    expect(configForFile(loaded, path.join(dir, 'news/a.txt')).rules[1].options).toEqual({words: ['Tirana'], reject: [], language: 'en'})
    expect(configForFile(loaded, path.join(dir, 'news/a.txt'))).toBe(configForFile(loaded, path.join(dir, 'news/c.txt')))
  })

  it('works from config files through lintFiles and from an inline config through lint', async () => {
    const dir = folder({'.copydeskrc.json': JSON.stringify(config), 'news/a.txt': 'It was the the end.\n', 'a.txt': 'It was the the end.\n'})
    const files = await lintFiles(['news/a.txt', 'a.txt'], {cwd: dir})
    expect(files.map((file) => file.messages.map((message) => message.ruleId))).toEqual([[], ['repeated-words']])
    expect((await lint('It was the the end.\n', {filePath: 'news/a.txt', config: config as never, cwd: dir})).messages).toEqual([])
  })

  it('rejects malformed overrides and bad settings in them, naming the override', async () => {
    await expect(loadConfig({overrides: {files: 'x'}} as never, {source: 'c.json'})).rejects.toThrow('c.json: `overrides` must be a list of {files, rules}')
    await expect(loadConfig({overrides: [{rules: {}}]} as never, {source: 'c.json'})).rejects.toThrow('c.json: overrides[0].files: give at least one pattern')
    await expect(loadConfig({overrides: [{files: 3}]} as never, {source: 'c.json'})).rejects.toThrow('c.json: overrides[0].files must be a string or a list of strings')
    await expect(loadConfig({overrides: [{files: 'a', rulez: {}}]} as never, {source: 'c.json'})).rejects.toThrow('c.json: overrides[0]: unknown key `rulez`')
    await expect(loadConfig({overrides: [{files: 'a', rules: {speling: 'off'}}]}, {source: 'c.json'})).rejects.toThrow('c.json: overrides[0]: rules: unknown rule `speling`')
    await expect(loadConfig({overrides: [{files: 'a'}, {files: 'b', rules: {spelling: ['warn', {word: []}]}}]}, {source: 'c.json'})).rejects.toThrow(
      'c.json: overrides[1]: rules.spelling.word: unknown option `word`'
    )
  })
})
