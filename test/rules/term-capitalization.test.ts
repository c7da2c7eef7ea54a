import {describe, expect, it} from 'vitest'
import rule from '../../rules/term-capitalization.js'
import {lint} from '../../src/lint.js'
import {OptionsError, validateOptions} from '../../src/rule.js'
import {check, type Found} from '../helpers.js'

const ruleId = 'term-capitalization'

/** `[line, column, expected]` of each finding. */
const places = (found: Found[]) => found.map(({line, column, expected}) => [line, column, expected?.[0]])

describe('term-capitalization: flags', () => {
  it('a name written lowercase where the document capitalizes it, naming where', async () => {
    const text = 'Kosovo and Albania met. Leaders of Kosovo agreed.\nThey met in Albania, kosovo, and Croatia.\n'
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 2, column: 22, endLine: 2, endColumn: 28, reason: 'Unexpected `kosovo`, expected `Kosovo`', expected: ['Kosovo'], fixable: true}
    ])
    const file = await lint(text, {rules: {spelling: 'off'}})
    expect(file.messages.find((message) => message.ruleId === ruleId)?.note).toBe('as on line 1.')
  })

  it('a proper noun the dictionary knows only capitalized, even once', async () => {
    expect(places(await check(ruleId, 'The talks resume in december with the other parties.\nThey spoke in english.\n'))).toEqual([
      [1, 21, 'December'],
      [2, 15, 'English']
    ])
  })

  it('a word lowercased inside a capitalized name (multi-word names)', async () => {
    const text =
      'Security in the Western Balkans matters. The Western Balkans face threats.\nNATO’s approach in the western Balkans and in the Western balkans works.\n'
    expect(places(await check(ruleId, text))).toEqual([
      [2, 24, 'Western'],
      [2, 59, 'Balkans']
    ])
  })

  it('a word lowercased between capitalized words of a name given in a heading', async () => {
    const text =
      'The talks went well.\nKey Objectives of the Trilateral Defense Cooperation Agreement\nThe Trilateral defense Cooperation Agreement aims to strengthen stability.\n'
    expect(await check(ruleId, text)).toEqual([
      {
        ruleId,
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 23,
        reason: 'Unexpected `defense`, expected `Defense`',
        expected: ['Defense'],
        fixable: true
      }
    ])
  })

  it('an unknown word before a word that ends an organization’s name', async () => {
    expect(places(await check(ruleId, 'The agreement, reported by anadolu Agency, is signed.\n'))).toEqual([[1, 28, 'Anadolu']])
  })

  it('a name that is also a common word, beside a name, where the document writes it capitalized', async () => {
    const text = 'Nick Bishop came. Then Nick Bishop left. Later Nick and Stanley Bishop returned.\nBelow decks, Stanley bishop wrote home.\n'
    expect(places(await check(ruleId, text))).toEqual([[2, 22, 'Bishop']])
  })

  it('a possessive, keeping its ending', async () => {
    expect(places(await check(ruleId, 'Leaders of Kosovo signed.\nThey praised kosovo’s role.\n'))).toEqual([[2, 14, 'Kosovo’s']])
  })
})

describe('term-capitalization: certain fixes', () => {
  it('only where the document writes the word capitalized; the dictionary alone only suggests', async () => {
    const text = 'They spoke in english. My name is Dandy Brandon, missy.\nThe Kosovo talks met. Leaders of Kosovo agreed.\nThey met in kosovo.\n'
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 1, column: 15, endLine: 1, endColumn: 22, reason: 'Unexpected `english`, expected `English`', expected: ['English']},
      {ruleId, line: 1, column: 50, endLine: 1, endColumn: 55, reason: 'Unexpected `missy`, expected `Missy`', expected: ['Missy']},
      {ruleId, line: 3, column: 13, endLine: 3, endColumn: 19, reason: 'Unexpected `kosovo`, expected `Kosovo`', expected: ['Kosovo'], fixable: true}
    ])
  })
})

