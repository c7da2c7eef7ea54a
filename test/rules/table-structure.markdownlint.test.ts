/**
 * Conformance with markdownlint's own table fixtures (fixtures/markdownlint, MIT, see its LICENSE
 * and README): `table-structure` runs over each file with the style the file asks for, and the
 * lines it flags are compared, per rule, with the lines markdownlint's inline markers name for
 * MD055 (pipe style), MD056 (column count) and MD058 (blank lines around tables).
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {messagesOf} from '../helpers.js'

const folder = 'fixtures/markdownlint'

/** Which markdownlint rule each of our message ids corresponds to (the others have no counterpart there). */
const counterpart: Record<string, string> = {
  'missing-leading-pipe': 'MD055',
  'unexpected-leading-pipe': 'MD055',
  'missing-trailing-pipe': 'MD055',
  'unexpected-trailing-pipe': 'MD055',
  'missing-cells': 'MD056',
  'extra-cells': 'MD056',
  'missing-blank-line-before': 'MD058',
  'missing-blank-line-after': 'MD058'
}
const compared = new Set(Object.values(counterpart))

/**
 * Differences kept on purpose, as `file: rule:line` entries that one side has and the other not.
 * `:::directive` is not GFM: markdownlint parses directives, so the `:::` line closes a container and
 * the table above it needs a blank line; for GFM, and for copydesk, `:::` is one more row of the
 * table, without pipes and with one cell.
 */
const onlyMarkdownlint = new Set(['blanks-around-tables.md: MD058:50'])
const onlyCopydesk = new Set(['blanks-around-tables.md: MD055:51', 'blanks-around-tables.md: MD056:51'])

/** The lines markdownlint expects each rule to flag, from `{MD055}`, `{MD055:-4}`, `{MD055:+2}`, `{MD058:12}`. */
function expectedFindings(text: string): string[] {
  const found = new Set<string>()
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/\{(MD\d+)(?::([-+]?)(\d+))?\}/gu)) {
      const [, rule, sign, number] = match
      const at = number === undefined ? index + 1 : sign === '-' ? index + 1 - Number(number) : sign === '+' ? index + 1 + Number(number) : Number(number)
      if (compared.has(rule)) found.add(`${rule}:${at}`)
    }
  })
  return [...found].sort()
}

/** The style set in a `<!-- markdownlint-configure-file … -->` comment, or markdownlint's default, `consistent`. */
function styleOf(text: string): string {
  return /"table-pipe-style":\s*\{\s*"style":\s*"(\w+)"/u.exec(text)?.[1] ?? 'consistent'
}

const files = fs.readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md')

describe('table-structure against markdownlint’s table fixtures', () => {
  it('has the fixtures', () => {
    expect(files.length).toBe(12)
  })

  it.each(files)('%s', async (name) => {
    const text = fs.readFileSync(path.join(folder, name), 'utf8')
    const actual = new Set<string>()
    for (const message of await messagesOf('table-structure', text, {style: styleOf(text)}, name)) {
      const rule = counterpart[message.messageId ?? '']
      if (rule) actual.add(`${rule}:${message.line}`)
    }
    const expected = expectedFindings(text)
    const ours = [...actual].sort()
    // Every listed difference is real (none is stale), and there is no other.
    const missing = expected.filter((entry) => !actual.has(entry)).map((entry) => `${name}: ${entry}`)
    const extra = ours.filter((entry) => !expected.includes(entry)).map((entry) => `${name}: ${entry}`)
    expect(missing).toEqual([...onlyMarkdownlint].filter((entry) => entry.startsWith(`${name}: `)))
    expect(extra).toEqual([...onlyCopydesk].filter((entry) => entry.startsWith(`${name}: `)))
  })
})
