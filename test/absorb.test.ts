import {describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'

const intro =
  'Albania, Kosovo and Croatia signed a joint declaration on defence cooperation in Tirana on Tuesday. They promised regular exercises, shared intelligence and a common training centre for their officers.'
const middle = 'The ministers also discussed energy prices, the coming elections in the region and the future of the railway line to the coast.'
// `intro` pasted again with one word dropped: its second sentence now starts lowercase, and it has a typo.
const copy =
  'Albania, Kosovo and Croatia signed a joint declaration on defence cooperation in Tirana on Tuesday. promised regular exercises, shared intelligence and a common trainnig centre for their officers.'
const text = `${intro}\n${middle}\n${copy}\n`

/** `[ruleId, line, column]` of each finding. */
const places = (messages: Array<{ruleId?: string; line?: number; column?: number}>) => messages.map(({ruleId, line, column}) => [ruleId, line, column])

describe('findings inside a repeated paragraph', () => {
  it('are reported once, as the duplicate, whose note names what it absorbed', async () => {
    const file = await lint(text)
    expect(places(file.messages)).toEqual([['duplicate-section', 3, 1]])
    expect(file.messages[0].note).toBe(
      'The two share 90% of their content words (threshold 60%). Inside it, 2 other findings (sentence-capitalization, spelling) not reported: deleting the copy settles them.'
    )
  })

  it('are all reported with `reportInsideCopies`, or when duplicate-section is off', async () => {
    const all = [
      ['duplicate-section', 3, 1],
      ['sentence-capitalization', 3, 101],
      ['spelling', 3, 162]
    ]
    expect(places((await lint(text, {rules: {'duplicate-section': ['warn', {reportInsideCopies: true}]}})).messages)).toEqual(all)
    expect(places((await lint(text, {rules: {'duplicate-section': 'off'}})).messages)).toEqual(all.slice(1))
  })

  it('stay when the duplicate finding is switched off inline (Markdown)', async () => {
    const markdown = `${intro}\n\n${middle}\n\n<!-- copydesk-disable-next-line duplicate-section -->\n${copy}\n`
    expect(places((await lint(markdown, {filePath: 'a.md'})).messages)).toEqual([
      ['sentence-capitalization', 6, 101],
      ['spelling', 6, 162]
    ])
  })

  it('are not absorbed by a repeated table row: the table’s own findings still apply', async () => {
    const table = '| Country | Role | Troops |\n| --- | --- | --- |\n| Albania | Training of officers and cadets | 1200 |\n| Albania | Training of officers and cadets | 1200 | 5 |\n'
    const found = places((await lint(`${intro}\n\n${table}`, {filePath: 'a.md'})).messages)
    expect(found.map(([ruleId]) => ruleId)).toContain('table-structure')
  })
})
