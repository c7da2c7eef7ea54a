/** Line-level helpers shared by the `.txt` and Markdown block parsers. */
import {isLetterOrDigit} from '../capitalization/characters.js'
import type {Point, Span} from '../types.js'

export interface Line {
  /** The line without its line ending. */
  text: string
  /** File offset of the line's first character. */
  start: number
  /** 1-based line number. */
  number: number
}

/** Splits text into lines on `\n`, `\r\n` or `\r`, keeping offsets. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (const breaks = new LineBreaks(text); breaks.next(); start = breaks.after) {
    lines.push({text: text.slice(start, breaks.at), start, number: lines.length + 1})
  }
  if (start < text.length) lines.push({text: text.slice(start), start, number: lines.length + 1})
  return lines
}

const CR = 0x0d

/**
 * The line breaks (`\r\n`, `\n` or `\r`) of `text` in order: each `next()` moves to the next one,
 * where it starts (`at`) and where the line after it starts (`after`). It searches for the next
 * `\n` and the next `\r` (most texts have none) with `indexOf`, many times quicker than a regular
 * expression's matches or a loop over every character of a whole article.
 */
class LineBreaks {
  at = -1
  after = 0
  private lf: number
  private cr: number

  constructor(private readonly text: string) {
    this.lf = text.indexOf('\n')
    this.cr = text.indexOf('\r')
  }

  /** Moves to the next line break; false when there is none. */
  next(): boolean {
    const {text, lf, cr} = this
    if (lf < 0 && cr < 0) return false
    if (cr < 0 || (lf >= 0 && lf < cr)) {
      this.at = lf
      this.after = lf + 1
      this.lf = text.indexOf('\n', lf + 1)
    } else {
      const after = lf === cr + 1 ? lf + 1 : cr + 1
      this.at = cr
      this.after = after
      if (lf >= 0 && lf < after) this.lf = text.indexOf('\n', after)
      this.cr = text.indexOf('\r', after)
    }
    return true
  }
}

/**
 * The points of `text` (`pointAt`), as vfile-location's `toPoint` gives them, and line 1, column 1
 * for an offset outside the text (vfile-location has none). Lines start after `\r\n`, `\n` or `\r`.
 * The line of the last point asked is tried first, then the next: the parser asks in file order,
 * where vfile-location searched its table of lines for each of a file's thousands of points (a
 * tenth of the time of parsing). A class whose method every file shares, where a closure made for
 * each file was optimized by V8 anew for each large file; the parser's hot paths call `pointAt`
 * directly: optimized code that inlined a file's own closure was thrown away when it died with the file.
 */
export class LinePoints {
  private readonly starts = [0]
  // The line of the last point asked (0-based).
  private line = 0

  constructor(private readonly text: string) {
    for (const breaks = new LineBreaks(text); breaks.next(); ) this.starts.push(breaks.after)
  }

  pointAt(offset: number): Point {
    if (!(offset >= 0 && offset <= this.text.length)) return {line: 1, column: 1, offset: 0}
    let line = this.line
    if (!this.holds(line, offset)) line = this.line = this.holds(line + 1, offset) ? line + 1 : lastAtOrBefore(this.starts, offset)
    return {line: line + 1, column: offset - this.starts[line] + 1, offset}
  }

  private holds(line: number, offset: number): boolean {
    const starts = this.starts
    return line < starts.length && starts[line] <= offset && (line + 1 === starts.length || offset < starts[line + 1])
  }
}

/** The index of the last of the increasing `values` that is at most `value` (`values[0]` is). */
function lastAtOrBefore(values: readonly number[], value: number): number {
  let low = 0
  let high = values.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (values[middle] <= value) low = middle
    else high = middle - 1
  }
  return low
}

