import {describe, expect, it} from 'vitest'
import {wordAt, wordRanges, type ProseWord} from '../../src/capitalization/words.js'

// The scanner stands in for this pattern: it must find exactly its matches.
const pattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.-][\p{L}\p{M}\p{N}]+)*/gu
const byPattern = (text: string): Array<[number, number]> => [...text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length])

describe('wordRanges', () => {
  it('finds words with inner apostrophes, dots and hyphens, not the marks at their edges', () => {
    const text = "NATO’s U.S. long-term 'quoted' e.g. end- -start don't."
    expect(wordRanges(text).map(([start, end]) => text.slice(start, end))).toEqual(['NATO’s', 'U.S', 'long-term', 'quoted', 'e.g', 'end', 'start', "don't"])
  })

  it('reads combining marks, astral letters and lone surrogates as the pattern does', () => {
    for (const text of ['e\u0301te\u0301', '\u0301abc', '𝐀𝐁c-𝐃', '😀word😀', 'a\uD800b', '\uDC00x', 'ǅemal', '٣٤ and ß', 'a’\u0301b', 'x.'])
      expect(wordRanges(text)).toEqual(byPattern(text))
  })

  it('agrees with the pattern on random text of tricky characters', () => {
    const alphabet = ['a', 'Z', '0', "'", '’', '.', '-', ' ', 'é', 'e\u0301', '\u0301', '𝐀', '😀', '\uD800', '\uDC00', 'ǅ', '٣', '_', '—', '\n']
    let seed = 7
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % alphabet.length
    for (let round = 0; round < 20_000; round++) {
      let text = ''
      for (let length = 1 + (round % 12); length > 0; length--) text += alphabet[next()]
      expect(wordRanges(text)).toEqual(byPattern(text))
    }
  })
})

describe('wordAt', () => {
  it('is the word at an index inside the list, and undefined outside it, as indexing gives', () => {
    const words = [{text: 'a'}, {text: 'b'}, {text: 'c'}] as unknown as ProseWord[]
    for (let index = -3; index <= 5; index++) expect(wordAt(words, index)).toBe(words[index])
    expect(wordAt([], 0)).toBeUndefined()
  })
})
