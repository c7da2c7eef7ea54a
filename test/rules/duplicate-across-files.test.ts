import {describe, expect, it} from 'vitest'
import {builtinRules} from '../../rules/index.js'
import type {RuleSetting} from '../../src/config.js'
import {lintFiles} from '../../src/lint.js'
import {temporaryFolders} from '../helpers.js'

const ruleId = 'duplicate-across-files'
const folder = temporaryFolders('copydesk-dup-files-')

/** Lints the files with only this rule on; gives `[path, line, column, endLine, endColumn, reason]` per finding. */
async function run(files: Record<string, string>, options?: unknown) {
  const rules: Record<string, RuleSetting> = {}
  for (const rule of builtinRules) rules[rule.meta.id] = 'off'
  rules[ruleId] = options === undefined ? 'warn' : ['warn', options]
  const dir = folder(files)
  const linted = await lintFiles(Object.keys(files), {cwd: dir, rules})
  return linted.flatMap((file) =>
    file.messages.map((message) => {
      const end = message.place && 'end' in message.place ? message.place.end : undefined
      return {path: file.path, line: message.line, column: message.column, endLine: end?.line, endColumn: end?.column, reason: message.reason, note: message.note, ruleId: message.ruleId}
    })
  )
}

const boilerplate =
  'This article was produced with the help of our partners at the regional news exchange and may be republished under the terms of its licence.'
const intro = 'Albania, Kosovo and Croatia signed a joint declaration on defence cooperation in Tirana on Tuesday, officials said.'
const other = 'The ministers also discussed energy prices, the coming elections in the region and the future of the railway line to the coast.'

describe('duplicate-across-files: must flag', () => {
  it('flags a paragraph copied exactly into another file, naming the first file and line', async () => {
    const found = await run({'a.txt': `${intro}\n${boilerplate}\n`, 'b.txt': `${other}\n\n  ${boilerplate}\n`})
    expect(found).toEqual([
      {
        path: 'b.txt',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 3 + boilerplate.length,
        ruleId,
        reason: 'Unexpected paragraph copied from a.txt:2',
        note: 'Identical to the paragraph at a.txt:2 once case, spacing, punctuation and quote style are set aside.'
      }
    ])
  })

  it('flags every later copy of boilerplate against the first, once each', async () => {
    const files: Record<string, string> = {}
    const openings = ['Prices rose again in March.', 'The match ended in a draw.', 'Rain is expected tomorrow.', 'The museum reopens in May.']
    for (const [index, name] of ['d.txt', 'a.txt', 'c.md', 'b.txt'].entries()) files[name] = `${openings[index]}\n\n${boilerplate}\n`
    const found = await run(files)
    expect(found.map(({path, line, reason}) => [path, line, reason])).toEqual([
      ['d.txt', 3, 'Unexpected paragraph copied from a.txt:3'],
      ['c.md', 3, 'Unexpected paragraph copied from a.txt:3'],
      ['b.txt', 3, 'Unexpected paragraph copied from a.txt:3']
    ])
  })

  it('flags a copy that differs in case, punctuation, spacing and quote style as an exact copy', async () => {
    const changed = boilerplate.toUpperCase().replace(/,/gu, ' ;').replace(/ /gu, '  ').replace("its", '“its”')
    const found = await run({'a.txt': `${boilerplate}\n`, 'b.md': `# Title\n\n${changed}\n`})
    expect(found.map(({path, line, column, reason}) => [path, line, column, reason])).toEqual([['b.md', 3, 1, 'Unexpected paragraph copied from a.txt:1']])
  })

  it('flags a near copy with words swapped, dropped and reordered, with the similarity in the note', async () => {
    const near = 'Our partners at the regional news exchange helped produce this article, and it may be republished under the terms of the licence.'
    const found = await run({'a.txt': `${intro}\n${boilerplate}\n`, 'b.txt': `${other}\n${near}\n`})
    expect(found.map(({path, line, column, reason}) => [path, line, column, reason])).toEqual([['b.txt', 2, 1, 'Unexpected paragraph nearly copied from a.txt:2']])
    expect(found[0].note).toMatch(/^About \d+% of its content words are shared with the paragraph at a\.txt:2 \(threshold 70%\)\.$/u)
  })

  it('flags each block of a section copied from a Markdown file into a text file, naming each original line', async () => {
    const section = (separator: string) => `Partner Content${separator}${boilerplate}${separator}${intro.replace('on Tuesday', 'last week')} More to follow here.${separator}`
    const found = await run({'a.md': `# News\n\n${other}\n\n## ${section('\n\n')}`, 'b.txt': `Prices rose again in March, the statistics office said on Friday in its monthly report.\n${section('\n')}`})
    expect(found.map(({path, line, column, reason}) => [path, line, column, reason])).toEqual([
      ['b.txt', 3, 1, 'Unexpected paragraph copied from a.md:7'],
      ['b.txt', 4, 1, 'Unexpected paragraph copied from a.md:9']
    ])
  })

  it('flags copied list items and table rows', async () => {
    const item = '- Joint Military Exercises: increasing collaborative training initiatives to improve operational readiness across all three armies.'
    const row = '| Enhanced Defense Capabilities | Reduced vulnerability to external threats and more joint training for officers |'
    const table = (body: string) => `| Outcome | Impact |\n|---|---|\n${body}\n`
    const found = await run({'a.txt': `${intro}\n${item}\n${table(row)}`, 'b.md': `${other}\n\n${item}\n\n${table(row)}`})
    expect(found.map(({path, line, column, reason}) => [path, line, column, reason])).toEqual([
      ['b.md', 3, 3, 'Unexpected list item copied from a.txt:2'],
      ['b.md', 7, 1, 'Unexpected table row copied from a.txt:5']
    ])
  })
})

