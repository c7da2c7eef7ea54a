/** The programmatic entry points: `lint` for one text, `lintFiles` for files on disk. */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ConfigError} from '../src/config.js'
import {lint, lintFiles} from '../src/lint.js'
import {temporaryFolders} from './helpers.js'

const folder = temporaryFolders('copydesk-lint-')

const text = 'A Short Heading\nThe talks went on,and the the delegates left.\n'

describe('lint', () => {
  it('keeps the parsed article and the syntax-tree ancestors for the caller', async () => {
    const file = await lint(text, {filePath: 'a.txt'})
    expect(file.data.article?.blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph'])
    expect(file.messages.find((message) => message.ruleId === 'repeated-words')?.ancestors?.length).toBeGreaterThan(0)
  })
})

describe('lintFiles', () => {
  it('returns messages only: no parsed article and no syntax-tree nodes are kept per file', async () => {
    const dir = folder({'a.txt': text, 'b.txt': text})
    const files = await lintFiles(['a.txt', 'b.txt'], {cwd: dir})
    expect(files.map((file) => file.messages.map((message) => [message.ruleId, message.line, message.column]))).toEqual([
      [['punctuation-spacing', 2, 18], ['repeated-words', 2, 23]],
      [['punctuation-spacing', 2, 18], ['repeated-words', 2, 23]]
    ])
    for (const file of files) {
      expect(file.data.article).toBeUndefined()
      for (const message of file.messages) expect(message.ancestors).toBeUndefined()
    }
  })

  it('gives the files under a broken config a config-error and lints the others', async () => {
    const dir = folder({'good/a.txt': text, 'bad/.copydeskrc.json': '{"rules": {"spelling": "sometimes"}}', 'bad/b.txt': text})
    const files = await lintFiles(['bad/b.txt', 'good/a.txt'], {cwd: dir})
    expect(files[0].messages.map((message) => [message.ruleId, message.fatal, message.reason])).toEqual([
      ['config-error', true, `Not linted: config error: ${path.join(dir, 'bad', '.copydeskrc.json')}: rules.spelling: expected "off", "warn", "error" or [severity, options], got "sometimes"`]
    ])
    expect(files[1].messages.map((message) => message.ruleId)).toEqual(['punctuation-spacing', 'repeated-words'])
  })

  it('throws a ConfigError for a broken explicit config, which would apply to every file', async () => {
    const dir = folder({'a.txt': text, 'broken.json': '{"rulez": {}}'})
    await expect(lintFiles(['a.txt'], {cwd: dir, configPath: 'broken.json'})).rejects.toBeInstanceOf(ConfigError)
  })
})
