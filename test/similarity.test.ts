/** The similarity toolkit shared by the duplicate rules. */
import {describe, expect, it} from 'vitest'
import {
  contentWords,
  contentWordSet,
  estimatedJaccard,
  fingerprint,
  fingerprintOfWords,
  hashString,
  jaccard,
  minHashSignature,
  normalizedWords,
  normalizedWordsByPart,
  OverlapIndex,
  SignatureIndex,
  stem
} from '../src/similarity.js'

describe('normalizedWords', () => {
  it('sets aside case, accents, punctuation, spacing and quote style', () => {
    expect(normalizedWords('“Don’t”,  she said — in Tiranë!')).toEqual(["don't", 'she', 'said', 'in', 'tirane'])
    expect(normalizedWords('"DON\'T" she said in Tirane')).toEqual(["don't", 'she', 'said', 'in', 'tirane'])
  })

  it('keeps numbers as words', () => {
    expect(normalizedWords('It cost $2,000 in 2023 (3.5%).')).toEqual(['it', 'cost', '2', '000', 'in', '2023', '3', '5'])
  })
})

describe('normalizedWords of text with plain punctuation', () => {
  // The function as first written: every text with a character beyond ASCII decomposed, its marks
  // dropped and its apostrophes made straight, then matched with Unicode classes.
  const reference = (text: string): string[] => {
    if (!/[^\x00-\x7f]/u.test(text)) return text.toLowerCase().match(/[a-z\d]+(?:'[a-z\d]+)*/g) ?? []
    const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘ʼ`´]/gu, "'")
    return folded.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []
  }
  const plain = ['a', 'B', 'z', '7', 'Word', "'", '"', '.', ' ', '\n', '’', '‘', 'ʼ', '“', '”', '—', '–', '•', '…', '\u00a0', '«', '»']
  const pieces = [...plain, '`', '´', 'é', 'Σ', '½', '😀']

  it('finds the words the decomposing reference finds', () => {
    const next = random(3)
    for (let trial = 0; trial < 20_000; trial++) {
      // Mostly plain texts, some with characters that need decomposing (or a backtick, an apostrophe beside them).
      const choices = next() < 0.75 ? plain : pieces
      const text = Array.from({length: Math.floor(next() * 30)}, () => choices[Math.floor(next() * choices.length)]).join('')
      expect(normalizedWords(text)).toEqual(reference(text))
    }
  })
})

/** A seeded pseudo-random generator (mulberry32): the same cases on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let value = Math.imul(seed ^ (seed >>> 15), seed | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

describe('normalizedWordsByPart', () => {
  // Letters, digits, apostrophes of every style, marks, ligatures, sigma, spaces of every kind and
  // punctuation; texts mostly ASCII with a few others, some all ASCII (normalizedWords' fast path).
  const asciiPieces = ['a', 'B', 'z', '7', "'", '`', '"', '.', ',', '-', ' ', ' ', ' ', '\t', '\n', '\r\n', 'word', "don't"]
  const otherPieces = ['’', '‘', 'ʼ', '´', 'é', 'e\u0301', '\u0327', 'Σ', 'σ', 'İ', 'ﬁ', '½', 'ß', 'Đ', 'ć', '\u1fef', '“', '”', '—', '\u00a0', '\u2009', 'ΟΔΟΣ', 'don’t']
  const textOf = (next: () => number, length: number): string => {
    const others = next() * 0.5
    const piece = () => {
      const pieces = next() < others ? otherPieces : asciiPieces
      return pieces[Math.floor(next() * pieces.length)]
    }
    return Array.from({length}, piece).join('')
  }

  /** Parts `[start, end)` of `text` in order, cut anywhere. */
  const partsOf = (next: () => number, text: string): Array<[number, number]> => {
    const cuts = Array.from({length: Math.floor(next() * 8)}, () => Math.floor(next() * (text.length + 1))).sort((a, b) => a - b)
    const parts: Array<[number, number]> = []
    for (let index = 0; index + 1 < cuts.length; index += 2) parts.push([cuts[index], cuts[index + 1]])
    return parts
  }

  it('gives the words of the text and of each part, as normalizedWords gives them, or nothing', () => {
    const next = random(1)
    let answered = 0
    for (let trial = 0; trial < 20_000; trial++) {
      const text = textOf(next, Math.floor(next() * 30))
      const parts = partsOf(next, text)
      const found = normalizedWordsByPart(text, parts)
      if (!found) continue
      answered++
      expect(found.words).toEqual(normalizedWords(text))
      expect(found.parts.map(([from, to]) => found.words.slice(from, to))).toEqual(parts.map(([start, end]) => normalizedWords(text.slice(start, end))))
    }
    expect(answered).toBeGreaterThan(5_000)
  })

  it('answers for parts cut next to spaces in a text without backticks', () => {
    const sentences = ['“Don’t,” she said.', 'Σ ΟΔΟΣ is\tcafé-like.', 'It cost $2,000 in 2023.']
    const text = `${sentences[0]} ${sentences[1]}\n${sentences[2]} `
    const parts = sentences.map((sentence): [number, number] => [text.indexOf(sentence), text.indexOf(sentence) + sentence.length])
    expect(normalizedWordsByPart(text, parts)?.parts).toEqual([[0, 3], [3, 8], [8, 14]])
    expect(normalizedWordsByPart('a`b c', [[0, 3]])).toBeUndefined()
    expect(normalizedWordsByPart('ab cd', [[0, 1]])).toBeUndefined()
    expect(normalizedWordsByPart('ab cd', [[3, 5], [0, 2]])).toBeUndefined()
  })
})

describe('contentWords', () => {
  it('drops function words, strips common endings and keeps each word once', () => {
    expect(contentWords(normalizedWords('The partnerships and the partnership of the countries, training and trained troops'))).toEqual([
      'partnership',
      'country',
      'train',
      'troop'
    ])
  })

  it('takes a range of the words as their slice', () => {
    const words = normalizedWords('The partnerships and the partnership of the countries, training and trained troops')
    expect(contentWordSet(words, 2, 9)).toEqual(contentWordSet(words.slice(2, 9)))
  })

  it('leaves short words, words ending in -ss, -us, -is and words with digits alone', () => {
    expect(['news', 'class', 'status', 'analysis', 'f-35s', 'bus'].map(stem)).toEqual(['new', 'class', 'status', 'analysis', 'f-35s', 'bus'])
  })
})

describe('jaccard and MinHash', () => {
  const a = new Set(Array.from({length: 100}, (_, index) => `word${index}`))
  const b = new Set(Array.from({length: 100}, (_, index) => `word${index + 25}`))

  it('computes shared over all distinct words', () => {
    expect(jaccard(a, b)).toBe(75 / 125)
    expect(jaccard(new Set(), new Set())).toBe(1)
  })

  it('estimates the similarity from signatures within a few percent', () => {
    const estimate = estimatedJaccard(minHashSignature([...a]), minHashSignature([...b]))
    expect(Math.abs(estimate - 0.6)).toBeLessThan(0.15)
    expect(estimatedJaccard(minHashSignature([...a]), minHashSignature([...a].reverse()))).toBe(1)
    expect(estimatedJaccard(minHashSignature(['x', 'y']), minHashSignature(['p', 'q']))).toBeLessThan(0.1)
  })

  it('gives the same signature and fingerprint on every run (plain JSON strings)', () => {
    expect(minHashSignature(['alliance'])).toMatch(/^[\da-f]{256}$/u)
    expect(minHashSignature(['alliance'])).toBe(minHashSignature(['alliance']))
    expect(fingerprint('the alliance')).toMatch(/^[\da-f]{16}$/u)
    expect(fingerprint('the alliance')).not.toBe(fingerprint('the alliances'))
  })

  // The functions as first written (full 32-bit values, their top 16 bits written out afterwards,
  // two hashes in two passes): signatures and fingerprints are cached and passed between runs, so
  // every faster way of computing them must give exactly these strings.
  const mix = (value: number): number => {
    value ^= value >>> 16
    value = Math.imul(value, 0x85ebca6b)
    value ^= value >>> 13
    value = Math.imul(value, 0xc2b2ae35)
    value ^= value >>> 16
    return value >>> 0
  }
  const referenceSignature = (words: Iterable<string>): string => {
    const minima = new Uint32Array(64).fill(0xffffffff)
    for (const word of words) {
      const first = hashString(word)
      const second = mix(first ^ 0x5bd1e995) | 1
      for (let index = 0; index < 64; index++) minima[index] = Math.min(minima[index], mix((first + Math.imul(index, second)) >>> 0))
    }
    return Array.from(minima, (value) => (value >>> 16).toString(16).padStart(4, '0')).join('')
  }
  const referenceFingerprint = (text: string): string =>
    hashString(text).toString(16).padStart(8, '0') + hashString(text, 0x2545f491).toString(16).padStart(8, '0')

  it('gives the signatures and fingerprints of the reference functions', () => {
    const next = random(2)
    const word = () => Array.from({length: 1 + Math.floor(next() * 10)}, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('')
    for (let trial = 0; trial < 3_000; trial++) {
      const words = Array.from({length: Math.floor(next() * 60)}, word)
      expect(minHashSignature(words)).toBe(referenceSignature(words))
      expect(fingerprint(words.join(' '))).toBe(referenceFingerprint(words.join(' ')))
      expect(fingerprintOfWords(words)).toBe(referenceFingerprint(words.join(' ')))
    }
    expect(minHashSignature([])).toBe(referenceSignature([]))
    expect(fingerprint('“Don’t” — Tiranë')).toBe(referenceFingerprint('“Don’t” — Tiranë'))
    expect(fingerprintOfWords([])).toBe(referenceFingerprint(''))
    expect(fingerprintOfWords(['', 'a', ''])).toBe(referenceFingerprint(' a '))
  })
})

describe('SignatureIndex', () => {
  const words = (from: number, count: number) => Array.from({length: count}, (_, index) => `w${from + index}`)

  it('finds alike items and not unrelated ones', () => {
    const index = new SignatureIndex<string>(16)
    index.add(minHashSignature(words(0, 40)), 'a')
    index.add(minHashSignature(words(1000, 40)), 'b')
    expect(index.candidates(minHashSignature(words(2, 40)))).toEqual(['a'])
    expect(index.candidates(minHashSignature(words(5000, 40)))).toEqual([])
  })

  it('looks at the most recent items of a crowded bucket only', () => {
    const index = new SignatureIndex<number>(16, 2)
    const signature = minHashSignature(words(0, 40))
    for (let item = 0; item < 5; item++) index.add(signature, item)
    expect(index.candidates(signature).sort()).toEqual([3, 4])
  })

  it('rejects a band count that does not divide the signature', () => {
    expect(() => new SignatureIndex(7)).toThrow('7 bands do not divide a signature of 64')
  })
})

describe('OverlapIndex', () => {
  const set = (text: string) => new Set(text.split(' '))

  it('gives the exact Jaccard similarity of every earlier set at or above the threshold, in the order added', () => {
    const index = new OverlapIndex<string>()
    index.add(set('a b c d'), 'first')
    index.add(set('x y z'), 'unrelated')
    index.add(set('a b c e'), 'second')
    const query = set('a b c f')
    expect(index.similar(query, 0.5)).toEqual([
      {item: 'first', similarity: jaccard(query, set('a b c d'))},
      {item: 'second', similarity: jaccard(query, set('a b c e'))}
    ])
    expect(index.similar(query, 0.7)).toEqual([])
  })

  it('leaves out sets that share no word, and answers each query afresh', () => {
    const index = new OverlapIndex<number>()
    index.add(set('a b'), 1)
    expect(index.similar(set('c d'), 0)).toEqual([])
    expect(index.similar(set('a b'), 1)).toEqual([{item: 1, similarity: 1}])
    expect(index.similar(set('a b'), 1)).toEqual([{item: 1, similarity: 1}])
  })

  it('keeps counting right past its first buffer', () => {
    const index = new OverlapIndex<number>()
    for (let item = 0; item < 200; item++) index.add(set(`shared w${item}`), item)
    const found = index.similar(set('shared w150'), 0)
    expect(found).toHaveLength(200)
    expect(found[150]).toEqual({item: 150, similarity: 1})
    expect(found[0]).toEqual({item: 0, similarity: 1 / 3})
  })
})
