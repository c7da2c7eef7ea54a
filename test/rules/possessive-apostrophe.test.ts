import {describe, expect, it} from 'vitest'
import {mayLackApostrophe, withoutApostrophe} from '../../rules/possessive-apostrophe.js'
import {check, generatedWords} from '../helpers.js'

const rule = 'possessive-apostrophe'

describe('possessive-apostrophe', () => {
  it('flags a possessive the document writes with an apostrophe elsewhere, in its own apostrophe, as a certain fix', async () => {
    const text = [
      'NATOs Strategic Objectives in the Western Balkans',
      'NATO’s role is clear, and Montenegro’s place in it too.',
      'Strengthening Relations: NATO and Montenegros Partnership',
      'The alliance met the partners.'
    ].join('\n')
    expect(await check(rule, text)).toEqual([
      {ruleId: rule, line: 1, column: 1, endLine: 1, endColumn: 6, reason: 'Missing apostrophe in `NATOs`, expected `NATO’s`', expected: ['NATO’s'], fixable: true},
      {ruleId: rule, line: 3, column: 35, endLine: 3, endColumn: 46, reason: 'Missing apostrophe in `Montenegros`, expected `Montenegro’s`', expected: ['Montenegro’s'], fixable: true}
    ])
  })

  it('offers no certain fix across Markdown markup inside the word', async () => {
    const found = await check(rule, '# NATO’s Role\n\nThe **NATO**s partners met.\n', undefined, 'a.md')
    expect(found).toEqual([{ruleId: rule, line: 3, column: 7, endLine: 3, endColumn: 14, reason: 'Missing apostrophe in `NATOs`, expected `NATO’s`', expected: ['NATO’s']}])
  })

  it("uses the straight apostrophe when the document does", async () => {
    const found = await check(rule, "The EU's budget grew.\nThe EUs budget grew again.\n")
    expect(found).toMatchObject([{line: 2, column: 5, expected: ["EU's"], fixable: true}])
  })

  it('flags an acronym plus s before a noun, as a suggestion only', async () => {
    const found = await check(rule, 'A Heading\nThe alliance said the UNs mission and NATOs headquarters would stay.\n')
    expect(found).toMatchObject([
      {ruleId: rule, line: 2, column: 23, reason: 'Missing apostrophe in `UNs`, expected `UN’s`', expected: ['UN’s']},
      {ruleId: rule, line: 2, column: 39, reason: 'Missing apostrophe in `NATOs`, expected `NATO’s`', expected: ['NATO’s']}
    ])
    expect(found.some(({fixable}) => fixable)).toBe(false)
  })

  it('leaves plurals alone: acronyms before verbs, known words, names after a determiner, names never written as possessives', async () => {
    const text = [
      'A Heading',
      'The CEOs met and NGOs support the plan; MPs voted in the 1990s.',
      'Americans and Canadians agree. The Kennedys came, and Kennedy’s speech was long.',
      'Both Koreas and the Smiths, whose house is Smith’s, attended. Athens hosted, and Paris too.'
    ].join('\n')
    expect(await check(rule, text)).toEqual([])
  })
})

describe('mayLackApostrophe', () => {
  it('passes every word that `withoutApostrophe` matches', () => {
    const words = [...generatedWords(13, 5000).map((word) => `${word}s`), 'NATOs', 'Montenegros', 'Đukanovićs', 'Ǆs', 'İs', 'ns']
    for (const word of words) if (withoutApostrophe.test(word)) expect(mayLackApostrophe(word), word).toBe(true)
  })
})
