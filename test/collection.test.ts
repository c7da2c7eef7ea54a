/** The collection hook: per-file JSON data, one `compare` per run, findings become stamped messages. */
import {describe, expect, it} from 'vitest'
import {compareCollection} from '../src/collection.js'
import {resolveConfig} from '../src/config.js'
import {lint, lintFile} from '../src/lint.js'
import {createFile} from '../src/read.js'
import {defineRule, recordForCollection, type CollectionEntry} from '../src/rule.js'

/** A collection rule that records each file's first line and reports files whose first line came earlier. */
function firstLineRule(calls: Array<{entries: readonly CollectionEntry[]; options: unknown}>) {
  return defineRule({
    meta: {
      id: 'same-first-line',
      description: 'Files that open with the same line.',
      url: 'https://example.com/same-first-line',
      category: 'duplicate',
      fixable: false,
      defaultSeverity: 'error',
      options: {minLength: {type: 'number', default: 1, description: 'Shortest line compared.'}}
    },
    plugin() {
      return function (_tree, file) {
        recordForCollection(file, 'same-first-line', {first: String(file.value).split('\n')[0]})
      }
    },
    compare(entries, options) {
      calls.push({entries, options})
      const seen = new Map<string, string>()
      const findings = []
      for (const {path, data} of entries) {
        const {first} = data as {first: string}
        const earlier = seen.get(first)
        if (earlier) {
          findings.push({path, reason: `Unexpected first line, also in ${earlier}`, place: {line: 1, column: 1, offset: 0}, note: 'A note.'})
        } else seen.set(first, path)
      }
      return findings
    }
  })
}

describe('compareCollection', () => {
  it('calls compare once with every file’s JSON data, in path order, and stamps the findings', async () => {
    const calls: Array<{entries: readonly CollectionEntry[]; options: unknown}> = []
    const rule = firstLineRule(calls)
    const config = resolveConfig({}, undefined, {}, [rule])
    const files = await Promise.all(
      [['b.txt', 'Same line here.\nB text.\n'], ['a.txt', 'Same line here.\nA text.\n'], ['c.txt', 'Other line.\n']].map(([path, text]) =>
        lintFile(createFile(text, path), config)
      )
    )
    expect(files.map((file) => file.messages.length)).toEqual([0, 0, 0])
    const changed = await compareCollection(files.map((file) => ({file, config})))
    expect(calls).toEqual([
      {
        entries: [
          {path: 'a.txt', data: {first: 'Same line here.'}},
          {path: 'b.txt', data: {first: 'Same line here.'}},
          {path: 'c.txt', data: {first: 'Other line.'}}
        ],
        options: {minLength: 1}
      }
    ])
    expect([...changed]).toEqual([files[0]])
    const [message] = files[0].messages
    expect({
      ruleId: message.ruleId,
      source: message.source,
      url: message.url,
      fatal: message.fatal,
      line: message.line,
      column: message.column,
      reason: message.reason,
      note: message.note
    }).toEqual({
      ruleId: 'same-first-line',
      source: 'copydesk',
      url: 'https://example.com/same-first-line',
      fatal: true,
      line: 1,
      column: 1,
      reason: 'Unexpected first line, also in a.txt',
      note: 'A note.'
    })
    // The recorded data is plain JSON: it survives a round trip (to a worker, a cache, a shard).
    expect(JSON.parse(JSON.stringify(files[1].data.collection))).toEqual({'same-first-line': {first: 'Same line here.'}})
  })

  it('calls compare once per distinct options and uses each file’s own severity', async () => {
    const calls: Array<{entries: readonly CollectionEntry[]; options: unknown}> = []
    const rule = firstLineRule(calls)
    const warn = resolveConfig({rules: {'same-first-line': 'warn'}}, undefined, {}, [rule])
    const error = resolveConfig({}, undefined, {}, [rule])
    const other = resolveConfig({rules: {'same-first-line': ['error', {minLength: 2}]}}, undefined, {}, [rule])
    const off = resolveConfig({rules: {'same-first-line': 'off'}}, undefined, {}, [rule])
    const linted = [
      {file: await lintFile(createFile('Same.\n', 'a.txt'), error), config: error},
      {file: await lintFile(createFile('Same.\n', 'b.txt'), warn), config: warn},
      {file: await lintFile(createFile('Same.\n', 'c.txt'), other), config: other},
      {file: await lintFile(createFile('Same.\n', 'd.txt'), off), config: off},
      {file: createFile('Same.\n', 'e.txt')}
    ]
    await compareCollection(linted)
    expect(calls.map(({entries, options}) => [entries.map((entry) => entry.path), options])).toEqual([
      [['a.txt', 'b.txt'], {minLength: 1}],
      [['c.txt'], {minLength: 2}]
    ])
    expect(linted[1].file.messages.map((message) => [message.reason, message.fatal])).toEqual([['Unexpected first line, also in a.txt', false]])
    expect(linted.map(({file}) => file.messages.length)).toEqual([0, 1, 0, 0, 0])
  })

  it('turns a compare that throws into a fatal internal-error on each file it compares, and the run goes on', async () => {
    const broken = defineRule({...firstLineRule([]), compare: () => {
      throw new Error('index exploded')
    }})
    const config = resolveConfig({}, undefined, {}, [broken])
    const files = [await lintFile(createFile('One.\n', 'a.txt'), config), await lintFile(createFile('Two.\n', 'b.txt'), config)]
    const changed = await compareCollection(files.map((file) => ({file, config})))
    expect(changed.size).toBe(2)
    for (const file of files) {
      expect(file.messages.map((message) => [message.ruleId, message.fatal, message.reason])).toEqual([
        ['internal-error', true, 'copydesk failed comparing this file with the others (`same-first-line`): index exploded']
      ])
    }
  })

  it('treats a finding on a file outside the collection as a failure of the rule', async () => {
    const stray = defineRule({...firstLineRule([]), compare: () => [{path: 'elsewhere.txt', reason: 'Unexpected', place: {line: 1, column: 1, offset: 0}}]})
    const config = resolveConfig({}, undefined, {}, [stray])
    const file = await lintFile(createFile('One.\n', 'a.txt'), config)
    await compareCollection([{file, config}])
    expect(file.messages.map((message) => message.reason)).toEqual([
      'copydesk failed comparing this file with the others (`same-first-line`): it reported on `elsewhere.txt`, which is not in its collection'
    ])
  })

  it('is never called by lint() of a single text, which still records its data', async () => {
    const paragraph = 'The ministers signed the declaration in Tirana after two days of talks on training and procurement.'
    const file = await lint(`${paragraph}\n${paragraph}\n`, {filePath: 'a.txt'})
    expect(file.messages.filter((message) => message.ruleId === 'duplicate-across-files')).toEqual([])
    expect((file.data.collection?.['duplicate-across-files'] as {passages: unknown[]}).passages).toHaveLength(2)
  })
})
