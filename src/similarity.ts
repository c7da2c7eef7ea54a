/**
 * Text similarity for the duplicate rules: normalised words, content-word sets, an exact index
 * of word sets for the passages of one article, and, for a whole collection, MinHash signatures
 * with a locality-sensitive index over them, so that finding near duplicates among n passages
 * costs about n, not n².
 */
import {memoizeWord} from './memo.js'

/**
 * The words of a text, normalised so that case, accents, punctuation, whitespace and quote style
 * do not matter: `“Don’t”, she said.` and `"don't" she said` give the same words.
 */
export function normalizedWords(text: string): string[] {
  // Plain ASCII, the common case, needs no decomposing to strip accents, and its letters and
  // digits are `[a-z0-9]` once lowercased: a plain expression finds them faster than Unicode classes.
  if (!nonAscii.test(text)) return text.toLowerCase().match(asciiWord) ?? []
  // Nor does text whose other characters are all plain punctuation, the most common (curly quotes
  // and apostrophes, dashes): only its apostrophes are made straight, and the plain expression
  // finds its words four times as fast as the Unicode one, with no copy of the text without marks.
  if (!notPlain.test(text)) return text.replace(curlyApostrophes, "'").toLowerCase().match(asciiWord) ?? []
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘ʼ`´]/gu, "'")
  return folded.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []
}

const nonAscii = /[^\x00-\x7f]/u

/**
 * A character other than ASCII (but the backtick, an apostrophe beside non-ASCII text) and the
 * punctuation that decomposing leaves without a letter, digit or mark and that has no case: curly
 * quotes and apostrophes, dashes, the bullet, the ellipsis, the no-break space, guillemets. No
 * Unicode flag: a character beyond the BMP is two code units, each of which it matches.
 */
const notPlain = /[^\x00-\x5f\x61-\x7f’‘ʼ“”—–•…\u00a0«»]/
const curlyApostrophes = /[’‘ʼ]/g
const asciiWord = /[a-z\d]+(?:'[a-z\d]+)*/g

/** The normalised words of a text, and where the words of each of its parts are among them. */
export interface WordsByPart {
  words: string[]
  /** For each part, `[from, to)` in `words`: `words.slice(from, to)` are the part's normalised words. */
  parts: Array<[number, number]>
}

/**
 * `normalizedWords(text)`, and for each part `[start, end)` of the text (in order, not
 * overlapping) where its words are in the result, so that the parts' words need not be found
 * again (a passage's sentences). Each part and each gap between parts is normalised on its own,
 * and their words make the text's words wherever every cut has a space, tab or line break on one
 * side: no word spans it, NFKD reorders no marks across it, and the one rule of lowercasing that
 * looks at neighbours (the final sigma) does not see past it. A backtick is the exception: in a
 * text with non-ASCII characters `normalizedWords` takes it for an apostrophe, in a part of plain
 * ASCII it does not. `undefined` for a text with a backtick or a cut inside a run of other characters.
 */
export function normalizedWordsByPart(text: string, parts: ReadonlyArray<readonly [number, number]>): WordsByPart | undefined {
  if (text.includes('`')) return undefined
  // The words of each part and gap, joined once at the end: pushed one by one onto one array,
  // they made it grow again and again (a third of what finding them allocates).
  const pieces: string[][] = []
  const ranges: Array<[number, number]> = []
  let count = 0
  let done = 0
  for (const [start, end] of parts) {
    if (start < done || end < start || !nextToSpace(text, start) || !nextToSpace(text, end)) return undefined
    count += addNormalizedWords(pieces, text, done, start)
    const from = count
    count += addNormalizedWords(pieces, text, start, end)
    ranges.push([from, count])
    done = end
  }
  addNormalizedWords(pieces, text, done, text.length)
  return {words: pieces.length === 1 ? pieces[0] : ([] as string[]).concat(...pieces), parts: ranges}
}

/** Whether a cut at `index` of `text` has a space, tab or line break on one side of it, or is at an end. */
function nextToSpace(text: string, index: number): boolean {
  return index <= 0 || index >= text.length || isSpace(text.charCodeAt(index - 1)) || isSpace(text.charCodeAt(index))
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d

/** Adds the normalised words of `text.slice(start, end)` to `pieces` (nothing to do for the spaces between sentences); returns how many. */
function addNormalizedWords(pieces: string[][], text: string, start: number, end: number): number {
  let first = start
  while (first < end && isSpace(text.charCodeAt(first))) first++
  if (first === end) return 0
  const words = normalizedWords(text.slice(start, end))
  if (words.length > 0) pieces.push(words)
  return words.length
}

// Function words carry no content: two passages that share only these share nothing.
const stopWords = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself his ' +
    'how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out ' +
    'over own same she should so some such than that the their theirs them themselves then there these they this those through to too ' +
    'under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    "it's don't can't won't isn't aren't wasn't weren't i'm i've he's she's that's there's they're we're you're also may might must " +
    'one upon yet ever even still though although however many much well'
  ).split(' ')
)

