import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import rule from '../../rules/table-structure.js'
import {applyFixes, certainFixes} from '../../src/apply-fixes.js'
import {OptionsError, validateOptions} from '../../src/rule.js'
import {check, messagesOf, type Found} from '../helpers.js'

const ruleId = 'table-structure'

/** `line:column reason` of each finding, to compare compactly. */
const brief = (found: Found[]) => found.map(({line, column, reason}) => `${line}:${column} ${reason}`)

/** Lints with only this rule, as `filePath`, and returns the messages with their ids. */
const run = (text: string, options?: unknown, filePath = 'article.txt') => messagesOf(ruleId, text, options, filePath)

/** Applies every certain fix, as one pass of `--fix` does; none may wait for a second pass (overlap or touch another). */
async function fixed(text: string, options?: unknown, filePath = 'article.txt'): Promise<string> {
  const {output, skipped} = applyFixes(text, certainFixes(await run(text, options, filePath), text.length))
  expect(skipped).toEqual([])
  return output
}

const wellFormed = '| Concern | Action Taken |\n|---|---|\n| Regional Instability | Increased joint patrols. |\n| Defense Spending | 2% of GDP. |\n'

describe('table-structure: pipe style', () => {
  it('flags every row without its leading pipe, at the row’s first column, with the pipe added as the fix', async () => {
    const text = 'Focus Area | Objective |\n---|---|\nSecurity Reforms | Modernizing defense |\n'
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 1, column: 1, endLine: 1, endColumn: 2, reason: 'Missing leading pipe in table row', expected: ['| F'], fixable: true},
      {ruleId, line: 2, column: 1, endLine: 2, endColumn: 2, reason: 'Missing leading pipe in table row', expected: ['|-'], fixable: true},
      {ruleId, line: 3, column: 1, endLine: 3, endColumn: 2, reason: 'Missing leading pipe in table row', expected: ['| S'], fixable: true}
    ])
    expect(await fixed(text)).toBe('| Focus Area | Objective |\n|---|---|\n| Security Reforms | Modernizing defense |\n')
  })

  it('flags a missing trailing pipe at the row’s last character', async () => {
    const text = '| Name | Count |\n|---|---|\n| North | 36\n'
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 3, column: 12, endLine: 3, endColumn: 13, reason: 'Missing trailing pipe in table row', expected: ['6 |'], fixable: true}
    ])
  })

  it('flags one row of a full-pipe table that lost its leading pipe', async () => {
    const text = '| Name | Count | Status |\n|---|---|---|\n| North | 36 | Open |\nSouth | 14 | Pending |\n'
    expect(brief(await check(ruleId, text))).toEqual(['4:1 Missing leading pipe in table row'])
  })

  it('says which style it expects, and for `consistent` which row set it', async () => {
    const [message] = await run('| A | B |\n|---|---|\n| c | d\n')
    expect(message.messageId).toBe('missing-trailing-pipe')
    expect(message.note).toBe('The table pipe style is `leading_and_trailing`')
    const text = 'A | B |\n---|---|\nc | d |\n\n| E | F |\n|---|---|\n| g | h |\n'
    const consistent = await run(text, {style: 'consistent'})
    expect(consistent.map((message) => `${message.line}:${message.column} ${message.messageId}`)).toEqual([
      '5:1 unexpected-leading-pipe', '6:1 unexpected-leading-pipe', '7:1 unexpected-leading-pipe'
    ])
    expect(consistent[0].note).toBe('The table pipe style is `trailing_only` (set by the first table row, line 1)')
    expect(await fixed(text, {style: 'consistent'})).toBe('A | B |\n---|---|\nc | d |\n\nE | F |\n---|---|\ng | h |\n')
  })

  it.each([
    ['leading_only', '| A | B\n| --- | ---\n| c | d\n'],
    ['trailing_only', 'A | B |\n--- | --- |\nc | d |\n'],
    ['no_leading_or_trailing', 'A | B\n--- | ---\nc | d\n'],
    ['leading_and_trailing', '| A | B |\n| --- | --- |\n| c | d |\n']
  ])('accepts tables written in the configured style %s', async (style, text) => {
    expect(await check(ruleId, text, {style})).toEqual([])
  })

  it('removes unexpected pipes, but not one that keeps an empty first or last cell', async () => {
    const text = '| A | B |\n|---|---|\n| c | d |\n|  | e |\n'
    expect(brief(await check(ruleId, text, {style: 'no_leading_or_trailing'}))).toEqual([
      // The place is what the fix removes: the pipe and the space before it.
      '1:1 Unexpected leading pipe in table row', '1:8 Unexpected trailing pipe in table row',
      '2:1 Unexpected leading pipe in table row', '2:9 Unexpected trailing pipe in table row',
      '3:1 Unexpected leading pipe in table row', '3:8 Unexpected trailing pipe in table row',
      '4:1 Unexpected leading pipe in table row', '4:7 Unexpected trailing pipe in table row'
    ])
    expect(await fixed(text, {style: 'no_leading_or_trailing'})).toBe('A | B\n---|---\nc | d\n|  | e\n')
  })
})

