import {describe, expect, it} from 'vitest'
import {check} from '../helpers.js'

describe('repeated-words', () => {
  it('flags a word written twice, with the place of both and the fix', async () => {
    const found = await check('repeated-words', 'Heading Line\nIt was the the best plan of all, and everyone agreed on it.\n')
    expect(found).toMatchObject([{ruleId: 'repeated-words', line: 2, column: 8, endLine: 2, endColumn: 15, expected: ['the'], fixable: true}])
  })

  it('offers no fix when the repeat spans dropped Markdown markup', async () => {
    const found = await check('repeated-words', 'It was the [the](https://example.com) best plan of all.\n', undefined, 'article.md')
    expect(found).toEqual([{ruleId: 'repeated-words', line: 1, column: 8, endLine: 1, endColumn: 16, reason: expect.stringContaining('`the`')}])
    const plain = await check('repeated-words', 'It was the **the** best plan of all.\n', undefined, 'article.md')
    expect(plain).toMatchObject([{line: 1, column: 8, endColumn: 17}])
    expect(plain[0].expected).toBeUndefined()
  })

  it('flags repeats in list items and table cells', async () => {
    const text = '- This is is a list item that repeats.\n| Name | Note |\n|---|---|\n| A | to to go |\n'
    const found = await check('repeated-words', text)
    expect(found.map(({line, column}) => [line, column])).toEqual([
      [1, 8],
      [4, 7]
    ])
  })

  it('does not flag legitimate doubles, initials, names, or repeats across blocks', async () => {
    const text = [
      'The best exhibition they had had since the war was that that year.',
      'Duran Duran played, and D. D. Jones came along.',
      'The report ended with the word plan',
      'plan ahead is the title of the next line, which is its own block.'
    ].join('\n')
    expect(await check('repeated-words', text)).toEqual([])
  })
})

describe('repeated-words: deliberate repeats', () => {
  it('leaves alone runs of three, idiomatic doubles, stutters in quoted speech and particles before prepositions', async () => {
    const text = [
      'It narrows down down down and finally there is nothing left of it.',
      'The crowd cheered “Hubba hubba” and waved bye bye to the band.',
      'The cheerleaders shook their pom pom and the chef grilled mahi mahi, blah blah.',
      'I said, “Wait wait” to Charlie, and he grinned at me.',
      'When we got back, Pops let us in in the dark and said nothing.',
      '“I coulda let her go go,” he said, and looked away.'
    ].join('\n')
    expect(await check('repeated-words', text)).toEqual([])
  })

  it('leaves alone `is is` after a wh-clause and `her her` after a verb with two objects', async () => {
    const text = [
      'What it is is a problem for the whole region.',
      'All he wants is is a fair chance at the job.',
      'Whatever it was was gone by the morning.',
      'She gave her her keys and told her her schedule.'
    ].join('\n')
    expect(await check('repeated-words', text)).toEqual([])
  })

  it('still flags `is is` and `her her` elsewhere', async () => {
    const text = ['It is is wrong.', 'I know what he did, and it is is wrong.', 'The problem is is that it fails.', 'She lost her her keys.'].join('\n')
    const found = await check('repeated-words', text)
    expect(found.map(({ruleId, line, column, endColumn}) => [ruleId, line, column, endColumn])).toEqual([
      ['repeated-words', 1, 4, 9],
      ['repeated-words', 2, 28, 33],
      ['repeated-words', 3, 13, 18],
      ['repeated-words', 4, 10, 17]
    ])
  })

  it('still flags a capitalized repeat outside quotes and a doubled preposition after a noun', async () => {
    const text = 'The the report was late.\nThe talks went on in in the capital for a week.\n'
    const found = await check('repeated-words', text)
    expect(found.map(({line, column}) => [line, column])).toEqual([
      [1, 1],
      [2, 19]
    ])
  })

  it('flags a doubled function word even inside quoted speech', async () => {
    const found = await check('repeated-words', 'Killpath said, “You were expected to to my office an hour ago.”\n')
    expect(found).toMatchObject([{ruleId: 'repeated-words', line: 1, column: 35, expected: ['to'], fixable: true}])
  })

  it('takes an allow list of its own', async () => {
    expect(await check('repeated-words', 'It was a very very long day for all of us.\n', {allow: []})).toHaveLength(1)
    expect(await check('repeated-words', 'It was a very very long day for all of us.\n')).toEqual([])
  })
})
