import {location} from 'vfile-location'
import {describe, expect, it} from 'vitest'
import {LinePoints, lineAt, lineEndingOf, linesStartingIn, splitLines, wordCount, type Line} from '../../src/parse/lines.js'
import {generatedWords, generator, randomTexts} from '../helpers.js'

describe('lineAt and linesStartingIn', () => {
  // What the binary searches stand in for: a scan of every line.
  const scanAt = (lines: Line[], offset: number) => lines.find((line) => line.start <= offset && offset <= line.start + line.text.length)
  const scanIn = (lines: Line[], from: number, to: number) => lines.filter((line) => line.start >= from && line.start < to)

  it('find the line holding an offset, its end included, and none in a line ending', () => {
    const lines = splitLines('ab\r\ncd\n\nef')
    expect(lineAt(lines, 0)?.text).toBe('ab')
    expect(lineAt(lines, 2)?.text).toBe('ab')
    expect(lineAt(lines, 3)).toBeUndefined()
    expect(lineAt(lines, 4)?.text).toBe('cd')
    expect(lineAt(lines, 7)?.text).toBe('')
    expect(lineAt(lines, 10)?.text).toBe('ef')
    expect(lineAt(lines, 11)).toBeUndefined()
  })

  it('agree with a scan of every line at every offset and range', () => {
    for (const text of ['', 'a', 'one\ntwo\r\n\r\nthree\rfour\n', '\n\n\n', '- a\n- b\n\n  c\n']) {
      const lines = splitLines(text)
      for (let offset = -1; offset <= text.length + 1; offset++) {
        expect(lineAt(lines, offset)).toBe(scanAt(lines, offset))
        for (let to = offset - 1; to <= text.length + 1; to++) expect(linesStartingIn(lines, offset, to)).toEqual(scanIn(lines, offset, to))
      }
    }
  })
})

describe('line scans', () => {
  const texts = [...randomTexts(21, 500), '', '\n', '\r', '\r\n', '\n\r', 'a\r\r\nb\n\n', 'ends\r\n', 'x\r']

  it('splitLines splits where the regular expression of line endings matches', () => {
    for (const text of texts) {
      const expected: Line[] = []
      const ending = /\r\n|\n|\r/g
      let start = 0
      for (const match of text.matchAll(ending)) {
        expected.push({text: text.slice(start, match.index), start, number: expected.length + 1})
        start = match.index + match[0].length
      }
      if (start < text.length) expected.push({text: text.slice(start), start, number: expected.length + 1})
      expect(splitLines(text)).toEqual(expected)
    }
  })

  it('lineEndingOf counts CRLF and LF as matching them does', () => {
    for (const text of texts) {
      const crlf = text.match(/\r\n/g)?.length ?? 0
      const lf = text.match(/\n/g)?.length ?? 0
      expect(lineEndingOf(text)).toBe(crlf * 2 > lf ? '\r\n' : '\n')
    }
  })

  it('wordCount counts the matches of its expression', () => {
    const words = generatedWords(5, 2000)
    const phrases = words.map((word, index) => `${word} ${words[(index * 7) % words.length]}-${words[(index * 13) % words.length]}’s`)
    for (const text of [...texts, ...words, ...phrases, '𝐀𝐁 c', '\ud835', "-'a'-b--c '"]) {
      expect(wordCount(text), JSON.stringify(text)).toBe(text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0)
    }
  })

  it('LinePoints gives the points vfile-location gives, in any order of asking, and line 1 outside the text', () => {
    const random = generator(4)
    for (const text of texts) {
      const place = location(text)
      const expected = (offset: number) => place.toPoint(offset) ?? {line: 1, column: 1, offset: 0}
      const points = new LinePoints(text)
      const toPoint = (offset: number) => points.pointAt(offset)
      const inOrder = Array.from({length: text.length + 3}, (_, index) => index - 1)
      const shuffled = inOrder.map((offset) => (random() < 0.5 ? offset : Math.floor(random() * (text.length + 3)) - 1))
      for (const offset of [...inOrder, ...shuffled, Number.NaN, 1.5]) expect(toPoint(offset)).toEqual(expected(offset))
    }
  })
})
