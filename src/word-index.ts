/**
 * A list of words, one a line in one string, with a hash index over it: the word table's sections
 * as they are read. Indexing 120,000 words takes a few milliseconds and about 1.5 MB, where
 * splitting them into a `Set` takes about 40 ms and 10 MB; a lookup costs about as much as a
 * `Set`'s. The index is made on the first lookup, so a section nothing asks about costs nothing,
 * unless it is given, made beforehand (the build writes the word table's indexes).
 *
 * A line may hold a value after a tab (`word\tvalue`): the word is the part before it.
 */
export class WordIndex {
  constructor(
    private readonly text: string,
    private index?: Index
  ) {}

  has(word: string): boolean {
    return this.lineOf(word) !== -1
  }

  /** The value after the tab on the word's line ('' when none), or undefined when the word is not listed. */
  valueOf(word: string): string | undefined {
    const line = this.lineOf(word)
    if (line === -1) return undefined
    const {starts} = this.index!
    const start = starts[line] + word.length
    const end = starts[line + 1] - 1
    return start < end ? this.text.slice(start + 1, end) : ''
  }

  private lineOf(word: string): number {
    const {starts, slots} = (this.index ??= indexWords(this.text))
    const mask = slots.length - 1
    for (let slot = hashOf(word, 0, word.length) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]
      if (entry === 0) return -1
      if (matches(this.text, starts, entry - 1, word)) return entry - 1
    }
  }
}

/** The index of a list of words. */
export interface Index {
  /** Where each line starts; one more entry, one past the end of the last line. */
  starts: Uint32Array
  /** Open addressing, a power of two long: line number plus one at the slot of the word's hash (or the next free one), 0 for none. */
  slots: Uint32Array
}

/** Indexes the lines of `text`. */
export function indexWords(text: string): Index {
  let lines = text.length > 0 ? 1 : 0
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++
  const starts = new Uint32Array(lines + 1)
  let size = 1
  while (size < lines * 2) size *= 2
  const slots = new Uint32Array(size)
  const mask = size - 1
  let start = 0
  for (let line = 0; line < lines; line++) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    starts[line] = start
    let slot = hashOf(text, start, keyEnd(text, start, end)) & mask
    while (slots[slot] !== 0) slot = (slot + 1) & mask
    slots[slot] = line + 1
    start = end + 1
  }
  starts[lines] = text.length + 1
  return {starts, slots}
}

function matches(text: string, starts: Uint32Array, line: number, word: string): boolean {
  const start = starts[line]
  if (keyEnd(text, start, starts[line + 1] - 1) - start !== word.length) return false
  for (let index = 0; index < word.length; index++) {
    if (word.charCodeAt(index) !== text.charCodeAt(start + index)) return false
  }
  return true
}

const TAB = 9

/** Where the word of the line from `start` to `end` ends: at a tab, or at the end. */
function keyEnd(text: string, start: number, end: number): number {
  for (let index = start; index < end; index++) if (text.charCodeAt(index) === TAB) return index
  return end
}

/** FNV-1a over UTF-16 code units. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
  return hash >>> 0
}