describe('table-structure: column count', () => {
  it('flags a short row at its end and pads it with empty cells', async () => {
    const text = '| Name | Count | Status |\n|---|---|---|\n| North | 36 |\n'
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 3, column: 14, endLine: 3, endColumn: 15, reason: 'Row has 2 cells, expected 3 (as many as the header row)', expected: ['| |'], fixable: true}
    ])
    expect(await fixed(text)).toBe('| Name | Count | Status |\n|---|---|---|\n| North | 36 | |\n')
  })

  it('flags a long row over its extra cells, without a fix (which cell is extra is not certain)', async () => {
    const text = '| Name | Count |\n|---|---|\n| North | 36 | Open | Yes |\n'
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 3, column: 14, endLine: 3, endColumn: 27, reason: 'Row has 4 cells, expected 2 (as many as the header row)'}
    ])
  })

  it('pads a short row that also lost its trailing pipe in one fix', async () => {
    const text = '| Name | Count | Status |\n|---|---|---|\n| North\n'
    const messages = await run(text)
    expect(messages.map((message) => [message.messageId, message.line, message.column, message.expected])).toEqual([
      ['missing-trailing-pipe', 3, 7, ['h | | |']],
      ['missing-cells', 3, 8, undefined]
    ])
    expect(await fixed(text)).toBe('| Name | Count | Status |\n|---|---|---|\n| North | | |\n')
  })

  it('does not pad a row of a style without trailing pipes: its last cell cannot be empty', async () => {
    const messages = await run('A | B | C\n--|--|--\nd | e\n', {style: 'no_leading_or_trailing'})
    expect(messages.map((message) => [message.messageId, message.line, message.column, message.fixable])).toEqual([['missing-cells', 3, 6, undefined]])
  })

  it('counts escaped pipes and pipes in code as text', async () => {
    const text = '| Operator | Meaning |\n|---|---|\n| `a|b` | either \\| or |\n| `||` | or |\n'
    expect(await check(ruleId, text)).toEqual([])
    expect(await check(ruleId, text, undefined, 'article.md')).toEqual([])
  })
})

