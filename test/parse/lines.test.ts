import {describe, expect, it} from 'vitest'
import {lineAt, linesStartingIn, splitLines, type Line} from '../../src/parse/lines.js'

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
