import {describe, expect, it} from 'vitest'
import {caseOf, findCase, lowerCased} from '../../src/capitalization/case.js'
import {isCapitalized} from '../../rules/spelling/names.js'
import {isLetterOrDigit, isSpaceCode} from '../../src/capitalization/characters.js'
import {afterNumber, stopKind, wordStartBefore} from '../../src/capitalization/abbreviations.js'
import {placeOf, type WordPlace} from '../../src/capitalization/words.js'

/** A generator of random strings over `alphabet`, the same on every run. */
function randomTexts(alphabet: string[], count: number, longest: number): string[] {
  let seed = 11
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % alphabet.length
  const texts: string[] = []
  for (let round = 0; round < count; round++) {
    let text = ''
    for (let length = 1 + (round % longest); length > 0; length--) text += alphabet[next()]
    texts.push(text)
  }
  return texts
}

// The expressions the character-code tests stand in for, as they were written before.
const wordStartByExpression = (text: string, dot: number): number => {
  let start = dot
  while (start > 0 && /[\p{L}\p{M}\p{N}.'’]/u.test(text[start - 1])) start--
  return start
}

const placeByExpressions = (text: string, index: number): WordPlace => {
  const openers = new Set(['“', '‘', '"', "'", '(', '[', '«', '¿', '¡'])
  const closers = new Set(['”', '’', '"', "'", ')', ']', '»'])
  let at = index - 1
  let quoted = false
  while (at >= 0 && (/\s/u.test(text[at]) || openers.has(text[at]))) {
    if (openers.has(text[at])) quoted = true
    at--
  }
  if (quoted) return 'optional'
  if (at < 0) return 'start'
  const mark = text[at]
  if (mark === '…' || (mark === '.' && text[at - 1] === '.')) return 'optional'
  if (mark === '.') {
    const kind = stopKind(text, at)
    return kind === 'sentence' ? 'start' : kind === 'abbreviation' ? 'mid' : 'optional'
  }
  if (mark === '!' || mark === '?') return /[!?]/u.test(text[at - 1] ?? '') ? 'optional' : 'start'
  if (closers.has(mark) && /[.!?…]\s*$/u.test(text.slice(Math.max(0, at - 3), at))) return 'optional'
  if (mark === ':' || mark === '—' || mark === '–' || (mark === '-' && text[at - 1] === '-')) return 'optional'
  return 'mid'
}

describe('character tests by code', () => {
  it('isSpaceCode is /\\s/u on every UTF-16 code unit', () => {
    for (let code = 0; code <= 0xffff; code++) expect([code, isSpaceCode(code)]).toEqual([code, /\s/u.test(String.fromCharCode(code))])
  })

  it('isLetterOrDigit is /^[\\p{L}\\p{N}]$/u on every code point of the first two planes, asked twice', () => {
    const expression = /^[\p{L}\p{N}]$/u
    for (const round of [1, 2]) {
      for (let code = 0; code < 0x20000; code++) {
        const expected = expression.test(String.fromCodePoint(code))
        if (isLetterOrDigit(code) !== expected) expect([round, code.toString(16), isLetterOrDigit(code)]).toEqual([round, code.toString(16), expected])
      }
    }
  })

  it('isCapitalized is /^\\p{Lu}/u on every first character', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const word = String.fromCharCode(code) + 'x'
      expect([code, isCapitalized(word)]).toEqual([code, /^\p{Lu}/u.test(word)])
    }
    for (const word of ['', '𝐀bc', '𝐚bc', '\uD835']) expect(isCapitalized(word)).toBe(/^\p{Lu}/u.test(word))
  })

  it('caseOf is findCase, with or without its ASCII shortcut', () => {
    const alphabet = ['a', 'z', 'A', 'Z', '0', '9', '.', '-', "'", '’', 's', 'é', 'É', 'ǅ', '_']
    for (const word of randomTexts(alphabet, 20_000, 8)) expect([word, caseOf(word)]).toEqual([word, findCase(word)])
  })

  it('lowerCased is toLowerCase', () => {
    for (const word of ['nato', 'NATO', 'Kosovo', 'e.g', 'don’t', 'ǅemal', 'Ⅻ', 'İstanbul', 'ΟΔΟΣ', 'straße', '3rd', '', 'x-Y']) expect(lowerCased(word)).toBe(word.toLowerCase())
  })
})

describe('stopKind', () => {
  const alphabet = ['a', 'M', 'i', 'n', '5', '٣', '𝟓', '.', "'", '’', ' ', '\u00a0', '\u2003', '-', '\n', 'é', 'e\u0301', '𝐀', '\uD800', '\uDFD3', ',', '(']

  it('finds the word before a stop as the expression did', () => {
    for (const text of randomTexts(alphabet, 20_000, 10)) {
      const withStop = `${text}.`
      expect([withStop, wordStartBefore(withStop, text.length)]).toEqual([withStop, wordStartByExpression(withStop, text.length)])
    }
  })

  it('finds a number before a word as the expression did', () => {
    for (const text of randomTexts(alphabet, 20_000, 10)) {
      for (let end = 0; end <= text.length; end++) expect([text, end, afterNumber(text, end)]).toEqual([text, end, /\p{N}[\s-]*$/u.test(text.slice(0, end))])
    }
  })

  it('tells sentence ends from abbreviations', () => {
    expect(['threats. By', 'Mr. Smith', 'etc. and', 'U.S. officials', '5 in. long', 'come in. Then'].map((text) => stopKind(text, text.indexOf('.')))).toEqual([
      'sentence', 'abbreviation', 'unclear', 'unclear', 'unclear', 'sentence'
    ])
  })
})

describe('placeOf', () => {
  it('places a word as the expressions did', () => {
    const alphabet = ['a', 'W', '5', ' ', '\u00a0', '\n', '.', '..', '…', '!', '?', ':', '—', '–', '-', '“', '”', '‘', '’', '"', "'", '(', ')', '[', ']', '«', '»', '¿', '¡', ',', 'Mr.', 'etc.', 'U.S.']
    for (const text of randomTexts(alphabet, 20_000, 8)) {
      const withWord = `${text}word`
      const index = text.length
      expect([withWord, placeOf(withWord, index)]).toEqual([withWord, placeByExpressions(withWord, index)])
    }
  })
})