describe('table-structure: delimiter row', () => {
  it('flags a missing delimiter row on the header row and says how GFM renders it', async () => {
    const messages = await run('| Name | Count |\n| North | 36 |\n| South | 14 |\n')
    expect(messages.map((message) => [message.messageId, message.line, message.column, message.reason, message.fixable])).toEqual([
      ['missing-delimiter-row', 1, 1, 'Missing delimiter row after the header row', undefined]
    ])
    expect(messages[0].note).toBe('Without a delimiter row such as `| --- | --- |`, GFM renders these rows as a paragraph, not a table')
  })

  it('rebuilds a delimiter row with the wrong cell count to the header’s, keeping its alignment', async () => {
    const text = '| Name | Count |\n|:---|---:|---|\n| North | 36 |\n'
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 2, column: 1, endLine: 2, endColumn: 16, reason: 'Delimiter row has 3 cells, expected 2 (as many as the header row)', expected: ['|:---|---:|'], fixable: true}
    ])
    // Short, without its leading pipe, padded with spaces: one fix for all of it.
    expect(await fixed('Name | Count | Status |\n--- |\nNorth | 36 | Open |\n', {style: 'trailing_only'})).toBe('Name | Count | Status |\n--- | --- | --- |\nNorth | 36 | Open |\n')
    expect(await fixed('| A | B | C |\n---|---\n| d | e | f |\n')).toBe('| A | B | C |\n|---|---|---|\n| d | e | f |\n')
  })

  it('flags malformed delimiter cells and repairs them in place', async () => {
    const text = '| Name | Count | Status |\n|-=-|:=:| |\n| North | 36 | Open |\n'
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 2, column: 2, endLine: 2, endColumn: 5, reason: 'Malformed delimiter cell `-=-`, expected dashes with optional alignment colons', expected: ['---'], fixable: true},
      {ruleId, line: 2, column: 6, endLine: 2, endColumn: 9, reason: 'Malformed delimiter cell `:=:`, expected dashes with optional alignment colons', expected: [':-:'], fixable: true},
      // An empty cell's place is its spaces, which the dashes replace.
      {ruleId, line: 2, column: 10, endLine: 2, endColumn: 11, reason: 'Empty delimiter cell, expected dashes with optional alignment colons', expected: ['---'], fixable: true}
    ])
    expect(await fixed(text)).toBe('| Name | Count | Status |\n|---|:-:|---|\n| North | 36 | Open |\n')
  })

  it('repairs a delimiter row whose dashes typographic quoting turned into em and en dashes', async () => {
    const text = '| Name | Role |\n|—|–:|\n| Alice | Chair |\n'
    expect(brief(await check(ruleId, text))).toEqual([
      '2:2 Malformed delimiter cell `—`, expected dashes with optional alignment colons',
      '2:4 Malformed delimiter cell `–:`, expected dashes with optional alignment colons'
    ])
    expect(await fixed(text)).toBe('| Name | Role |\n|---|--:|\n| Alice | Chair |\n')
    // In a .txt article it is what makes single-pipe lines a table.
    expect(await fixed('Name | Role\n— | —\nAlice | Chair\n')).toBe('| Name | Role |\n| --- | --- |\n| Alice | Chair |\n')
  })

  it('accepts alignment colons and delimiter cells of any length', async () => {
    expect(await check(ruleId, '| Left | Center | Right | Plain |\n|:--|:-:|--:|-|\n| a | b | c | d |\n')).toEqual([])
    expect(await check(ruleId, '| Left | Right |\n| :-------- | ---------: |\n| a | b |\n')).toEqual([])
  })

  it('flags a table that starts with its delimiter row', async () => {
    const messages = await run('|---|---|\n| North | 36 |\n')
    expect(messages.map((message) => [message.messageId, message.line, message.column])).toEqual([['missing-header-row', 1, 1]])
  })
})

describe('table-structure: header cells', () => {
  it('flags empty and repeated header cells, but not an empty top-left cell over row labels', async () => {
    const messages = await run('| Name | Count |  | count |\n|---|---|---|---|\n| a | 1 | 2 | 3 |\n')
    expect(messages.map((message) => [message.messageId, message.line, message.column, message.reason])).toEqual([
      ['empty-header-cell', 1, 17, 'Unexpected empty header cell'],
      ['duplicate-header-cell', 1, 21, 'Unexpected duplicate header cell `count`']
    ])
    expect(await check(ruleId, '|  | 2022 | 2023 |\n|---|---|---|\n| Albania | 1.2% | 1.4% |\n')).toEqual([])
  })

  it('flags an empty header row once, and a body row that repeats the header', async () => {
    expect(brief(await check(ruleId, '| | |\n|---|---|\n| a | b |\n'))).toEqual(['1:1 Unexpected empty header row'])
    expect(brief(await check(ruleId, '| Name | Count |\n|---|---|\n| a | 1 |\n| Name | Count |\n| b | 2 |\n'))).toEqual([
      '4:1 Unexpected repeat of the header row in the table body'
    ])
  })

  it('does not check the first row of pipe rows without a delimiter row as a header', async () => {
    expect(brief(await check(ruleId, '| Name | Name |\n| a | b |\n'))).toEqual(['1:1 Missing delimiter row after the header row'])
  })

  it('leaves header cells alone with `header: false`', async () => {
    expect(await check(ruleId, '| Name | Name |  |\n|---|---|---|\n| a | b | c |\n', {header: false})).toEqual([])
  })
})

