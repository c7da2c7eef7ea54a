/**
 * The inline half of the fast Markdown scanner: the inline nodes micromark (with GFM) would make
 * of a paragraph's or heading's content, for content it can be sure of — plain text, backslash
 * escapes, code spans on one line, and emphasis or strong emphasis that pairs up without
 * ambiguity — and `undefined` for
 * anything else, which sends the document to the full parser; and their mdast, placed in the file.
 */
import type {PhrasingContent, Text} from 'mdast'
import type {Position} from 'unist'

/** A node's place in the file, by offsets only: `blocksFromTree` reads no line or column from the tree. */
export const at = (from: number, to: number): Position => ({start: {offset: from}, end: {offset: to}}) as Position

/** Characters that can take part in inline syntax other than autolink literals. */
const special = /[\\`*_~[\]<&]/u

// GFM autolink literals (`www.`, `http://`, `user@host`, `mailto:`, `xmpp:`) become links.
const autolinkLiteral = /www\.|:\/\/|@|mailto:|xmpp:/iu

/** What could be a character reference (`&amp;`, `&#233;`, `&#xE9;`): each needs its `;`. */
const characterReference = /&(?:#[xX]?)?[A-Za-z\d]+;/uy

const asciiPunctuation = /[!-/:-@[-`{-~]/u

// micromark's classes of the character before and after a `*` or `_` run (micromark-util-classify-character),
// tested as it tests them: one UTF-16 code unit at a time.
const unicodeWhitespace = /\s/u
const unicodePunctuation = /\p{P}|\p{S}/u
const WHITESPACE = 1
const PUNCTUATION = 2
const OTHER = 0

function classOf(char: string | undefined): number {
  if (char === undefined || unicodeWhitespace.test(char)) return WHITESPACE
  return unicodePunctuation.test(char) ? PUNCTUATION : OTHER
}

/** A text node: `from` and `to` index the content as scanned; `value` is what remark gives (escapes resolved). */
export interface InlineText {
  type: 'text'
  from: number
  to: number
  value: string
}

/** Emphasis or strong emphasis around one text node, from its opening run to the end of its closing one. */
export interface InlineAttention {
  type: 'emphasis' | 'strong'
  from: number
  to: number
  text: InlineText
}

/** A code span, from its opening backticks to the end of its closing ones. */
export interface InlineCode {
  type: 'inlineCode'
  from: number
  to: number
  value: string
}

export type InlineNode = InlineText | InlineAttention | InlineCode

/** Where the first run of exactly `size` backticks at or after `from` starts, or -1. */
function closingRun(content: string, from: number, size: number): number {
  let start = content.indexOf('`', from)
  while (start !== -1) {
    let end = start + 1
    while (content[end] === '`') end++
    if (end - start === size) return start
    start = content.indexOf('`', end)
  }
  return -1
}

/** A code span's value: one space off each end when both ends have one and it is not all spaces. */
const codeValue = (inner: string): string => (inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '' ? inner.slice(1, -1) : inner)

interface Run {
  from: number
  to: number
  marker: string
  opens: boolean
}

/** Whether `char` (undefined at the content's edge) is a space or a line ending, or the edge itself. */
const isSpaceOrEdge = (char: string | undefined): boolean => char === undefined || char === ' ' || char === '\n' || char === '\r'

/** `content` from `from` to `to` with its backslash escapes resolved (`escapes`: the backslashes' indexes, in order). */
function unescape(content: string, from: number, to: number, escapes: readonly number[]): string {
  let value = ''
  let at = from
  for (const backslash of escapes) {
    if (backslash < from || backslash >= to) continue
    value += content.slice(at, backslash)
    at = backslash + 1
  }
  return value + content.slice(at, to)
}

/**
 * The inline nodes of `content` (a paragraph's lines without their indentation and trailing
 * spaces, joined by their line endings; or a heading's text), in a document without link
 * reference or footnote definitions; `undefined` when micromark might make anything else of it.
 *
 * Proven literal: `[`, `]` and `![` when no `](` follows (without definitions, only an inline
 * link or image is a link); `<` when no `>` follows (autolinks and inline HTML need one); `&` that
 * does not begin `&name;`, `&#digits;` or `&#xhex;` (no character reference); a run of `~` with a
 * space or the content's edge on both sides; a run of `*` or `_` that can neither open nor close
 * (micromark's flanking rules). A backslash before ASCII punctuation escapes it. A closer pairs
 * with the nearest opener of its marker, as in micromark: handled when they are the same length
 * (one: emphasis, two: strong) with no other opener or pair between them; a run that finds no
 * partner stays text. A backtick run opens a code span where a run of the same length closes it
 * (on the same line), else it is text. Anything else (a run that can both open and close, nesting,
 * runs of three, emphasis around code, links, hard line breaks) is not handled.
 */
export function scanInline(content: string): InlineNode[] | undefined {
  if (autolinkLiteral.test(content)) return undefined
  if (!special.test(content)) return [{type: 'text', from: 0, to: content.length, value: content}]
  const escapes: number[] = []
  const runs: Run[] = []
  const code: InlineCode[] = []
  for (let index = 0; index < content.length; index++) {
    const char = content[index]
    switch (char) {
      case '\\': {
        const next = content[index + 1]
        // A backslash before a line ending is a hard line break.
        if (next === '\n' || next === '\r') return undefined
        if (next !== undefined && asciiPunctuation.test(next)) {
          escapes.push(index)
          index++
        }
        break
      }
      case '`': {
        let end = index + 1
        while (content[end] === '`') end++
        const close = closingRun(content, end, end - index)
        // A run that no run of the same length closes is text.
        if (close !== -1) {
          const inner = content.slice(end, close)
          // A code span over a line ending: its value's spaces are not worked out here.
          if (inner.includes('\n') || inner.includes('\r')) return undefined
          code.push({type: 'inlineCode', from: index, to: close + end - index, value: codeValue(inner)})
          end = close + end - index
        }
        index = end - 1
        break
      }
      case '[':
      case ']':
        if (content.includes('](', index)) return undefined
        break
      case '<':
        if (content.includes('>', index)) return undefined
        break
      case '&':
        characterReference.lastIndex = index
        if (characterReference.test(content)) return undefined
        break
      case '~': {
        let end = index + 1
        while (content[end] === char) end++
        if (!isSpaceOrEdge(content[index - 1]) || !isSpaceOrEdge(content[end])) return undefined
        index = end - 1
        break
      }
      case '*':
      case '_': {
        let end = index + 1
        while (content[end] === char) end++
        const previous = content[index - 1]
        const next = content[end]
        // A `~` beside the run counts as an attention marker to micromark: not worked out here.
        if (previous === '~' || next === '~') return undefined
        // micromark's attention tokenizer: whether the run can open and close.
        const before = classOf(previous)
        const after = classOf(next)
        const open = after === OTHER || (after === PUNCTUATION && before !== OTHER)
        const close = before === OTHER || (before === PUNCTUATION && after !== OTHER)
        const opens = char === '*' ? open : open && (before !== OTHER || !close)
        const closes = char === '*' ? close : close && (after !== OTHER || !open)
        if (opens && closes) return undefined
        if (opens || closes) runs.push({from: index, to: end, marker: char, opens})
        index = end - 1
        break
      }
      default:
        break
    }
  }
  // Pair the runs as micromark does: each closer with the nearest opener of its marker before it.
  // Only pairs of one run each, of the same length (one: emphasis, two: strong), with no opener or
  // pair between them, are handled; openers and closers that find no partner stay text.
  const pairs: Array<[Run, Run]> = []
  const openers: Run[] = []
  for (const run of runs) {
    if (run.opens) {
      openers.push(run)
      continue
    }
    let match = openers.length - 1
    while (match >= 0 && openers[match].marker !== run.marker) match--
    if (match === -1) continue
    const opener = openers[match]
    const size = opener.to - opener.from
    const nested = (pairs.length > 0 && pairs.at(-1)![1].from > opener.from) || code.some((span) => span.from > opener.from && span.from < run.from)
    if (match !== openers.length - 1 || nested || size > 2 || run.to - run.from !== size) return undefined
    openers.pop()
    pairs.push([opener, run])
  }
  const nodes: InlineNode[] = []
  const text = (from: number, to: number): void => {
    if (to > from) nodes.push({type: 'text', from, to, value: unescape(content, from, to, escapes)})
  }
  // Emphasis and code spans in order, text between them.
  const marked: Array<InlineAttention | InlineCode> = pairs.map(([opener, closer]) => ({
    type: opener.to - opener.from === 1 ? 'emphasis' : 'strong',
    from: opener.from,
    to: closer.to,
    text: {type: 'text', from: opener.to, to: closer.from, value: unescape(content, opener.to, closer.from, escapes)}
  }))
  marked.push(...code)
  marked.sort((a, b) => a.from - b.from)
  let at = 0
  for (const node of marked) {
    text(at, node.from)
    nodes.push(node)
    at = node.to
  }
  text(at, content.length)
  return nodes
}

/** A line's part of a paragraph's content: where it starts in the content and in the file. */
export interface Segment {
  at: number
  from: number
  length: number
  /** Where the line starts in the file, before indentation or a quote marker. */
  lineStart: number
  /** Where the line ends in the file, after trailing spaces. */
  lineEnd: number
}

/**
 * The file offset of index `index` of a paragraph's content, where an inline node starts or ends
 * (`edge`), as remark places it: a node that ends where a line's content starts ends at the line's
 * start (its text holds the line ending, not the next line's indentation), a node that starts
 * where a line's content ends starts at the line's end (after trailing spaces); `undefined`
 * inside a line ending.
 */
export function sourceOffset(segments: readonly Segment[], index: number, edge: 'start' | 'end'): number | undefined {
  let k = segments.length - 1
  while (k > 0 && segments[k].at > index) k--
  const segment = segments[k]
  const offset = index - segment.at
  if (offset > segment.length) return undefined
  if (offset === 0 && k > 0 && edge === 'end') return segment.lineStart
  if (offset === segment.length && k < segments.length - 1 && edge === 'start') return segment.lineEnd
  return segment.from + offset
}

/** The mdast of inline nodes, placed in the file by `offsetOf`; `undefined` where a place is not certain. */
export function phrasingOf(nodes: readonly InlineNode[], offsetOf: (index: number, edge: 'start' | 'end') => number | undefined): PhrasingContent[] | undefined {
  const phrasing: PhrasingContent[] = []
  const textOf = (node: InlineText): Text | undefined => {
    const from = offsetOf(node.from, 'start')
    const to = offsetOf(node.to, 'end')
    return from === undefined || to === undefined ? undefined : {type: 'text', value: node.value, position: at(from, to)}
  }
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = textOf(node)
      if (!text) return undefined
      phrasing.push(text)
      continue
    }
    if (node.type === 'inlineCode') {
      const from = offsetOf(node.from, 'start')
      const to = offsetOf(node.to, 'end')
      if (from === undefined || to === undefined) return undefined
      phrasing.push({type: 'inlineCode', value: node.value, position: at(from, to)})
      continue
    }
    const from = offsetOf(node.from, 'start')
    const to = offsetOf(node.to, 'end')
    const inner = textOf(node.text)
    if (from === undefined || to === undefined || !inner) return undefined
    phrasing.push({type: node.type, children: [inner], position: at(from, to)})
  }
  return phrasing
}
