/**
 * Every built-in rule has `docs/rules/<id>.md`, titled with its id, documenting each option. Its
 * examples are checked where it has them: each line of a ```` ```txt flagged ```` (or `md flagged`)
 * block is flagged by the rule, and a ```` ```txt ok ```` (or `md ok`) block is not flagged at
 * all. Where a finding needs context (a duplicate needs its first copy), ```` ```txt flagged 3,5 ````
 * names the lines that must be flagged, and no others may be. A collection rule (one that
 * compares files) cannot be shown on one text, so only the first part applies to it.
 */
import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {builtinRules} from '../rules/index.js'
import {lintWithRule} from '../src/run-rule.js'

const docs = new URL('../docs/rules/', import.meta.url)

/** The fenced blocks of a Markdown text whose info string is `info`. */
export function fencedBlocks(markdown: string, info: RegExp): Array<{info: string; body: string}> {
  const blocks: Array<{info: string; body: string}> = []
  for (const match of markdown.matchAll(/^```([^\n]*)\n([^]*?)^```$/gmu)) {
    if (info.test(match[1].trim())) blocks.push({info: match[1].trim(), body: match[2]})
  }
  return blocks
}

describe.each(builtinRules.map((rule) => [rule.meta.id, rule] as const))('docs/rules/%s.md', (id, rule) => {
  const file = new URL(`${id}.md`, docs)
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''

  it('exists, is titled with the rule id and documents every option', () => {
    expect(text.split('\n')[0]).toBe(`# ${id}`)
    for (const key of Object.keys(rule.meta.options)) expect(text).toContain(`\`${key}\``)
  })

  const examples = (kind: 'flagged' | 'ok') => fencedBlocks(text, new RegExp(`^(?:txt|md) ${kind}${kind === 'flagged' ? '(?: [\\d,]+)?' : ''}$`, 'u'))
  const lintExample = async (block: {info: string; body: string}) =>
    (await lintWithRule(rule, block.body, {filePath: block.info.startsWith('md') ? 'example.md' : 'example.txt'})).messages

  it.skipIf(examples('flagged').length === 0)('has examples that are flagged, line by line', async () => {
    for (const block of examples('flagged')) {
      const flagged = [...new Set((await lintExample(block)).map((message) => message.line))]
      const named = /flagged ([\d,]+)$/u.exec(block.info)
      if (named) expect(flagged, block.body).toEqual(named[1].split(',').map(Number))
      else expect(flagged.length, block.body).toBe(block.body.split('\n').filter(Boolean).length)
    }
  })

  it.skipIf(examples('ok').length === 0)('has examples that are not flagged', async () => {
    for (const block of examples('ok')) {
      expect((await lintExample(block)).map((message) => `${message.line}:${message.column} ${message.reason}`), block.body).toEqual([])
    }
  })

  it.skipIf(rule.compare !== undefined)('shows what it flags and what it does not', () => {
    const hint = `docs/rules/${id}.md needs a \`\`\`txt flagged block (each line flagged) and a \`\`\`txt ok block (nothing flagged); use md for Markdown examples`
    expect(examples('flagged').length, hint).toBeGreaterThan(0)
    expect(examples('ok').length, hint).toBeGreaterThan(0)
  })
})
