import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {builtinRules} from '../rules/index.js'
import {ConfigError, ConfigFinder, parseRuleFlag, readConfigFile, resolveConfig} from '../src/config.js'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-config-'))
afterAll(() => fs.rmSync(root, {recursive: true, force: true}))

function write(relative: string, content: string): string {
  const file = path.join(root, relative)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  fs.writeFileSync(file, content)
  return file
}

const ids = (config: ReturnType<typeof resolveConfig>) => config.rules.map(({rule, severity}) => `${rule.meta.id}:${severity}`)

describe('resolveConfig', () => {
  it('runs every rule at its default severity when the config is empty', () => {
    const all = ids(resolveConfig({}, undefined))
    expect(all).toEqual(builtinRules.map((rule) => `${rule.meta.id}:${rule.meta.defaultSeverity}`))
    expect(all.slice(0, 3)).toEqual(['punctuation-spacing:error', 'spelling:warn', 'repeated-words:error'])
  })

  it('accepts severities as words, numbers and [severity, options]', () => {
    const config = resolveConfig({rules: {'punctuation-spacing': 1, spelling: ['error', {words: ['Tirana']}], 'repeated-words': 'off'}}, 'x.json')
    // Rules the config does not name keep their default severity.
    const others = builtinRules.slice(3).map((rule) => `${rule.meta.id}:${rule.meta.defaultSeverity}`)
    expect(ids(config)).toEqual(['punctuation-spacing:warn', 'spelling:error', ...others])
    expect(config.rules[1].options).toEqual({words: ['Tirana'], reject: [], language: 'en'})
    expect(config.rules[0].options).toEqual({missingSpace: true, doubledSpace: true, spaceBefore: true})
  })

  it('lets --rule overrides win and keeps the file’s options when only the severity changes', () => {
    const config = resolveConfig({rules: {spelling: ['warn', {words: ['Tirana']}]}}, 'x.json', {spelling: 'error'})
    expect(config.rules.find(({rule}) => rule.meta.id === 'spelling')).toMatchObject({severity: 'error', options: {words: ['Tirana']}})
  })

  it('rejects unknown rules, unknown options, bad option values and bad severities, naming file and key', () => {
    expect(() => resolveConfig({rules: {spelin: 'warn'}} as never, '.copydeskrc.json')).toThrow(/\.copydeskrc\.json: rules: unknown rule `spelin`/)
    expect(() => resolveConfig({rules: {spelling: ['warn', {word: []}]}}, 'a.json')).toThrow(/a\.json: rules\.spelling\.word: unknown option `word`/)
    expect(() => resolveConfig({rules: {spelling: ['warn', {words: 'Tirana'}]}}, 'a.json')).toThrow(/rules\.spelling\.words: option `words` of rule `spelling` must be a list of strings/)
    expect(() => resolveConfig({rules: {spelling: 'loud'}} as never, 'a.json')).toThrow(/a\.json: rules\.spelling: expected "off", "warn", "error"/)
    expect(() => resolveConfig({rulez: {}} as never, 'a.json')).toThrow(/a\.json: unknown key `rulez`/)
    expect(() => resolveConfig({}, undefined, {nope: 'off'})).toThrow(ConfigError)
  })
})

describe('config files', () => {
  it('reads JSON, YAML, JS and package.json configs', async () => {
    expect(await readConfigFile(write('json/.copydeskrc.json', '{"rules": {"spelling": "off"}}'))).toEqual({rules: {spelling: 'off'}})
    expect(await readConfigFile(write('yaml/.copydeskrc.yaml', 'rules:\n  spelling: [warn, {words: [Tirana]}]\n'))).toEqual({rules: {spelling: ['warn', {words: ['Tirana']}]}})
    expect(await readConfigFile(write('js/copydesk.config.js', 'export default {rules: {"repeated-words": "warn"}}\n'))).toEqual({rules: {'repeated-words': 'warn'}})
    expect(await readConfigFile(write('pkg/package.json', '{"name": "x", "copydesk": {"rules": {"spelling": "error"}}}'))).toEqual({rules: {spelling: 'error'}})
    expect(await readConfigFile(write('plain/package.json', '{"name": "x"}'))).toBeUndefined()
  })

  it('reports broken files with the file name and a one-line reason', async () => {
    await expect(readConfigFile(write('bad/.copydeskrc.json', '{"rules": '))).rejects.toThrow(/bad\/\.copydeskrc\.json: invalid JSON/)
    await expect(readConfigFile(write('bad/.copydeskrc.yaml', 'rules: [unclosed'))).rejects.toThrow(/invalid YAML/)
    await expect(readConfigFile(write('bad/list.json', '[1, 2]'))).rejects.toThrow(/a config must be an object/)
    await expect(readConfigFile(write('bad/copydesk.config.js', 'throw new Error("boom")'))).rejects.toThrow(/cannot load: boom/)
  })

  it('finds the nearest config upward, skipping package.json files without a copydesk key', async () => {
    const top = write('tree/.copydeskrc.json', '{}')
    write('tree/a/package.json', '{"name": "no-config-here"}')
    const nested = write('tree/a/b/.copydeskrc.yaml', 'rules: {}\n')
    fs.mkdirSync(path.join(root, 'tree/a/b/c'), {recursive: true})
    const finder = new ConfigFinder()
    expect(await finder.find(path.join(root, 'tree/a/b/c'))).toBe(nested)
    expect(await finder.find(path.join(root, 'tree/a'))).toBe(top)
  })
})

describe('parseRuleFlag', () => {
  it('parses id=severity and id=[severity, options]', () => {
    expect(parseRuleFlag('spelling=off')).toEqual(['spelling', 'off'])
    expect(parseRuleFlag('spelling=["warn",{"words":["Tirana"]}]')).toEqual(['spelling', ['warn', {words: ['Tirana']}]])
    expect(() => parseRuleFlag('spelling')).toThrow(/expected id=severity/)
    expect(() => parseRuleFlag('spelling=[oops')).toThrow(/invalid JSON/)
  })
})