describe('table-structure: blank lines around tables', () => {
  const glued = 'Some text before.\n| A | B |\n|---|---|\n| c | d |\n- a list item\n'

  it('flags a table glued to the text before and after it in Markdown, and inserts the blank lines', async () => {
    const messages = await run(glued, undefined, 'article.md')
    expect(messages.map((message) => [message.messageId, message.line, message.column, message.reason])).toEqual([
      ['missing-blank-line-before', 2, 1, 'Missing blank line before the table'],
      ['missing-blank-line-after', 4, 9, 'Missing blank line after the table']
    ])
    expect(await fixed(glued, undefined, 'article.md')).toBe('Some text before.\n\n| A | B |\n|---|---|\n| c | d |\n\n- a list item\n')
  })

  it('keeps the `>` markers of a table in a block quote, and the file’s line endings', async () => {
    expect(await fixed('> Text\n> | A | B |\n> |---|---|\n> | c | d |\n', undefined, 'article.md')).toBe('> Text\n>\n> | A | B |\n> |---|---|\n> | c | d |\n')
    expect(await fixed('Text\r\n| A | B |\r\n|---|---|\r\n', undefined, 'article.md')).toBe('Text\r\n\r\n| A | B |\r\n|---|---|\r\n')
  })

  it('checks tables inside list items', async () => {
    const text = '- Item\n  | A | B |\n  |---|---|\n  | c | d |\n- Next\n'
    expect(brief(await check(ruleId, text, undefined, 'article.md'))).toEqual(['2:1 Missing blank line before the table', '4:11 Missing blank line after the table'])
    expect(await check(ruleId, '- Item\n\n  | A | B |\n  |---|---|\n  | c | d |\n\n- Next\n', undefined, 'article.md')).toEqual([])
  })

  it('does not check .txt articles, where every block is one line, unless asked to', async () => {
    expect(await check(ruleId, glued)).toEqual([])
    expect(brief(await check(ruleId, glued, {blankLines: 'always'}))).toEqual(['2:1 Missing blank line before the table', '4:9 Missing blank line after the table'])
    expect(await check(ruleId, glued, {blankLines: 'never'}, 'article.md')).toEqual([])
  })

  it('checks a table GFM renders only once its delimiter row is repaired', async () => {
    expect(brief(await check(ruleId, 'Intro.\n| A | B |\n|---|---|---|\n| c | d |\nMore text.\n', undefined, 'article.md'))).toEqual([
      '2:1 Missing blank line before the table',
      '3:1 Delimiter row has 3 cells, expected 2 (as many as the header row)',
      '4:9 Missing blank line after the table'
    ])
  })

  it('does not check pipe rows without a delimiter row, a paragraph for GFM: the delimiter finding covers them', async () => {
    expect(brief(await check(ruleId, 'Some text.\n| A | B |\n| c | d |\n', undefined, 'article.md'))).toEqual(['2:1 Missing delimiter row after the header row'])
  })

  it('flags a paragraph line that GFM reads as a row of the table above it, without a fix', async () => {
    const messages = await run('| A | B |\n|---|---|\n| c | d |\nMore text\n', undefined, 'article.md')
    expect(messages.map((message) => [message.messageId, message.line, message.column, message.fixable])).toEqual([
      ['missing-leading-pipe', 4, 1, undefined],
      ['missing-trailing-pipe', 4, 10, undefined],
      ['missing-cells', 4, 10, undefined]
    ])
    expect(messages[0].note).toMatch(/^GFM reads a line without pipes right after a table as one of its rows/u)
  })
})

