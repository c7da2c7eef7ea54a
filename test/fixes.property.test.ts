/**
 * Properties of every certain fix, checked on generated input full of Markdown markup, numbers,
 * abbreviations, tables and odd characters. Replacing a message's range with `expected[0]` must
 * keep the document's markup: the same links, images, code, emphasis and HTML, in the same order
 * (a doubled space with a `[` in the middle of it must not be "fixed" by deleting the `[`). No
 * input may crash a rule either. The generator is seeded: a failure names the text to replay.
 */
import {describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'
import {generatedTexts, inlineMarkup} from './helpers.js'

describe('fixes on generated input', () => {
  it.each(['article.md', 'article.txt'])('no rule crashes on %s', async (filePath) => {
    const crashed: string[] = []
    for (const text of generatedTexts(20261125, 150)) {
      const file = await lint(text, {filePath, rules: {spelling: 'off'}})
      for (const message of file.messages) if (message.ruleId === 'internal-error') crashed.push(`${JSON.stringify(text)}: ${message.reason}`)
    }
    expect(crashed).toEqual([])
  })

  it('no certain fix in Markdown changes the markup around it', async () => {
    const broken: string[] = []
    let fixes = 0
    for (const text of generatedTexts(20261125, 150)) {
      const file = await lint(text, {filePath: 'article.md', rules: {spelling: 'off'}})
      const value = String(file.value)
      const before = inlineMarkup(value)
      for (const message of file.messages) {
        const place = message.place && 'start' in message.place ? message.place : undefined
        if (!message.expected || !place) continue
        fixes++
        const fixed = value.slice(0, place.start.offset) + message.expected[0] + value.slice(place.end.offset)
        const after = inlineMarkup(fixed)
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
