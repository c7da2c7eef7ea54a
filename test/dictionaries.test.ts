import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {supplementWords} from '../rules/spelling/supplement.js'
import {lexicon, type Variety} from '../src/dictionaries.js'
import {hasNameEntry} from '../src/dictionary.js'
import {WordIndex} from '../src/word-index.js'
import {buildWordIndexes, buildWordTable, parseWordTable, type WordTable} from '../src/word-table.js'
import {lintFiles} from '../src/lint.js'
import {project, temporaryFolders} from './helpers.js'

interface RealSpeller {
  data: Record<string, unknown>
  correct(word: string): boolean
  personal(words: string): void
}

const require = createRequire(import.meta.url)
const nspell = require('nspell') as (dictionary: {aff: Buffer; dic: Buffer}) => RealSpeller
const packages: Record<Variety, string> = {'en-US': 'dictionary-en', 'en-GB': 'dictionary-en-gb'}

/** A speller built by nspell itself from the installed package, as copydesk did before the word table. */
function realSpeller(variety: Variety, personal: readonly string[]): RealSpeller {
  const folder = path.join(project, 'node_modules', packages[variety])
  const speller = nspell({aff: fs.readFileSync(path.join(folder, 'index.aff')), dic: fs.readFileSync(path.join(folder, 'index.dic'))})
  if (personal.length > 0) speller.personal([...new Set(personal)].sort().join('\n'))
  return speller
}

// Personal words of every kind: plain, modelled on a listed word, modelled on nothing, forbidden.
const personal = [...supplementWords, 'Zorblax', 'blog/S', 'walkathon/marathon', '*colour', '*Kosovo', 'irregardless/regard']

/** Words to ask about: every form of the dictionary in three cases, and cases nspell treats specially. */
function probes(speller: RealSpeller): string[] {
  const words = Object.keys(speller.data)
  const probes = [...words]
  for (const [index, word] of words.entries()) {
    if (index % 3 === 0) probes.push(word.toUpperCase(), word.toLowerCase(), word.charAt(0).toUpperCase() + word.slice(1), `${word}x`)
  }
  probes.push('', ' ', ' cat ', '21st', '11th', '1th', '111th', '22nd', 'abc21st', '2th', 'x1st', "don’t", 'DON’T', 'Don’t', 'kosovo', 'KOSOVO')
  probes.push('cyberattacks', 'Cyberattacks', 'CYBERATTACKS', 'walkathons', 'colours', 'Colour', 'COLOUR', 'ZORBLAX', 'zorblax', 'blogs', 'regardless')
  return probes
}

describe('lexicons read from the word table', () => {
  for (const variety of ['en-US', 'en-GB'] as const) {
    for (const words of [[], personal]) {
      it(`answer as nspell does: ${variety}, ${words.length > 0 ? 'with' : 'without'} personal words`, () => {
        const real = realSpeller(variety, words)
        const table = lexicon(variety, words)
        const differing = probes(real).filter((word) => table.knows(word) !== real.correct(word.replaceAll('’', "'")))
        expect(differing).toEqual([])
      })
    }
  }

  it('know a personal word only in the lexicon it was added to', () => {
    expect(lexicon('en-US', ['Zorblax']).knows('Zorblax')).toBe(true)
    expect(lexicon('en-US').knows('Zorblax')).toBe(false)
    expect(lexicon('en-US', ['*colour']).knows('color')).toBe(true)
    expect(lexicon('en-GB', ['*colour']).knows('colour')).toBe(false)
    expect(lexicon('en-GB').knows('colour')).toBe(true)
  })

  it('list the capitalized stems of the US dictionary', () => {
    expect(['china', 'warren', 'nick'].map(hasNameEntry)).toEqual([true, true, true])
    expect(['river', 'president'].map(hasNameEntry)).toEqual([false, false])
  })
})