describe('term-capitalization: does not flag', () => {
  it.each([
    ['ordinary words capitalized at a sentence start or in a title-case heading', 'The talks ended.\nThe Big Plan for the Region\nThe plan is big and the region agrees.'],
    ['words that are both names and common words', 'Bill signed the bill. In March they march. We asked the US to help us. China sent fine china.'],
    ['a common word lowercase that is capitalized only at sentence starts and in labels', 'Intro here.\n- Cyber Defense: Protect the net.\nWe face cyber threats.'],
    ['acronyms and all-caps emphasis', 'NATO met. The nato-style plan is VERY good. It was very good.'],
    ['code, URLs and domains', 'Kosovo met. Visit kosovo.example.com or `kosovo` or https://x.com/kosovo today.'],
    ['a word mentioned in quotes', 'Kosovo met. The word “kosovo” is lowercase here.'],
    ['name particles', 'Charles de Gaulle and Vincent van Gogh met Daphne du Maurier.'],
    ['phrases of another language', 'He had carte blanche, his alma mater said, and a charlotte russe.'],
    ['words used as adjectives before a noun', 'She used epsom salts and kraft paper with gum arabic.'],
    ['a name the document writes lowercase more often than capitalized', 'The andrena bee. An andrena nests. Andrena is a genus. Most andrena fly.'],
    ['an unknown word after a name (a verb the dictionary lacks)', 'Killpath nasaled a reply.'],
    ['function words capitalized inside a title', 'He quoted Wings Of Poesy. He spoke of it.'],
    ['institutions and regions with an article, also common nouns', 'The House met. The House voted. The House agreed. The House rose. The House left.\nHe was the favorite guest of the house.'],
    ['elisions', 'He saw Darin there. A darin’ rider came.'],
    ['a common word capitalized only inside longer names', 'The United States met. Then the United States led and the United States won.\nThey lived in the Northern states and in the West.'],
    ['a common noun capitalized for dignity after a possessive or demonstrative', 'We serve our Nation. We defend our Nation and honor our Nation, for our Nation calls and our Nation waits.\nFrom their ideas was born a new nation.'],
    ['the epithet of a biological name', 'Spores of B. subtilis, var. niger, were aerosolized over Niger.']
  ])('%s', async (_name, text) => {
    expect(await check(ruleId, text + '\n')).toEqual([])
  })

  it('a lone word whose only capitals are inside a longer name, while a word lowercased inside a name still counts', async () => {
    const text = 'He drank the Grands Crus of Burgundy. He had recourse to crus of less renown.\nMiss Litz danced. Later Miss litz spoke.\n'
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 2, column: 30, endLine: 2, endColumn: 34, reason: 'Unexpected `litz`, expected `Litz`', expected: ['Litz']}
    ])
  })

  it('a common noun that ends a name, used generically where the document also writes it lowercase', async () => {
    const text =
      'They met at the Catholic Church in Rome and the Catholic Church in Paris. Later a Catholic church in Slough held a mass, and the church was full.\n' +
      'We read Hart Crane and Hart Crane again, then Hart crane.\n'
    // `crane` is lowercase only in the name: a slip, and the document's own form makes the fix certain.
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 2, column: 52, endLine: 2, endColumn: 57, reason: 'Unexpected `crane`, expected `Crane`', expected: ['Crane'], fixable: true}
    ])
  })

  it('a common noun before `of` and a name of its own', async () => {
    const text = 'He met the Government of India on Monday and the Government of India agreed; then the government of India replied.\n'
    expect(await check(ruleId, text)).toEqual([])
  })

  it('derived adjectives and words after an article, on dictionary evidence alone', async () => {
    const text = 'He was never utopian. Her taste was gothic. That view is marxist.\nHe addressed the sanhedrin, then spoke in english.\n'
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 2, column: 43, endLine: 2, endColumn: 50, reason: 'Unexpected `english`, expected `English`', expected: ['English']}
    ])
  })

  it('the words of its allow option', async () => {
    expect(await check(ruleId, 'They met in december.\n', {allow: ['December']})).toEqual([])
  })
})

describe('term-capitalization: options', () => {
  it('validates its options', () => {
    expect(validateOptions(rule.meta, {})).toEqual({allow: []})
    expect(() => validateOptions(rule.meta, {allow: 'web'})).toThrow(OptionsError)
  })
})