/** Index of the first of `lines` (in order) that starts at or after `offset`; `lines.length` if none does. */
function firstLineFrom(lines: readonly Line[], offset: number): number {
  let low = 0
  let high = lines.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (lines[middle].start < offset) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The line that holds `offset`, its end included (not its line ending), if any. A binary search:
 * the Markdown parser asks once per paragraph and list item, and scanning every line each time
 * grew with the square of a long list.
 */
export function lineAt(lines: readonly Line[], offset: number): Line | undefined {
  const line = lines[firstLineFrom(lines, offset + 1) - 1]
  return line && offset <= line.start + line.text.length ? line : undefined
}

/** The lines that start at `from` or later and before `to`. */
export function linesStartingIn(lines: readonly Line[], from: number, to: number): Line[] {
  return lines.slice(firstLineFrom(lines, from), firstLineFrom(lines, to))
}

/** The line ending a text uses most: `\r\n` when more than half its line breaks are CRLF, else `\n`. */
export function lineEndingOf(text: string): '\n' | '\r\n' {
  // Line breaks as `\n` counts them (CRLF and LF; a lone CR is none).
  let crlf = 0
  let lf = 0
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
    lf++
    if (index > 0 && text.charCodeAt(index - 1) === CR) crlf++
  }
  return crlf * 2 > lf ? '\r\n' : '\n'
}

export interface ListPrefix {
  indent: number
  marker: string
  ordered: boolean
  /** Index in the line where the item's content starts. */
  contentStart: number
}

const listLine = /^([ \t]*)([-*+•◦▪‣·]|\d{1,3}[.)])[ \t\u00a0]+(?=\S)/u

/** Recognises a list item line: `- `, `* `, `+ `, `• `, `1. `, `1) `. */
export function listPrefix(line: string): ListPrefix | undefined {
  const match = listLine.exec(line)
  if (!match) return undefined
  const marker = match[2]
  // `* * *` and `- - -` are thematic breaks, not items.
  if (/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/u.test(line)) return undefined
  return {indent: match[1].length, marker, ordered: /\d/.test(marker), contentStart: match[0].length}
}

export interface LabelMatch {
  /** Index (within the content) of the label's first character. */
  start: number
  text: string
}

// `Label: text`, `**Label:** text`, `**Label**: text`; a label is a short phrase, not a clause.
const labelPattern = /^(\*\*|__)?([^\s:*_][^:*_]{0,58}?)(?:\1)?:(?:\*\*|__)?[ \t]+\S/u

/** Finds a short `Label:` that leads a list item's content. */
export function findLabel(content: string): LabelMatch | undefined {
  const match = labelPattern.exec(content)
  if (!match) return undefined
  const text = match[2].trim()
  const words = text.split(/\s+/u)
  if (words.length > 8 || /[.!?;,]$/u.test(text) || /[.!?]\s/u.test(text) || !/\p{L}/u.test(text)) return undefined
  return {start: (match[1] ?? '').length, text}
}

/**
 * Counts words: runs of letters or digits (with `'`, `’` and `-` inside), the matches of
 * `/[\p{L}\p{N}][\p{L}\p{N}'’-]*\/gu`, counted without the array of them that matching made for every
 * line of a plain-text article.
 */
export function wordCount(text: string): number {
  let count = 0
  let inWord = false
  for (let index = 0; index < text.length; index++) {
    const code = text.codePointAt(index)!
    if (isLetterOrDigit(code)) {
      if (!inWord) count++
      inWord = true
    } else {
      inWord &&= code === 0x27 || code === 0x2019 || code === 0x2d
    }
    if (code > 0xffff) index++
  }
  return count
}

/** The span of the file `text` from `from` to `to`: its text and where it stands. */
export function spanOf(text: string, toPoint: (offset: number) => Point, from: number, to: number): Span {
  return {text: text.slice(from, to), position: {start: toPoint(from), end: toPoint(to)}}
}

/** The offsets `from` to `to - 1`. */
export function range(from: number, to: number): number[] {
  const offsets = new Array<number>(Math.max(0, to - from))
  for (let index = 0; index < offsets.length; index++) offsets[index] = from + index
  return offsets
}