describe('British words read after US files', () => {
  const folder = temporaryFolders('copydesk-dictionaries-')
  const british = 'A Short Heading\nThe colour of the defence, the organisation and its programme were praised by the centre.\n'
  const us = 'A Short Heading\nThe color of the defense and the organization were praised by the center.\n'

  it('give a British file the same findings whether US files came first or not', async () => {
    const summary = (files: Awaited<ReturnType<typeof lintFiles>>, name: string) =>
      files.find((file) => file.path?.endsWith(name))!.messages.map(({line, column, ruleId, reason}) => [line, column, ruleId, reason])
    const dir = folder({'a-us.txt': us, 'b-us.txt': us, 'z-gb.txt': british})
    const after = summary(await lintFiles(['a-us.txt', 'b-us.txt', 'z-gb.txt'], {cwd: dir}), 'z-gb.txt')
    const alone = summary(await lintFiles(['z-gb.txt'], {cwd: dir}), 'z-gb.txt')
    expect(after).toEqual(alone)
    // The British spellings are words: none is reported as a typo.
    expect(after.filter(([, , ruleId]) => ruleId === 'spelling')).toEqual([])
  })
})

describe('the word table files', () => {
  const text = buildWordTable()

  it('are what the build wrote from the installed dictionaries', () => {
    // `npm test` builds first, and the build writes the table and its indexes.
    expect(fs.readFileSync(path.join(project, 'dist/english-words.txt'), 'utf8')).toBe(text)
    expect(Buffer.from(buildWordIndexes(text)).equals(fs.readFileSync(path.join(project, 'dist/english-words.index')))).toBe(true)
  })

  it('find the same words with the indexes made beforehand as without them', () => {
    const withIndexes = parseWordTable(text, buildWordIndexes(text))!.table
    const without = parseWordTable(text)!.table
    const words = text.split('\n').flatMap((line) => [line.split('\t')[0], `${line}s`])
    for (const lookup of [(table: WordTable) => table.shared, (table: WordTable) => table.names, (table: WordTable) => table.varieties['en-GB'].words]) {
      const differing = words.filter((word) => lookup(withIndexes).has(word) !== lookup(without).has(word))
      expect(differing).toEqual([])
      expect(words.some((word) => lookup(withIndexes).has(word))).toBe(true)
    }
    expect(withIndexes.varieties['en-US'].codes.valueOf('map')).toBe(without.varieties['en-US'].codes.valueOf('map'))
    expect(withIndexes.varieties['en-US'].codes.valueOf('map')).toMatch(/^\w+$/u)
  })

  it('are indexed anew when the indexes are not for the table', () => {
    // Indexes that would find nothing (every slot empty), written for a table one character longer.
    const words = new Uint32Array(buildWordIndexes(text).slice().buffer)
    for (let at = 2; at < words.length; ) {
      at += 1 + words[at]
      words.fill(0, at + 1, at + 1 + words[at])
      at += 1 + words[at]
    }
    const bytes = new Uint8Array(words.buffer)
    expect(parseWordTable(text, bytes)!.table.shared.has('house')).toBe(false)
    words[1] += 1
    expect(parseWordTable(text, bytes)!.table.shared.has('house')).toBe(true)
  })
})

describe('WordIndex', () => {
  it('finds exactly the listed words, with their values', () => {
    const words = ['', 'a', 'ab', 'b', 'Zed', 'zed', 'zoo', 'é', 'ab\tcd', 'x\t']
    const list = new WordIndex(words.join('\n'))
    for (const word of ['', 'a', 'ab', 'b', 'Zed', 'zed', 'zoo', 'é', 'x']) expect(list.has(word)).toBe(true)
    for (const word of ['aa', 'abc', 'c', 'Z', 'zo', 'zoos', 'e', ' ', 'ab\tcd', 'cd']) expect(list.has(word)).toBe(false)
    expect([list.valueOf('zoo'), list.valueOf('x'), list.valueOf('q')]).toEqual(['', '', undefined])
    expect(new WordIndex('').has('a')).toBe(false)
    expect(new WordIndex('only').valueOf('only')).toBe('')
  })

  it('finds every word of a long list, where slots are shared and probed', () => {
    const words = Array.from({length: 5000}, (_, index) => `w${index.toString(36)}`)
    const list = new WordIndex(words.join('\n'))
    expect(words.every((word) => list.has(word))).toBe(true)
    expect(words.some((word) => list.has(`${word}-`))).toBe(false)
  })
})