/** Strips the commonest English inflections, so that `partnerships` and `partnership` count as one word. */
export const stem: (word: string) => string = memoizeWord(findStem)

function findStem(word: string): string {
  if (word.length <= 3 || /\d/u.test(word)) return word
  const possessive = word.replace(/'s$/u, '')
  if (possessive !== word) return findStem(possessive)
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`
  if (word.endsWith('sses')) return word.slice(0, -2)
  if (word.endsWith('s') && !/(?:ss|us|is)$/u.test(word)) return word.slice(0, -1)
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3)
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2)
  return word
}

/** The distinct content words of normalised words, stemmed: what a passage is about. */
export function contentWords(words: readonly string[]): string[] {
  return [...contentWordSet(words)]
}

/**
 * `contentWords` as the set the duplicate rules compare; of `words.slice(from, to)` when given
 * a range (a sentence of a passage's words), without copying it.
 */
export function contentWordSet(words: readonly string[], from = 0, to = words.length): Set<string> {
  const result = new Set<string>()
  for (let index = from; index < to; index++) {
    const content = contentStem(words[index])
    if (content !== '') result.add(content)
  }
  return result
}

/**
 * The stem of a normalised word that carries content, `''` for a function word or a lone letter:
 * one lookup per word where the stop-word test and `stem` took two.
 */
const contentStem = memoizeWord((word: string): string =>
  stopWords.has(word) || (word.length < 2 && !/\d/u.test(word)) ? '' : stem(word)
)

/** FNV-1a, 32 bits: a fast, stable hash of a string (the same on every machine and run); `seed` picks another function. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

// murmur3's finaliser: mixes a seed into a hash to give an independent hash function per seed.
function mix(value: number): number {
  value ^= value >>> 16
  value = Math.imul(value, 0x85ebca6b)
  value ^= value >>> 13
  value = Math.imul(value, 0xc2b2ae35)
  value ^= value >>> 16
  return value >>> 0
}

/**
 * A 64-bit fingerprint of a text as 16 hex digits: equal texts give equal fingerprints, and two
 * of a million different passages collide with a chance of about one in 10⁷ (32 bits would collide
 * within a few hundred thousand).
 */
export function fingerprint(text: string): string {
  return fingerprintOfWords([text])
}

/**
 * `fingerprint(words.join(' '))` without joining the words: a passage's normalised words are
 * fingerprinted, and their string is not needed otherwise.
 */
export function fingerprintOfWords(words: readonly string[]): string {
  // `hashString(text)` and `hashString(text, 0x2545f491)` in one pass, text being the words and a space between each two.
  let first = 0x811c9dc5
  let second = 0x2545f491
  for (let word = 0; word < words.length; word++) {
    if (word > 0) {
      first = Math.imul(first ^ 0x20, 0x01000193)
      second = Math.imul(second ^ 0x20, 0x01000193)
    }
    const text = words[word]
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index)
      first = Math.imul(first ^ code, 0x01000193)
      second = Math.imul(second ^ code, 0x01000193)
    }
  }
  fingerprintBytes.writeUInt32BE(first >>> 0, 0)
  fingerprintBytes.writeUInt32BE(second >>> 0, 4)
  return fingerprintBytes.toString('hex')
}

// Written and read out for each fingerprint in turn: one array serves them all.
const fingerprintBytes = Buffer.alloc(8)

/** How many hash functions a signature has. */
export const SIGNATURE_SIZE = 64

/**
 * Hex digits per hash function in a signature: the top 16 bits of each minimum are kept. Two
 * different minima then agree by chance once in 65,536, which moves no estimate, and a signature
 * is 256 characters, half of what 32 bits take (it is kept per passage for a whole run, and
 * cached and passed between processes).
 */
const DIGITS = 4

/**
 * The MinHash signature of a set of words, as a hex string (plain JSON, compact): for each of
 * `SIGNATURE_SIZE` hash functions, the smallest hash of any word. Two signatures agree at a
 * position with probability equal to the Jaccard similarity of the two sets. The functions are
 * `h₁ + i·h₂` of two hashes of the word (Kirsch and Mitzenmacher), mixed: two hashes per word
 * instead of one per function.
 */
export function minHashSignature(words: Iterable<string>): string {
  // One array of minima and one of bytes serve every signature: a signature is finished (a string) before the next starts.
  const minima = signatureMinima.fill(0xffff)
  for (const word of words) {
    const tops = wordHashTops(word)
    for (let index = 0; index < SIGNATURE_SIZE; index++) {
      const top = tops[index]
      if (top < minima[index]) minima[index] = top
    }
  }
  // Each value's two bytes, high first, written out as hex by Buffer in one string: joining two
  // digits at a time made 128 strings per signature, and a chain of them to flatten.
  const bytes = signatureBytes
  for (let index = 0; index < SIGNATURE_SIZE; index++) {
    bytes[2 * index] = minima[index] >>> 8
    bytes[2 * index + 1] = minima[index] & 0xff
  }
  return bytes.toString('hex')
}

const signatureMinima = new Uint16Array(SIGNATURE_SIZE)
const signatureBytes = Buffer.alloc(SIGNATURE_SIZE * 2)

/**
 * The top 16 bits of the `SIGNATURE_SIZE` hash values of one word: all a signature keeps. Taking
 * the top bits keeps the order (a smaller value never has larger top bits), so the top bits of the
 * smallest value are the smallest top bits, and the minima are taken of these small integers,
 * half the memory of the full values and no unsigned 32-bit numbers to compare as doubles.
 * Content words recur in passage after passage and in each passage's sentences: their values
 * are remembered (128 bytes a word, a few thousand words).
 */
const wordHashTops = memoizeWord((word: string): Uint16Array => {
  const tops = new Uint16Array(SIGNATURE_SIZE)
  const first = hashString(word)
  const second = mix(first ^ 0x5bd1e995) | 1
  for (let index = 0; index < SIGNATURE_SIZE; index++) tops[index] = mix((first + Math.imul(index, second)) >>> 0) >>> 16
  return tops
}, 8_192)

/** The share of hash functions on which two signatures agree: an estimate of the sets' Jaccard similarity. */
export function estimatedJaccard(a: string, b: string): number {
  let same = 0
  // Compared in place, one hash at a time: no substrings, since this runs once per candidate pair.
  for (let start = 0; start < a.length; start += DIGITS) {
    let index = start
    while (index < start + DIGITS && a.charCodeAt(index) === b.charCodeAt(index)) index++
    if (index === start + DIGITS) same++
  }
  return same / (a.length / DIGITS)
}

/** |A ∩ B| / |A ∪ B| of two sets of words. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const word of small) if (large.has(word)) shared++
  return jaccardOfCounts(shared, a.size, b.size)
}

/** The Jaccard similarity of two sets of `sizeA` and `sizeB` words that share `shared`. */
const jaccardOfCounts = (shared: number, sizeA: number, sizeB: number): number => shared / (sizeA + sizeB - shared)

/**
 * A locality-sensitive index of MinHash signatures: a signature is cut into `bands` bands of
 * `SIGNATURE_SIZE / bands` values, and two signatures are candidates when any band is equal.
 * With r values per band, a pair of Jaccard similarity s becomes a candidate with probability
 * 1 − (1 − sʳ)^bands: more bands catch lower similarities and bring more candidates to verify.
 * Adding and querying cost a constant per band, so n passages cost about n.
 */
export class SignatureIndex<T> {
  /** One map per band, keyed by the band's digits: no key names its band, so none is built per query. */
  private readonly buckets: Array<Map<string, T[]>>
  private readonly width: number

  /**
   * @param bands how many bands a signature is cut into (a divisor of `SIGNATURE_SIZE`).
   * @param bucketLimit how many items of a bucket a query looks at, the most recently added first.
   *   A bucket only grows past a few items when many passages are alike without being copies
   *   (a template filled in a thousand times); looking at all of them would make a query cost
   *   grow with the collection, and n queries cost n².
   */
  constructor(
    private readonly bands: number,
    private readonly bucketLimit = Infinity
  ) {
    if (!Number.isInteger(bands) || bands < 1 || SIGNATURE_SIZE % bands !== 0) {
      throw new Error(`copydesk: ${bands} bands do not divide a signature of ${SIGNATURE_SIZE}`)
    }
    this.width = (SIGNATURE_SIZE / bands) * DIGITS
    this.buckets = Array.from({length: bands}, () => new Map<string, T[]>())
  }

  private band(signature: string, band: number): string {
    return signature.slice(band * this.width, (band + 1) * this.width)
  }

  add(signature: string, item: T): void {
    for (let band = 0; band < this.bands; band++) {
      const key = this.band(signature, band)
      const bucket = this.buckets[band].get(key)
      if (bucket) bucket.push(item)
      else this.buckets[band].set(key, [item])
    }
  }

  /** The items that share a band with `signature`, each once (at most `bucketLimit` per band). */
  candidates(signature: string): T[] {
    const seen = new Set<T>()
    for (let band = 0; band < this.bands; band++) {
      const bucket = this.buckets[band].get(this.band(signature, band))
      if (!bucket) continue
      const stop = Math.max(0, bucket.length - this.bucketLimit)
      for (let index = bucket.length - 1; index >= stop; index--) seen.add(bucket[index])
    }
    return [...seen]
  }
}

const noCounts = new Uint32Array(0)

/** An item of an `OverlapIndex` that shares words with a query, and its exact Jaccard similarity. */
export interface Overlap<T> {
  item: T
  similarity: number
}

/**
 * An exact index of word sets, for the few hundred passages or sentences of one article: each
 * word lists the sets that hold it, so a query counts the words it shares with every earlier set
 * that shares any, and gets their exact Jaccard similarity (as `jaccard` computes it). Within an
 * article this costs less than MinHash signatures (64 hashes a word, then 32 bands a set) and
 * misses nothing; across a collection, whose sets cannot all be kept, `SignatureIndex` serves.
 */
export class OverlapIndex<T> {
  /**
   * Each word's postings (the items that hold it) are chained from the newest back: `newest`
   * gives a word's last posting by the word's number (-1 for none), and each posting its item
   * number and the word's posting before it (-1 for none). Arrays for all words instead of an
   * array per word of every article, and no map of words per index.
   */
  private newest = new Int32Array(0)
  private readonly postingItem: number[] = []
  private readonly postingBefore: number[] = []
  private readonly items: T[] = []
  private readonly sizes: number[] = []
  /** Shared-word counts of the current query, by item number; reset after each query. Made at the first query (many indexes get none). */
  private shared = noCounts

  /** @param numbers the numbers of the words, which the indexes of one article share. */
  constructor(private readonly numbers = new WordNumbers()) {}

  add(words: ReadonlySet<string>, item: T): void {
    const id = this.items.length
    this.items.push(item)
    this.sizes.push(words.size)
    for (const word of words) {
      const number = this.numbers.numberOf(word)
      if (number >= this.newest.length) this.growNewest(number)
      this.postingBefore.push(this.newest[number])
      this.newest[number] = this.postingItem.length
      this.postingItem.push(id)
    }
  }

  private growNewest(number: number): void {
    const grown = new Int32Array(Math.max(64, number * 2)).fill(-1)
    grown.set(this.newest)
    this.newest = grown
  }

  /**
   * The items that share at least one word with `words` and whose similarity with it is at least
   * `threshold`, in the order they were added.
   */
  similar(words: ReadonlySet<string>, threshold: number): Array<Overlap<T>> {
    if (this.shared.length < this.items.length) this.shared = new Uint32Array(this.items.length * 2)
    const {shared, postingItem, postingBefore, newest} = this
    // The items counted lie between the lowest and highest number counted: read in that range in
    // order, they need no list to sort (sorting made a copy of the list per query).
    let lowest = this.items.length
    let highest = -1
    for (const word of words) {
      const number = this.numbers.known(word)
      let posting = number >= 0 && number < newest.length ? newest[number] : -1
      if (posting < 0) continue
      if (postingItem[posting] > highest) highest = postingItem[posting]
      let id = 0
      for (; posting >= 0; posting = postingBefore[posting]) {
        id = postingItem[posting]
        shared[id]++
      }
      // The last posting read is the word's first, of its lowest item.
      if (id < lowest) lowest = id
    }
    const result: Array<Overlap<T>> = []
    for (let id = lowest; id <= highest; id++) {
      const count = shared[id]
      if (count === 0) continue
      shared[id] = 0
      const similarity = jaccardOfCounts(count, words.size, this.sizes[id])
      if (similarity >= threshold) result.push({item: this.items[id], similarity})
    }
    return result
  }
}

/**
 * Numbers for words, which the `OverlapIndex`es of one article share: each index finds a word's
 * postings in an array by its number. A map of words per index (one for the passages, one for the
 * sentences of every article) was most of what comparing passages allocated.
 */
export class WordNumbers {
  private readonly numbers = new Map<string, number>()

  /** The number of `word`, given one if it has none. */
  numberOf(word: string): number {
    let number = this.numbers.get(word)
    if (number === undefined) {
      number = this.numbers.size
      this.numbers.set(word, number)
    }
    return number
  }

  /** The number of `word`, -1 if it has none (no index holds it). */
  known(word: string): number {
    return this.numbers.get(word) ?? -1
  }
}