describe('table-structure: what it leaves alone', () => {
  it.each([
    ['a well-formed table', wellFormed],
    ['a one-column table', '| Table |\n|-------|\n| Cell  |\n| Cell  |\n'],
    ['a table with empty body cells', '| A | B | C |\n|---|---|---|\n|  | b | c |\n| a |  |  |\n'],
    ['an indented table', '  | A | B |\n  |---|---|\n  | c | d |\n'],
    ['prose with one pipe', 'Kosovo elections | Reuters\nThe vote was held on Sunday.\n'],
    ['prose with pipes in code', 'Use `a | b | c` to pipe it.\nThen run `x || y`.\n'],
    ['an escaped pipe in prose', 'A \\| B \\| C\nD \\| E\n'],
    ['a row of a dash and a number', '| Item | Cost |\n|---|---|\n| Tea | - |\n| - | 3 |\n']
  ])('%s', async (_what, text) => {
    expect(await check(ruleId, text)).toEqual([])
    expect(await check(ruleId, text, undefined, 'article.md')).toEqual([])
  })

  it('a broken table inside a Markdown code block or HTML, and logical-or pipes in prose', async () => {
    expect(await check(ruleId, 'Paste this:\n\n```\nName | Role\n|---|---|---|\n| x |\n```\n', undefined, 'article.md')).toEqual([])
    expect(await check(ruleId, '<pre>\n| a | b |\n| c |\n</pre>\n', undefined, 'article.md')).toEqual([])
    expect(await check(ruleId, 'The rule is a || b || c, nothing more.\n')).toEqual([])
  })

  it('a table inside a Markdown list item and a block quote', async () => {
    expect(await check(ruleId, '- Item with a table:\n\n  | A | B |\n  |---|---|\n  | c | d |\n', undefined, 'article.md')).toEqual([])
    expect(await check(ruleId, '> | A | B |\n> |---|---|\n> | c | d |\n', undefined, 'article.md')).toEqual([])
  })
})

describe('table-structure: the sample articles', () => {
  it('flags every row of every table without leading pipes, and nothing in the two well-formed tables', async () => {
    for (const name of fs.readdirSync('fixtures/articles')) {
      const text = fs.readFileSync(`fixtures/articles/${name}`, 'utf8')
      const messages = await run(text)
      const unfenced = text.split('\n').flatMap((line, index) => (line.includes('|') && !line.startsWith('|') ? [index + 1] : []))
      expect(messages.map((message) => `${message.line} ${message.messageId}`), name).toEqual(unfenced.map((line) => `${line} missing-leading-pipe`))
    }
    const clean = await run(fs.readFileSync('fixtures/articles/000_857782d85a314702.txt', 'utf8'))
    expect(clean).toEqual([])
  })

  it('repairs them so that a second run finds nothing', async () => {
    for (const name of fs.readdirSync('fixtures/articles')) {
      const text = fs.readFileSync(`fixtures/articles/${name}`, 'utf8')
      const once = await fixed(text)
      expect(await run(once), name).toEqual([])
      // Only pipes were added: the text without pipes and spaces is the same.
      expect(once.replace(/[|\s]/gu, '')).toBe(text.replace(/[|\s]/gu, ''))
    }
  })
})

describe('table-structure: fixes settle in one run', () => {
  it.each([
    ['trailing-only rows, short and long rows, a bad delimiter', 'A | B | C |\n--|--\nd | e |\nf | g | h | i |\n'],
    ['rows without outer pipes', 'A | B\n--- | ---\nc | d\ne\n'],
    ['a mixed table glued to text in Markdown', 'Intro.\n| A | B |\n|---|---|\nc | d |\n| e |\n> quote\n'],
    // GFM renders it as a paragraph until its delimiter row is repaired: the blank lines are asked for at once.
    ['a glued table with a delimiter row of the wrong count', 'Intro.\n| A | B |\n|---|---|---|\n| c |\n- item\n']
  ])('%s', async (_what, text) => {
    for (const filePath of ['article.txt', 'article.md']) {
      const once = await fixed(text, undefined, filePath)
      expect(await fixed(once, undefined, filePath)).toBe(once)
    }
  })
})

describe('table-structure: options', () => {
  it('validates its options', () => {
    expect(validateOptions(rule.meta, {})).toEqual({style: 'leading_and_trailing', blankLines: 'markdown', header: true})
    expect(() => validateOptions(rule.meta, {style: 'both'})).toThrow(OptionsError)
    expect(() => validateOptions(rule.meta, {blankLines: true})).toThrow(OptionsError)
  })
})
