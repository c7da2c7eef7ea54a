import {describe, expect, it} from 'vitest'
import {countableForm} from '../../rules/spelling-variants.js'
import {check, generatedWords, messagesOf} from '../helpers.js'

const rule = 'spelling-variants'

describe('spelling-variants', () => {
  it('flags the minority spelling, with a certain fix where the dominant one is used twice as often', async () => {
    const text = [
      'The defense budget grew, and defense spending with it.',
      'Critics of the defence plan spoke up.',
      'Each defense minister agreed.'
    ].join('\n')
    expect(await check(rule, text)).toEqual([
      {
        ruleId: rule, line: 2, column: 16, endLine: 2, endColumn: 23,
        reason: 'Unexpected `defence`, expected `defense` as elsewhere in the document', expected: ['defense'], fixable: true
      }
    ])
  })

  it('names the dominant spelling and where it first appears', async () => {
    const [message] = await messagesOf(rule, 'They organise events.\nWe organize, they organize.\n')
    expect(message.note).toBe('The document writes `organize` twice (first at 2:4) and `organise` once.')
    expect(message.messageId).toBe('minority-variant')
  })

  it('recases the expected spelling to the occurrence, and flags British minorities the same way', async () => {
    const found = await check(rule, 'The colour was red.\nColor matters; the colour of the flag, the colour of the sky.\n')
    expect(found).toEqual([
      {ruleId: rule, line: 2, column: 1, endLine: 2, endColumn: 6, reason: 'Unexpected `Color`, expected `Colour` as elsewhere in the document', expected: ['Colour'], fixable: true}
    ])
  })

  it('only suggests where the dominant spelling does not clearly dominate', async () => {
    const found = await check(rule, 'A dialog opened.\nThe dialog closed, then a dialogue began, and another dialogue.\nOne more dialog.\n')
    expect(found).toEqual([
      {ruleId: rule, line: 2, column: 27, endLine: 2, endColumn: 35, reason: 'Unexpected `dialogue`, expected `dialog` as elsewhere in the document', expected: ['dialog']},
      {ruleId: rule, line: 2, column: 55, endLine: 2, endColumn: 63, reason: 'Unexpected `dialogue`, expected `dialog` as elsewhere in the document', expected: ['dialog']}
    ])
  })

  it('breaks a tie by the document’s other variant spellings, as a suggestion', async () => {
    const found = await check(rule, 'The center will analyze the labor market.\nIts defense and its defence differ.\n')
    expect(found).toEqual([
      {ruleId: rule, line: 2, column: 21, endLine: 2, endColumn: 28, reason: 'Unexpected `defence`, expected `defense` as elsewhere in the document', expected: ['defense']}
    ])
  })

  it('says nothing on a tie with no other evidence', async () => {
    expect(await check(rule, 'Its defense and its defence differ.\n')).toEqual([])
  })

  it('offers no certain fix across Markdown markup inside the word', async () => {
    const found = await check(rule, 'The defense held; the defense won.\n\nThe de*fence* fell.\n', undefined, 'a.md')
    expect(found).toEqual([
      {ruleId: rule, line: 3, column: 5, endLine: 3, endColumn: 13, reason: 'Unexpected `defence`, expected `defense` as elsewhere in the document', expected: ['defense']}
    ])
  })

  it('leaves alone names, quotations, block quotes, code and URLs, and neither counts them', async () => {
    const text = [
      'The defence review, the defence budget and the defence staff were British.',
      'He worked at the Department of Defense and the Kennedy Center.',
      '“Our defense is strong,” the general said, “and defense is costly.”',
      'The setting `defense` and https://example.com/defense stay.'
    ].join('\n')
    expect(await check(rule, text)).toEqual([])
    expect(await check(rule, '> The defense held.\n\nThe defence review and the defence budget.\n', undefined, 'a.md')).toEqual([])
  })

  it('leaves alone spellings that differ in meaning, and words one rewrite apart that are not variants', async () => {
    const text = [
      'The programme ran a computer program; doctors practise what the practice teaches.',
      'A licence to license, a metre on the meter, a prize to prise open.',
      'The filler and the filer; the poet and the pet; the timber and the timbre; four for you.'
    ].join('\n')
    expect(await check(rule, text)).toEqual([])
  })

  it('takes an `ignore` list of its own', async () => {
    const text = 'The color, the color and the colour.\n'
    expect(await check(rule, text, {ignore: ['colour']})).toEqual([])
    expect(await check(rule, text)).toMatchObject([{line: 1, column: 30}])
  })
})

describe('countableForm', () => {
  it('counts the words of letters, lowercase after the first, and keeps as written only lowercase ones', () => {
    for (const word of [...generatedWords(12, 5000), 'defence', 'Defence', 'DEFENCE', 'colour', 'Ǆungla', 'ǅungla', 'élan', 'Élan']) {
      const form = countableForm(word)
      expect(form !== 'no', word).toBe(/^\p{L}\p{Ll}+$/u.test(word))
      if (form === 'as written') expect(word.toLowerCase(), word).toBe(word)
    }
  })
})
