import {describe, expect, it} from 'vitest'
import rule from '../../rules/heading-capitalization.js'
import {OptionsError, validateOptions} from '../../src/rule.js'
import {check, type Found} from '../helpers.js'

const ruleId = 'heading-capitalization'

/** `[line, column, expected, fixable]` of each finding. */
const places = (found: Found[]) => found.map(({line, column, expected, fixable}) => [line, column, expected?.[0], fixable ?? false])

/** A `.txt` article with the given headings, each followed by a paragraph. */
const article = (...headings: string[]) => headings.map((heading) => `${heading}\nThe region saw many changes this year, and the talks went on.\n`).join('')

describe('heading-capitalization: flags', () => {
  it('a lowercase word in a heading among title-case headings, with a certain fix', async () => {
    const text = article('Key Objectives of the Agreement', 'Evaluation of regional Security Threats', 'Implications for Regional Stability')
    expect(await check(ruleId, text)).toEqual([
      {
        ruleId,
        line: 3,
        column: 15,
        endLine: 3,
        endColumn: 23,
        reason: 'Unexpected lowercase `regional` in a title-case heading, expected `Regional`',
        expected: ['Regional'],
        fixable: true
      }
    ])
  })

  it('a heading that breaks title case on its own, and hyphenated compounds', async () => {
    expect(places(await check(ruleId, article('Community support Initiatives for Long-Term Stability')))).toEqual([[1, 11, 'Support', true]])
    expect(places(await check(ruleId, article('Recommendations for Future Collaboration in Defense and security Initiatives')))).toEqual([
      [1, 57, 'Security', true]
    ])
  })

  it('list labels that break their list’s title case', async () => {
    const text =
      'Key objectives include the following.\n- Enhancement of Joint training Exercises: Conducting drills.\n- Resource Sharing: Establishing mechanisms.\n- Cooperative Defense Planning: Developing strategies.\n'
    expect(places(await check(ruleId, text))).toEqual([[2, 24, 'Training', true]])
  })

  it('table header cells that start lowercase or break title case', async () => {
    const text =
      'The table below lists the operations in detail.\nOperation | description | Duration |\n---|---|---|\nKFOR | Stabilization | Ongoing |\n\nAnd another table follows here.\nsupport Mechanism | Description |\n---|---|\nAid | Training |\n'
    expect(places(await check(ruleId, text))).toEqual([
      [2, 13, 'Description', true],
      [7, 1, 'Support', true]
    ])
  })

  it('a cell that breaks the title case of its table column', async () => {
    const text =
      'The table lists recent engagements.\nCountry | Engagement Type | Date |\n---|---|---|\nAlbania | Joint training Program | June 2023 |\nKosovo | Information Session | August 2023 |\nNorth Macedonia | Capacity Building Workshop | September 2023 |\n'
    expect(await check(ruleId, text)).toEqual([
      {
        ruleId,
        line: 4,
        column: 17,
        endLine: 4,
        endColumn: 25,
        reason: 'Unexpected lowercase `training` in a title-case table column, expected `Training`',
        expected: ['Training'],
        fixable: true
      }
    ])
  })

  it('a heading that starts lowercase among headings that start with a capital', async () => {
    const text = article('Background of the Proposal', 'the Way Forward', 'Proposed Initiatives')
    expect(places(await check(ruleId, text))).toEqual([[3, 1, 'The', true]])
  })

  it('capitalized words in a sentence-case document, as suggestions only', async () => {
    const text = article('Background of the proposal', 'Objectives of the cooperation', 'Challenges Ahead for Us', 'Key takeaways')
    expect(places(await check(ruleId, text))).toEqual([[5, 12, 'ahead', false]])
  })

  it('the configured style', async () => {
    expect(places(await check(ruleId, article('Background of the proposal'), {style: 'title'}))).toEqual([[1, 19, 'Proposal', true]])
    expect(places(await check(ruleId, article('Background of the Proposal'), {style: 'sentence'}))).toEqual([[1, 19, 'proposal', false]])
  })

  it('Markdown headings', async () => {
    const text = '# One Big Title\n\nText here.\n\n## Another Small heading\n\nMore text.\n\n## The Third One\n\nEnd.\n'
    expect(places(await check(ruleId, text, undefined, 'a.md'))).toEqual([[5, 18, 'Heading', true]])
  })
})

describe('heading-capitalization: does not flag', () => {
  it.each([
    ['small words in title case, in either case', ['The Way of the World', 'Stand Up for Yourself', 'Life Within the Walls', 'A Day In The Life']],
    ['names in sentence case', ['Relations with Kosovo and the Western Balkans', 'Background of the proposal', 'Support from the European Union']],
    ['a capitalized word that ends a name, after a capital, in sentence case', ['East River, downtown: a letter from Harlem', 'Background of the proposal', 'Plans for the city']],
    ['acronyms, numbers and brands', ['NATO and the EU in 2023', 'Why iPhone sales grew', 'The Plan for 5G']],
    ['names lowercase in a title-case heading (term-capitalization’s finding)', ['Albania and croatia Sign a Deal', 'Key Objectives of the Agreement', 'Implications for Regional Stability']],
    ['a subtitle after a colon', ['Collaborative Initiatives: a Path Forward', 'Key Objectives of the Agreement']],
    ['a cross-reference line', ['See also  Balkans Unite: The Supermarket Boycott', 'Key Objectives of the Agreement']]
  ])('%s', async (_name, headings) => {
    expect(await check(ruleId, article(...headings))).toEqual([])
  })

  it('table columns in sentence case, or of sentences', async () => {
    const text =
      'The table lists the goals.\n| Area | Goals | Outcome |\n|---|---|---|\n| Joint training Programs | Enhance military readiness | Improved troop coordination |\n| Community Engagement | Build public trust | Stronger civil-military relations |\n| Cyber Work | Address digital threats | Strengthened Cyber defenses. |\n'
    expect(places(await check(ruleId, text))).toEqual([[4, 9, 'Training', true]])
  })

  it('lists whose labels are in sentence case, and a table whose header is lowercase throughout', async () => {
    const text =
      'The plan has parts.\n- Joint military exercises: Engaging in training.\n- Intelligence sharing: Enhancing exchange.\n\nThe options are listed here.\n| name | type | default |\n|---|---|---|\n| a | b | c |\n'
    expect(await check(ruleId, text)).toEqual([])
  })

  it('headings whose style is unclear', async () => {
    expect(await check(ruleId, article('Mixed Words heading', 'Another one Here'))).toEqual([])
    expect(await check(ruleId, article('Why sales grew', 'The Plan Ahead'))).toEqual([])
  })
})

describe('heading-capitalization: options', () => {
  it('validates its options', () => {
    expect(validateOptions(rule.meta, {})).toEqual({style: 'consistent'})
    expect(() => validateOptions(rule.meta, {style: 'upper'})).toThrow(OptionsError)
  })
})
