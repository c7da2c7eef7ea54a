/** Line-level helpers shared by the `.txt` and Markdown block parsers. */

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
  const ending = /\r\n|\n|\r/g
  let start = 0
  let match: RegExpExecArray | null
  while ((match = ending.exec(text))) {
    lines.push({text: text.slice(start, match.index), start, number: lines.length + 1})
    start = match.index + match[0].length
  }
  if (start < text.length) lines.push({text: text.slice(start), start, number: lines.length + 1})
  return lines
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
  const crlf = text.match(/\r\n/g)?.length ?? 0
  const lf = text.match(/\n/g)?.length ?? 0
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

/** Counts words (runs of letters or digits). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0
}

/** The offsets `from` to `to - 1`. */
export function range(from: number, to: number): number[] {
  const offsets = new Array<number>(Math.max(0, to - from))
  for (let index = 0; index < offsets.length; index++) offsets[index] = from + index
  return offsets
}
