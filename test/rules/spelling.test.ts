import nspell from 'nspell'
import retextSpell from 'retext-spell'
import {describe, expect, it, vi} from 'vitest'
import {lint} from '../../src/lint.js'
import {check} from '../helpers.js'

// The real retext-spell and nspell, wrapped so that the tests can count how often a dictionary is built.
vi.mock('retext-spell', async (importOriginal) => {
  const real = (await importOriginal()) as {default: (...parameters: unknown[]) => unknown}
  return {default: vi.fn(real.default)}
})
vi.mock('nspell', async (importOriginal) => {
  const real = (await importOriginal()) as {default: (...parameters: unknown[]) => unknown}
  return {default: vi.fn(real.default)}
})

const words = (found: Array<{reason: string}>) => found.map(({reason}) => /`([^`]+)`/u.exec(reason)?.[1])

describe('spelling', () => {
  it('flags typos in lowercase words with place and bounded suggestions', async () => {
    const found = await check('spelling', 'A Short Heading\nThe implications of thes developments are clear, and we coudl see them.\n')
    expect(found).toMatchObject([
      {ruleId: 'spelling', line: 2, column: 21, endLine: 2, endColumn: 25, expected: expect.arrayContaining(['these'])},
      {ruleId: 'spelling', line: 2, column: 57, endColumn: 62, expected: ['could']}
    ])
    expect(found[1].reason).toBe('Unexpected unknown word `coudl`, expected for example `could`')
  })

  it('puts the suggestions in the text reporters print, and suggests through the apostrophe', async () => {
    const file = await lint('A Heading\nThey recieve it, but it doesn’t matter.\n', {filePath: 'a.txt', rules: {'repeated-words': 'off', 'punctuation-spacing': 'off'}})
    expect(file.messages.map((message) => [message.line, message.column, message.message])).toEqual([
      [2, 6, 'Unexpected unknown word `recieve`, expected for example `receive`, `relieve`']
    ])
  })

  it('checks words where capitals are automatic: table cells, list items, headings', async () => {
    const text = [
      'Operation | Description | Duration |',
      '---|---|---|',
      'KFOR | Stabilization Force in Kosovo | Sence 1999 |',
      '- Recieve the guests: everyone was welcome there.',
      'NATOs Strategic Objectives in the Western Balkans',
      'The alliance has set its objectives for the region and will meet them soon.'
    ].join('\n')
    const found = await check('spelling', text)
    expect(found.map(({line, column}) => [line, column])).toEqual([
      [3, 40],
      [4, 3],
      [5, 1]
    ])
    expect(words(found)).toEqual(['Sence', 'Recieve', 'NATOs'])
    expect(found[0].expected).toContain('Since')
  })

  it('leaves names, acronyms, possessives, diacritics, digits, URLs and code alone', async () => {
    const text = [
      'In a pivotal meeting, Secretary General Jens Stoltenberg met Milo Đukanović in Tirana.',
      'KFOR and NATO’s partners met in 2023; the COVID-19 plan and the F-35 order were discussed.',
      'Stoltenberg said the talks went well, and details are at https://example.com/statemnt.',
      'Read `recieve` as code, and write to press@exampel.org for more.'
    ].join('\n')
    expect(await check('spelling', text)).toEqual([])
    expect(await check('spelling', '# Notes\n\nThe `teh` value and [a link](http://exampel.com) are fine.\n', undefined, 'a.md')).toEqual([])
  })

  it('checks words between commas and after a colon, where retext-spell alone would read them as literals', async () => {
    const text = 'A Short Heading\nThere are, hoewver, some letters, chceks, deeds and things: acecpted.\n'
    const found = await check('spelling', text)
    expect(found.map(({line, column}) => [line, column])).toEqual([
      [2, 12],
      [2, 35],
      [2, 61]
    ])
    expect(words(found)).toEqual(['hoewver', 'chceks', 'acecpted'])
  })

  it('leaves alone a word mentioned alone in quotes or brackets', async () => {
    const text = 'A Short Heading\nThe cowboys called it “wohaw” and sometimes "wohaw", a plant (colchicum) too.\n'
    expect(await check('spelling', text)).toEqual([])
    // Quotes around more than one word are speech, not a mention: its words are checked.
    expect(words(await check('spelling', 'A Short Heading\nShe said “the wohaw ran” and left.\n'))).toEqual(['wohaw'])
  })

  it('accepts words from the personal dictionary', async () => {
    const text = 'A Short Heading\nThe skywave signal faded after the storm, as skywave signals do.\n'
    expect(words(await check('spelling', text))).toEqual(['skywave', 'skywave'])
    expect(await check('spelling', text, {words: ['skywave']})).toEqual([])
  })

  it('builds the dictionary once per run for each personal word list, not once per file', async () => {
    // retext-spell builds the checker; copydesk's suggester builds its own speller on its first suggestion.
    const built = () => [vi.mocked(retextSpell).mock.calls.length, vi.mocked(nspell).mock.calls.length]
    const [checkers, spellers] = built()
    const options = {filePath: 'a.txt', rules: {spelling: ['warn', {words: ['Zorblax']}] as ['warn', {words: string[]}]}}
    for (const text of ['One text with a tpyo.\n', 'Another text with a tpyo.\n', 'A third text with a tpyo.\n']) {
      expect((await lint(text, options)).messages.map((message) => message.expected)).toEqual([expect.arrayContaining(['typo'])])
    }
    expect(built()).toEqual([checkers + 1, spellers + 1])
    // Another config (so another processor) with the same word list shares both.
    await lint('Yet another tpyo.\n', {filePath: 'b.txt', rules: {...options.rules, 'repeated-words': 'off'}})
    expect(built()).toEqual([checkers + 1, spellers + 1])
    await lint('Yet another tpyo.\n', {filePath: 'b.txt', rules: {spelling: ['warn', {words: ['Zorblax', 'Quuxly']}]}})
    expect(built()).toEqual([checkers + 2, spellers + 2])
  })

  it('suggests words from the personal dictionary too', async () => {
    const found = await check('spelling', 'A Short Heading\nThe skywvae signal faded.\n', {words: ['skywave']})
    expect(found).toMatchObject([{line: 2, column: 5, expected: ['skywave']}])
  })
})
