import {describe, expect, it} from 'vitest'
import {decodeArticle, firstInvalidUtf8} from '../src/read.js'

/** Where a strict decoder first fails: the longest prefix that decodes, by bisection over prefixes that end on a whole character. */
function referenceFirstInvalid(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', {fatal: true})
  const decodes = (end: number) => {
    try {
      decoder.decode(bytes.subarray(0, end))
      return true
    } catch {
      return false
    }
  }
  if (decodes(bytes.length)) return -1
  // The first invalid byte is the start of the first sequence that no longer decodes.
  let index = 0
  while (index < bytes.length) {
    let length = 1
    while (length <= 4 && index + length <= bytes.length && !decodes(index + length)) length++
    if (length > 4 || index + length > bytes.length) return index
    index += length
  }
  return -1
}

describe('firstInvalidUtf8', () => {
  it('finds no invalid byte in valid text, ASCII or not', () => {
    for (const text of ['', 'plain', 'Kosovo’s “security” — 2,000 €', 'emoji 🙂 and 𝔘nicode', 'ß'.repeat(5000)]) {
      expect(firstInvalidUtf8(new TextEncoder().encode(text))).toBe(-1)
    }
  })

  it('names the first byte of overlong forms, surrogates, stray continuations, truncated sequences and bytes past U+10FFFF', () => {
    const cases: Array<[number[], number]> = [
      [[0x61, 0xc0, 0x80], 1],
      [[0x61, 0x62, 0xe0, 0x80, 0x80], 2],
      [[0xed, 0xa0, 0x80], 0],
      [[0x61, 0x80], 1],
      [[0x61, 0xe2, 0x82], 1],
      [[0xf4, 0x90, 0x80, 0x80], 0],
      [[0xf5, 0x80, 0x80, 0x80], 0],
      [[0x4c, 0x61, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20], 6]
    ]
    for (const [bytes, index] of cases) expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(index)
  })

  it('agrees with a strict decoder on random bytes', () => {
    let state = 7
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
    const pool = [0x41, 0x20, 0x80, 0xbf, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x90]
    for (let trial = 0; trial < 3000; trial++) {
      const bytes = Uint8Array.from({length: 1 + Math.floor(random() * 12)}, () => pool[Math.floor(random() * pool.length)])
      expect(firstInvalidUtf8(bytes), String([...bytes])).toBe(referenceFirstInvalid(bytes))
    }
  })
})

describe('decodeArticle', () => {
  it('decodes a view into a larger buffer without the bytes around it', () => {
    const whole = new TextEncoder().encode('xxHello, world.\nyy')
    expect(String(decodeArticle(whole.subarray(2, 16), 'a.txt').value)).toBe('Hello, world.\n')
  })
})
