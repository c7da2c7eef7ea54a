/**
 * Every built-in rule has `docs/rules/<id>.md`, its options are documented, and its examples are
 * true: each line of a ```` ```txt flagged ```` block is flagged by the rule, and an
 * ```` ```txt ok ```` block is not flagged at all.
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

  it('has examples that are flagged, line by line', async () => {
    const blocks = fencedBlocks(text, /^txt flagged$/u)
    expect(blocks.length).toBeGreaterThan(0)
    for (const {body} of blocks) {
      const messages = (await lintWithRule(rule, body)).messages
      const lines = body.split('\n').filter(Boolean).length
      expect(new Set(messages.map((message) => message.line)).size, body).toBe(lines)
    }
  })

  it('has examples that are not flagged', async () => {
    const blocks = fencedBlocks(text, /^txt ok$/u)
    expect(blocks.length).toBeGreaterThan(0)
    for (const {body} of blocks) expect((await lintWithRule(rule, body)).messages.map((message) => `${message.line}:${message.column} ${message.reason}`), body).toEqual([])
  })
})
