import {describe, expect, it} from 'vitest'
import rule from '../../rules/sentence-capitalization.js'
import {OptionsError, validateOptions} from '../../src/rule.js'
import {check, type Found} from '../helpers.js'

const ruleId = 'sentence-capitalization'

/** `[line, column, actual word's replacement]` of each finding. */
const places = (found: Found[]) => found.map(({line, column, expected}) => [line, column, expected?.[0]])

describe('sentence-capitalization: flags', () => {
  it('a sentence that starts lowercase after a full stop, with a certain fix for the word', async () => {
    expect(await check(ruleId, 'They share threats. by pooling resources they save.\n')).toEqual([
      {
        ruleId,
        line: 1,
        column: 21,
        endLine: 1,
        endColumn: 23,
        reason: 'Unexpected lowercase `by` at the start of a sentence, expected `By`',
        expected: ['By'],
        fixable: true
      }
    ])
  })

  it('a sentence after `!` or `?`', async () => {
    expect(places(await check(ruleId, 'Was it late? maybe not. It was fine! then we left.\n'))).toEqual([
      [1, 14, 'Maybe'],
      [1, 38, 'Then']
    ])
  })

  it('a paragraph that starts lowercase, also right after a heading', async () => {
    const text = 'The talks ended well.\n\nInsights and Conclusions\nthe signing of the declaration marks a step.\n'
    expect(await check(ruleId, text)).toEqual([
      {
        ruleId,
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 4,
        reason: 'Unexpected lowercase `the` at the start of a paragraph, expected `The`',
        expected: ['The'],
        fixable: true
      }
    ])
  })

  it('a list item that starts lowercase where the other items start with a capital', async () => {
    const text =
      'Key challenges remain in the region.\n- strengthening border security: Enhanced control at borders.\n- Countering radicalization: Initiatives against extremism.\n- Improving intelligence-sharing: Building frameworks.\n'
    const found = await check(ruleId, text)
    expect(found).toEqual([
      {
        ruleId,
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 16,
        reason: 'Unexpected lowercase `strengthening` at the start of a list item, expected `Strengthening`',
        expected: ['Strengthening'],
        fixable: true
      }
    ])
  })

  it('the text after a list label that starts lowercase where the other labelled items capitalize it', async () => {
    const text =
      'The plan has three parts.\n- Joint Military Training: Conducting regular exercises.\n- Information Sharing: establishing secure channels.\n- Resource Optimization: Pooling resources for logistics.\n'
    const found = await check(ruleId, text)
    expect(found.map(({ruleId, line, column, reason}) => ({ruleId, line, column, reason}))).toEqual([
      {ruleId, line: 3, column: 24, reason: 'Unexpected lowercase `establishing` after a list label, expected `Establishing`'}
    ])
  })

  it('in Markdown, a sentence in a paragraph wrapped over lines', async () => {
    expect(places(await check(ruleId, '# Title\n\nThe first sentence ends here.\nand the next one starts lowercase.\n', undefined, 'a.md'))).toEqual([[4, 1, 'And']])
  })
})

describe('sentence-capitalization: does not flag', () => {
  it.each([
    ['abbreviations that do not end a sentence', 'Many, e.g. the smaller states, agreed. U.S. officials and Mr. smith met.'],
    ['a unit after a number', 'It weighs 40 mg. daily and 3 lb. more, at 5 ft. in height, about 24-hr. periods.'],
    ['initials and dotted initialisms', 'Written by J. r. tolkien and the U.S. army in the a.m. hours.'],
    ['brands and names that start lowercase', 'Sales rose. iPhone sales doubled. eBay grew. de Gaulle said so. van Gogh painted it.'],
    ['a sentence that starts with a number or a quote', 'Prices rose. 3 people left. “the best,” he said. ‘and yet’ she wrote.'],
    ['a quotation ended by its own mark', '“Where?” he asked. “Stop!” she cried. (See above.) then it ended.'],
    ['an ellipsis', 'We waited... and waited. It went on… and on.'],
    ['emphatic doubled marks', 'Who is a linguist?? the one who asks. Really?! and then?'],
    ['code and URLs', 'Run `npm test. then` again. See https://example.com/a. then more.'],
    ['a lone variable letter', 'Let it be. x is the unknown.'],
    ['a short capitalized abbreviation no dictionary knows', 'The samples (on Ath. and Yok.) were positive.'],
    ['a short lowercase unit after a number, even one the dictionary knows', 'The band runs from 540 kc. to 1600 kc. and is busy.'],
    ['the rank before a biological epithet', 'Spores of B. subtilis, var. niger, and of Quercus spp. were used.']
  ])('%s', async (_name, text) => {
    expect(await check(ruleId, text + '\n')).toEqual([])
  })

  it('a list whose items all start lowercase, continuing a lead-in', async () => {
    expect(await check(ruleId, 'Key objectives include:\n- strengthening border security;\n- improving training;\n- sharing data.\n')).toEqual([])
  })

  it('labelled items whose text is lowercase in most of the list', async () => {
    expect(await check(ruleId, 'Terms:\n- Cost: the price paid.\n- Value: what it is worth.\n- Margin: The difference.\n')).toEqual([])
  })

  it('a hard-wrapped line in a text file, and a clause after its enumerator line', async () => {
    const text =
      'The report that the committee published was long and it covered many\ntopics that matter to the region.\n(B)\nconduct research on the findings.\n'
    expect(await check(ruleId, text)).toEqual([])
  })

  it('table cells and headings (heading-capitalization judges those)', async () => {
    const text = 'Intro text here.\n\n| Name | Role |\n|---|---|\n| defender 2023 | lead |\n'
    expect(await check(ruleId, text)).toEqual([])
  })

  it('with its options off', async () => {
    const text = 'Intro.\n- Alpha: One.\n- Beta: two.\n- Gamma: Three.\n- delta: Four.\n'
    expect(places(await check(ruleId, text))).toEqual([
      [3, 9, 'Two'],
      [5, 3, 'Delta']
    ])
    expect(await check(ruleId, text, {listItems: false, labelText: false})).toEqual([])
  })
})

describe('sentence-capitalization: options', () => {
  it('validates its options', () => {
    expect(validateOptions(rule.meta, {})).toEqual({listItems: true, labelText: true})
    expect(() => validateOptions(rule.meta, {listItems: 'yes'})).toThrow(OptionsError)
  })
})
