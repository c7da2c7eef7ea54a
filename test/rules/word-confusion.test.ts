import {describe, expect, it} from 'vitest'
import {check, messagesOf} from '../helpers.js'

const rule = 'word-confusion'

describe('word-confusion: lead for led', () => {
  it('flags a `-lead` compound before a thing led, as a certain fix', async () => {
    const text = [
      'NATO-lead missions in the Western Balkans',
      'A US-lead coalition and student-lead initiatives followed.',
      'The Saudi-Lead Offensive'
    ].join('\n')
    expect(await check(rule, text)).toEqual([
      {ruleId: rule, line: 1, column: 1, endLine: 1, endColumn: 10, reason: 'Unexpected `NATO-lead`, expected `NATO-led`', expected: ['NATO-led'], fixable: true},
      {ruleId: rule, line: 2, column: 3, endLine: 2, endColumn: 10, reason: 'Unexpected `US-lead`, expected `US-led`', expected: ['US-led'], fixable: true},
      {ruleId: rule, line: 2, column: 25, endLine: 2, endColumn: 37, reason: 'Unexpected `student-lead`, expected `student-led`', expected: ['student-led'], fixable: true},
      {ruleId: rule, line: 3, column: 5, endLine: 3, endColumn: 15, reason: 'Unexpected `Saudi-Lead`, expected `Saudi-Led`', expected: ['Saudi-Led'], fixable: true}
    ])
  })

  it('explains the finding', async () => {
    const [message] = await messagesOf(rule, 'The UN-lead force stayed.\n')
    expect(message.messageId).toBe('lead-for-led')
    expect(message.note).toBe('Before `force`, `UN-…` says who led it: the past participle `led`, not `lead`.')
  })

  it('offers no certain fix across Markdown markup inside the word', async () => {
    expect(await check(rule, 'The **NATO**-lead missions went on.\n', undefined, 'a.md')).toEqual([
      {ruleId: rule, line: 1, column: 7, endLine: 1, endColumn: 18, reason: 'Unexpected `NATO-lead`, expected `NATO-led`', expected: ['NATO-led']}
    ])
  })

  it('leaves alone the metal, a lead role or wire, co-leads, a lead as advantage, and the right spelling', async () => {
    const text = [
      'The zinc-lead mines and copper-lead alloys closed.',
      'Female-lead films and a 12-lead ECG; the co-lead authors met.',
      'The NATO-led missions went on, and the US-lead was large.',
      'The Democrat-lead shrinks; a NATO-lead in the polls.',
      'They take the lead missions; the lead mission; a lead-free paint.'
    ].join('\n')
    expect(await check(rule, text)).toEqual([])
  })
})