describe('duplicate-across-files: must not flag', () => {
  it('leaves files that share a topic but not text alone', async () => {
    const a = 'Albania, Kosovo and Croatia signed a joint declaration on defence cooperation, promising joint exercises and shared intelligence.'
    const b = 'Officials in Zagreb said the defence declaration with Albania and Kosovo would bring more exercises, though details of the intelligence work were scarce.'
    expect(await run({'a.txt': `${a}\n`, 'b.txt': `${b}\n`})).toEqual([])
  })

  it('leaves short lines alone: datelines, bylines, standard headings and short items', async () => {
    const text = 'Key Takeaways\nBy Staff Reporter\nTIRANA, March 3 (Reuters)\n- Read more\n- Share this article on social media\n'
    expect(await run({'a.txt': `${text}${intro}\n`, 'b.txt': `${text}${other}\n`})).toEqual([])
  })

  it('leaves a copy within one file to duplicate-section', async () => {
    expect(await run({'a.txt': `${boilerplate}\n${intro}\n${boilerplate}\n`, 'b.txt': `${other}\n`})).toEqual([])
  })

  it('leaves quotations cited in two files alone', async () => {
    const quote = '“We will not accept any solution that divides the region again, and we will defend the agreement we signed,” the minister said.'
    expect(await run({'a.txt': `${intro}\n${quote}\n`, 'b.txt': `${other}\n${quote}\n`})).toEqual([])
  })

  it('counts a file named twice once', async () => {
    const dir = folder({'a.txt': `${boilerplate}\n`})
    const rules: Record<string, RuleSetting> = {}
    for (const rule of builtinRules) rules[rule.meta.id] = 'off'
    rules[ruleId] = 'warn'
    const files = await lintFiles(['a.txt', 'a.txt'], {cwd: dir, rules})
    expect(files.flatMap((file) => file.messages)).toEqual([])
  })
})

describe('duplicate-across-files: options', () => {
  const near = 'Our partners at the regional news exchange helped produce this article, and it may be republished under the terms of the licence.'

  it('`threshold` raises or lowers the similarity needed', async () => {
    expect(await run({'a.txt': `${boilerplate}\n`, 'b.txt': `${near}\n`}, {threshold: 0.95})).toEqual([])
    expect(await run({'a.txt': `${boilerplate}\n`, 'b.txt': `${near}\n`}, {threshold: 0.95, minWords: 5})).toEqual([])
    expect(await run({'a.txt': `${boilerplate}\n`, 'b.txt': `${boilerplate}\n`}, {threshold: 0.95})).toHaveLength(1)
  })

  it('`minWords` sets the shortest passage compared', async () => {
    const short = 'Share this article with your friends and family today.'
    expect(await run({'a.txt': `${short}\n`, 'b.txt': `${short}\n`})).toEqual([])
    expect(await run({'a.txt': `${short}\n`, 'b.txt': `${short}\n`}, {minWords: 5})).toHaveLength(1)
  })

  it('rejects a threshold outside 0..1', async () => {
    expect((await run({'a.txt': `${boilerplate}\n`}, {threshold: 2})).map(({ruleId, reason}) => [ruleId, reason])).toEqual([
      ['config-error', 'Not linted: config error: --rule duplicate-across-files.threshold: option `threshold` of rule `duplicate-across-files` must be at most 1, got 2']
    ])
  })
})
