/**
 * Properties of every certain fix, checked on generated input full of Markdown markup, numbers,
 * abbreviations, tables and odd characters. Replacing a message's range with `expected[0]` must
 * keep the document's markup: the same links, images, code, emphasis and HTML, in the same order
 * (a doubled space with a `[` in the middle of it must not be "fixed" by deleting the `[`). No
 * input may crash a rule either. The generator is seeded: a failure names the text to replay.
 */
import type {Nodes} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'

const markdown = unified().use(remarkParse).use(remarkGfm)

/** The inline markup of a Markdown text: each node that is not plain text, with what it points to. */
function markup(text: string): string[] {
  const found: string[] = []
  const visit = (node: Nodes): void => {
    if (['link', 'image', 'inlineCode', 'emphasis', 'strong', 'delete', 'html', 'footnoteReference'].includes(node.type)) {
      found.push(`${node.type}${'url' in node ? ` ${node.url}` : ''}${node.type === 'inlineCode' || node.type === 'html' ? ` ${node.value}` : ''}`)
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(markdown.parse(text))
  return found
}

const atoms = [
  'word', 'Word', 'the', 'NATO', 'U.S.', 'e.g.', '2,000', '3.5', ',', '.', ';', ':', '!', '?', ' ', '  ', '\n', '\n\n', '\r\n',
  '|', ' | ', '---', '- ', '* ', '1. ', '# ', '## ', '`code`', '`', '*', '**', '_', '[link](http://x.com/a,b)', '[ spaced](u)',
  '<b>', '&amp;', '&nbsp;', '\\', '> ', '“', '”', '’', "'", '"', '(', ')', 'Đukanović', '🙂', '\t', '    ', '```', '~~~', '---\n',
  ':-:', '|---|', 'http://a.b/c', 'x@y.com', 'and and', 'The the', '\u00a0', '…', '...', 'Title Line', '[^1]', '![img](a.png)',
  '<!-- c -->', '+++', '\\|', 'In 2023,the', 'end.Next'
]

/** A small linear congruential generator: the same seed gives the same texts on every machine. */
function generator(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

function texts(seed: number, count: number): string[] {
  const random = generator(seed)
  const result: string[] = []
  for (let n = 0; n < count; n++) {
    let text = ''
    const length = 1 + Math.floor(random() * 80)
    for (let index = 0; index < length; index++) text += atoms[Math.floor(random() * atoms.length)]
    result.push(text)
  }
  return result
}

describe('fixes on generated input', () => {
  it.each(['article.md', 'article.txt'])('no rule crashes on %s', async (filePath) => {
    const crashed: string[] = []
    for (const text of texts(20261125, 150)) {
      const file = await lint(text, {filePath, rules: {spelling: 'off'}})
      for (const message of file.messages) if (message.ruleId === 'internal-error') crashed.push(`${JSON.stringify(text)}: ${message.reason}`)
    }
    expect(crashed).toEqual([])
  })

  it('no certain fix in Markdown changes the markup around it', async () => {
    const broken: string[] = []
    let fixes = 0
    for (const text of texts(20261125, 150)) {
      const file = await lint(text, {filePath: 'article.md', rules: {spelling: 'off'}})
      const value = String(file.value)
      const before = markup(value)
      for (const message of file.messages) {
        const place = message.place && 'start' in message.place ? message.place : undefined
        if (!message.expected || !place) continue
        fixes++
        const fixed = value.slice(0, place.start.offset) + message.expected[0] + value.slice(place.end.offset)
        const after = markup(fixed)
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          broken.push(`${JSON.stringify(text)}: ${message.ruleId} ${message.line}:${message.column} ${JSON.stringify(value.slice(place.start.offset, place.end.offset))} → ${JSON.stringify(message.expected[0])}`)
        }
      }
    }
    // The generated texts must exercise the property: many fixes, not a handful.
    expect(fixes).toBeGreaterThan(100)
    expect(broken).toEqual([])
  })
})
