import nspell from 'nspell'
import {describe, expect, it, vi} from 'vitest'
import {lint, lintFiles} from '../../src/lint.js'
import {check, temporaryFolders, type Found} from '../helpers.js'

// The real nspell, wrapped so that the tests can count how often a dictionary is built.
vi.mock('nspell', async (importOriginal) => {
  const real = (await importOriginal()) as {default: (...parameters: unknown[]) => unknown}
  return {default: vi.fn(real.default)}
})

const folder = temporaryFolders('copydesk-spelling-')

/** A heading and a paragraph, so that the text reads as an article. */
const article = (...lines: string[]) => ['A Short Heading', ...lines].join('\n') + '\n'

/** The reported words with their line and column. */
const flagged = (found: Found[]) => found.map(({reason, line, column}) => [/`([^`]+)`/u.exec(reason)?.[1], line, column])

/** Line and 1-based column of the `nth` whole-word `word` in `text`. */
function at(text: string, word: string, nth = 0): [number, number] {
  const lines = text.split('\n')
  const pattern = new RegExp(`(?<![\\p{L}’'])${word}(?![\\p{L}])`, 'gu')
  let seen = 0
  for (const [index, line] of lines.entries()) {
    for (const match of line.matchAll(pattern)) if (seen++ === nth) return [index + 1, match.index + 1]
  }
  throw new Error(`no ${word} in the text`)
}

/** Asserts that spelling reports exactly `words`, in order, each at its place in `text`. */
const expectFlagged = async (text: string, words: string[], options?: unknown) => {
  const found = await check('spelling', text, options)
  expect(found.every(({ruleId}) => ruleId === 'spelling')).toBe(true)
  const seen = new Map<string, number>()
  expect(flagged(found)).toEqual(
    words.map((word) => {
      const nth = seen.get(word) ?? 0
      seen.set(word, nth + 1)
      return [word, ...at(text, word, nth)]
    })
  )
  return found
}

describe('spelling: typos stay caught', () => {
  it('flags transposed, dropped, doubled and vowel slips in lowercase words, with place and suggestions', async () => {
    const text = article('The implications of thes developments are clear, and we coudl see them.', 'They shuld recieve a carreer award, seperate from the rest.')
    const found = await expectFlagged(text, ['thes', 'coudl', 'shuld', 'recieve', 'carreer', 'seperate'])
    expect(found[0]).toMatchObject({line: 2, column: 21, endLine: 2, endColumn: 25})
    expect(found[0].expected).toContain('these')
    expect(found[1].reason).toBe('Unexpected unknown word `coudl`, expected for example `could`')
    expect(found.map(({expected}) => expected?.[0])).toEqual(['this', 'could', 'should', 'receive', 'career', 'separate'])
    // Suggestions are offered, never applied: a person chooses.
    expect(found.some(({fixable}) => fixable)).toBe(false)
  })

  it('flags words next to punctuation, between commas, after colons and in quotes of several words', async () => {
    const text = article('There are, hoewver, some letters, chceks, deeds and things: acecpted.', 'She said “the wrod ran” and left (mosst of it).')
    await expectFlagged(text, ['hoewver', 'chceks', 'acecpted', 'wrod', 'mosst'])
  })

  it('checks words where capitals are automatic: table cells, list items, headings, sentence starts', async () => {
    const text = [
      'Operation | Description | Duration |',
      '---|---|---|',
      'KFOR | Stabilization Force in Kosovo | Sence 1999 |',
      '- Recieve the guests: everyone was welcome there.',
      'Strategic Objectvies in the Western Balkans',
      'The alliance has set its objectives for the region. Teh rest will follow soon enough.'
    ].join('\n')
    const found = await expectFlagged(text, ['Sence', 'Recieve', 'Objectvies', 'Teh'])
    expect(found[0].expected?.[0]).toBe('Since')
  })

  it('reports a transposition even where the word could be read as a formation or is used twice', async () => {
    // `depeer` is also `de` + `peer`; `thier` twice is still a slip of `their`.
    await expectFlagged(article('The water got depeer as thier boat and thier oars sank.'), ['depeer', 'thier', 'thier'])
  })

  it('flags transpositions of common short words, and only those', async () => {
    await expectFlagged(article('We went to teh market adn bought bread, et cetera, de facto.'), ['teh', 'adn'])
  })
})

describe('spelling: names and other look-alikes are not typos', () => {
  it('leaves names, acronyms, possessives, diacritics, digits, URLs and code alone', async () => {
    const text = article(
      'In a pivotal meeting, Secretary General Jens Stoltenberg met Milo Đukanović in Tirana.',
      'Tirana hosted the talks. KFOR and NATO’s partners met in 2023; the COVID-19 plan and the F-35 order were discussed.',
      'Stoltenberg said the talks went well, and details are at https://example.com/statemnt and www.exampel.org.',
      'Read `recieve` as code, write to press@exampel.org, and see the iPhone and McDonald’s notes.'
    )
    expect(await check('spelling', text)).toEqual([])
    expect(await check('spelling', '# Notes\n\nThe `teh` value and [a link](http://exampel.com) are fine.\n', undefined, 'a.md')).toEqual([])
  })

  it('leaves a lowercase proper noun to term-capitalization', async () => {
    expect(await check('spelling', article('It happened in december, when english troops met them in Kosovo and kosovo.'))).toEqual([])
  })

  it('reads curly and straight apostrophes alike', async () => {
    expect(await check('spelling', article('It doesn’t matter, it doesn\'t, and they’re sure they\'ll come; the people’s choice.'))).toEqual([])
    await expectFlagged(article('It dosen’t matter and it dosen\'t help.'), ['dosen’t', "dosen't"])
  })

  it('accepts hyphenated compounds of known words and prefixes, and flags a typo inside one', async () => {
    const text = article('A well-known, pre-existent, co-ordinated and hodge-podge plan, non-binding and self-evident.')
    expect(await check('spelling', text)).toEqual([])
    await expectFlagged(article('A well-knwon plan.'), ['well-knwon'])
  })

  it('leaves coinages and regular formations alone: no dictionary word is one slip away, or the stem is known', async () => {
    const text = article(
      'Peacebuilding and demythologization need givenness, nonmythological oxygens and presentness.',
      'He was givin nothin, and cowhand’d know it; they’d seen ’em come, o’ course.'
    )
    expect(await check('spelling', text)).toEqual([])
  })

  it('leaves abbreviations with their full stop and a word mentioned alone in quotes or brackets', async () => {
    expect(await check('spelling', article('It weighs 5 lb. and costs $2, etc. and so on, cf. the table.'))).toEqual([])
    expect(await check('spelling', article('The cowboys called it “wohaw” and sometimes "wohaw", a plant (colchicum) too.'))).toEqual([])
  })

  it('takes a word the document uses twice, without a transposition, as meant', async () => {
    const text = article('The titers rose, and the titers fell again.')
    expect(await check('spelling', text)).toEqual([])
    await expectFlagged(article('The titers rose.'), ['titers'])
  })

  it('in a document that spells many words its own way (dialect, archaic quotes), reports only transpositions', async () => {
    const archaic =
      'I thinke the greate feare of the sheepe is wheare they heare the hosses, and whoe forgit the tyme they sayed it: ' +
      'himselfe, beinge in the countrey, did prevaile.'
    // Alone, one such word is a slip.
    await expectFlagged(article('I thinke it will rain.'), ['thinke'])
    await expectFlagged(article(archaic, 'But we coudl be wrong.'), ['coudl'])
  })

  it('does not suggest for a long unknown name, and answers in milliseconds', async () => {
    const started = performance.now()
    expect(await check('spelling', article('Yesterday Wojciechowskiewiczowa spoke, and Wojciechowskiewiczowa left.'))).toEqual([])
    expect(await check('spelling', article('The xqzvwjkplmnbrtsdfgh was there.'))).toEqual([])
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('spelling: dictionaries and vocabularies', () => {
  it('accepts British and US spellings by default, and only one variety when asked', async () => {
    const text = article('The colour of the defence and the color of the defense.')
    expect(await check('spelling', text)).toEqual([])
    const us = await expectFlagged(text, ['colour', 'defence'], {language: 'en-US'})
    expect(us.map(({reason}) => reason)).toEqual(['Unexpected British spelling `colour`, expected `color`', 'Unexpected British spelling `defence`, expected `defense`'])
    const gb = await expectFlagged(text, ['color', 'defense'], {language: 'en-GB'})
    expect(gb.map(({expected}) => expected)).toEqual([['colour'], ['defence']])
  })

  it('accepts words from the personal dictionary, and suggests them', async () => {
    const text = article('The skywave signal faded after the storm, as skywaev signals do.')
    expect(flagged(await check('spelling', text, {words: ['skywave']}))).toEqual([['skywaev', ...at(text, 'skywaev')]])
    expect((await check('spelling', text, {words: ['skywave']}))[0].expected).toEqual(['skywave'])
    expect(await check('spelling', text, {words: ['skywave', 'skywaev']})).toEqual([])
  })

  it('flags rejected terms, with a certain fix when the replacement is given', async () => {
    const text = article('Irregardless of the judgement, the Judgement stands.')
    const found = await check('spelling', text, {reject: ['irregardless', 'judgement=judgment']})
    expect(found).toEqual([
      {ruleId: 'spelling', line: 2, column: 1, endLine: 2, endColumn: 13, reason: 'Unexpected rejected term `Irregardless`'},
      {ruleId: 'spelling', line: 2, column: 21, endLine: 2, endColumn: 30, reason: 'Unexpected rejected term `judgement`, expected `judgment`', expected: ['judgment'], fixable: true},
      {ruleId: 'spelling', line: 2, column: 36, endLine: 2, endColumn: 45, reason: 'Unexpected rejected term `Judgement`, expected `Judgment`', expected: ['Judgment'], fixable: true}
    ])
  })

  it('reads .copydesk-words.txt upward from each file: accepted words and rejected terms', async () => {
    const dir = folder({
      '.copydesk-words.txt': '# house words\nhosses\n!judgement=judgment  # house style\n',
      'news/a.txt': article('The hosses and the judgement.')
    })
    const [file] = await lintFiles(['news/a.txt'], {cwd: dir, rules: {'repeated-words': 'off', 'punctuation-spacing': 'off'}})
    expect(file.messages.map(({line, column, reason, fixable}) => [line, column, reason, fixable])).toEqual([
      [2, 20, 'Unexpected rejected term `judgement`, expected `judgment`', true]
    ])
    const elsewhere = folder({'a.txt': article('The hosses and the judgement.')})
    const [other] = await lintFiles(['a.txt'], {cwd: elsewhere, rules: {'repeated-words': 'off', 'punctuation-spacing': 'off'}})
    expect(other.messages.map(({line, column, ruleId}) => [line, column, ruleId])).toEqual([[2, 5, 'spelling']])
  })

  it('builds each dictionary once per run and word list, whatever the number of files and configs', async () => {
    const built = () => vi.mocked(nspell).mock.calls.length
    const options = {filePath: 'a.txt', rules: {spelling: ['warn', {words: ['Zorblax']}] as ['warn', {words: string[]}]}}
    const before = built()
    for (const text of ['One text with a tpyo.\n', 'Another text with a tpyo.\n', 'A third text with a tpyo.\n']) {
      expect((await lint(text, options)).messages.map((message) => message.expected?.[0])).toEqual(['typo'])
    }
    // The US and British dictionaries, with the word list.
    expect(built()).toBe(before + 2)
    await lint('Yet another tpyo.\n', {filePath: 'b.txt', rules: {...options.rules, 'repeated-words': 'off'}})
    expect(built()).toBe(before + 2)
    await lint('Yet another tpyo.\n', {filePath: 'b.txt', rules: {spelling: ['warn', {words: ['Zorblax', 'Quuxly']}]}})
    expect(built()).toBe(before + 4)
  })
})
