/**
 * The fast Markdown scanner: a line scanner that builds, for the documents it can be sure of, the
 * same mdast that remark (micromark with GFM and front matter) would, as far as `blocksFromTree`
 * reads it: node types, offsets, heading depths, and text values. Any other document is declined
 * (`undefined`) and goes to the full parser, so a document either gets exactly remark's blocks
 * or is parsed by remark; `test/parse/markdown-scan.test.ts` compares the two.
 *
 * Accepted: ATX headings; thematic breaks; closed code fences; block quotes of these blocks, ended by a blank line; HTML comments (`<!-- … -->`, as copydesk's disable
 * comments are written) between blocks; paragraphs (indented up to three spaces, with continuation lines);
 * bullet (`-`, `*`, `+`) and ordered (`1.`, `1)`) list items of one paragraph, not nested, with
 * continuation and lazy lines; GFM tables (`markdown-table-scan.ts` decides where one starts as
 * micromark does); blank lines; inline content of text, escapes and unambiguous emphasis (`scanInline`).
 * Declined: tabs, NUL, a byte order mark, anything that could be front matter, a definition
 * (`]:`), nested or lazy block quotes, indented code and unclosed fences, other HTML, setext headings, hard
 * line breaks, task list items, nested or multi-block list items, a list item where a paragraph
 * could continue, a possible table in a list item, and inline syntax.
 */
import type {Blockquote, Heading, List, ListItem, Paragraph, Root, RootContent, Table} from 'mdast'
import {splitLines} from './lines.js'
import {at, phrasingOf, scanInline, sourceOffset, type Segment} from './markdown-inline-scan.js'
import {delimiterRowCells, opensGfmTable} from './markdown-table-scan.js'


interface OpenParagraph {
  /** Its lines, each with the offset where its content starts (after indentation and markers). */
  parts: Array<{line: ScanLine; from: number}>
  /** The list item it is the content of, if any. */
  item?: ListItem
}

/** What a line (after its indentation) can start, as far as the scanner needs to know. */
type LineStart =
  | {kind: 'text'}
  | {kind: 'decline'}
  /** `=` or `-` alone on the line: a setext underline after a paragraph. */
  | {kind: 'underline'}
  | {kind: 'heading'; depth: number}
  | {kind: 'item'; width: number}
  | {kind: 'thematic-break'; marker: string}
  /** `<!--`: an HTML comment, which runs to the line with its `-->`. */
  | {kind: 'comment'}
  | {kind: 'quote'}
  /** A code fence, which runs to a closing fence of the same character, at least as long. */
  | {kind: 'fence'; fence: string}

const atxOpening = /^#{1,6}(?= |$)/u
const fence = /^(`{3,}|~{3,})(.*)$/u
const thematicBreak = /^([-*_])(?: *\1){2,} *$/u
const underline = /^(?:=+|-+) *$/u
const listMarker = /^(?:[-*+]|\d{1,9}[.)])( +|$)/u

function classify(rest: string): LineStart {
  const first = rest[0]
  switch (first) {
    case '#': {
      const opening = atxOpening.exec(rest)
      return opening ? {kind: 'heading', depth: opening[0].length} : {kind: 'text'}
    }
    case '>':
      return {kind: 'quote'}
    case '<':
      // `<!-->` and `<!--->` end where they start: not worked out here.
      return rest.startsWith('<!--') && !/^<!---?>/u.test(rest) ? {kind: 'comment'} : {kind: 'decline'}
    case '`':
    case '~': {
      const opening = fence.exec(rest)
      if (!opening) return {kind: 'text'}
      // A backtick in a backtick fence's info string makes the line paragraph text: not worked out here.
      return first === '`' && opening[2].includes('`') ? {kind: 'decline'} : {kind: 'fence', fence: opening[1]}
    }
    case '=':
      return underline.test(rest) ? {kind: 'underline'} : {kind: 'text'}
    case '-':
    case '*':
    case '_':
    case '+':
      if (thematicBreak.test(rest)) return {kind: 'thematic-break', marker: first}
      if (first === '-' && underline.test(rest)) return rest.trimEnd() === '-' ? {kind: 'decline'} : {kind: 'underline'}
      break
    default:
      if (!(first >= '0' && first <= '9')) return {kind: 'text'}
  }
  const marker = listMarker.exec(rest)
  if (!marker) return {kind: 'text'}
  const spaces = marker[1].length
  const content = rest.slice(marker[0].length)
  // An empty item, content after five or more spaces (indented code), a task list item (`[ ]`),
  // an item that starts with another block (a heading, a nested list, ...).
  if (spaces === 0 || spaces > 4 || content.trimEnd() === '' || content.startsWith('[') || classify(content).kind !== 'text') return {kind: 'decline'}
  return {kind: 'item', width: marker[0].length}
}

const indentOf = (line: string): number => {
  let indent = 0
  while (line.charCodeAt(indent) === 32) indent++
  return indent
}

/** The mdast of `text` as remark would make it, or `undefined` when the scanner cannot be sure. */
export function scanMarkdown(text: string): Root | undefined {
  if (/[\t\0\uFEFF]|\]:/u.test(text) || text.startsWith('---') || text.startsWith('+++')) return undefined
  const children = scanBlocks(text, splitLines(text), false)
  return children && {type: 'root', children}
}

/**
 * A line to scan: a line of the file, or the content of a block quote's line (after `>` and one
 * space), which starts at `start` in the line that starts at `lineStart`.
 */
interface ScanLine {
  text: string
  start: number
  lineStart?: number
}

const isQuoteLine = (line: ScanLine): boolean => {
  const indent = indentOf(line.text)
  return indent < 4 && line.text[indent] === '>'
}

/** A block quote line's content: after the `>` and the one space that may follow it. */
const quoteContent = (line: ScanLine): ScanLine => {
  const marker = line.text.indexOf('>')
  const skip = marker + (line.text[marker + 1] === ' ' ? 2 : 1)
  return {text: line.text.slice(skip), start: line.start + skip, lineStart: line.lineStart ?? line.start}
}

// Module functions, not closures of scanBlocks: V8 optimized each new closure on its own, once per large file.
const lineEnd = (line: ScanLine): number => line.start + line.text.length
const contentEnd = (line: ScanLine): number => line.start + line.text.trimEnd().length

/**
 * Adds the open `paragraph` to its list item or to `children`; false when its inline content is
 * not certain or it holds a hard line break. A module function, not in scanBlocks' closure: V8
 * optimized each new closure on its own, once per large file.
 */
function addParagraph(text: string, paragraph: OpenParagraph, children: RootContent[]): boolean {
  const {parts} = paragraph
  // The content as micromark reads it: each line's content, joined by the line endings.
  let content = ''
  const segments: Segment[] = []
  for (let index = 0; index < parts.length; index++) {
    const {line, from} = parts[index]
    if (index > 0) {
      const previous = parts[index - 1].line
      // Two or more trailing spaces before a line ending make a hard line break.
      if (lineEnd(previous) - contentEnd(previous) >= 2) return false
      // The line ending, without the next line's indentation or block quote marker.
      content += text.slice(lineEnd(previous), line.lineStart ?? line.start)
    }
    const end = contentEnd(line)
    segments.push({at: content.length, from, length: end - from, lineStart: line.lineStart ?? line.start, lineEnd: lineEnd(line)})
    content += text.slice(from, end)
  }
  const inline = scanInline(content)
  const phrasing = inline && phrasingOf(inline, (index, edge) => sourceOffset(segments, index, edge))
  if (!phrasing) return false
  const node: Paragraph = {type: 'paragraph', children: phrasing, position: at(parts[0].from, lineEnd(parts.at(-1)!.line))}
  if (paragraph.item) paragraph.item.children.push(node)
  else children.push(node)
  return true
}

/** The blocks of `lines` (of a file, or of a block quote's content: `quoted`), or `undefined` to decline. */
function scanBlocks(text: string, lines: readonly ScanLine[], quoted: boolean): RootContent[] | undefined {
  const children: RootContent[] = []
  let paragraph: OpenParagraph | undefined
  let item: {node: ListItem; width: number} | undefined
  let table: Table | undefined
  let afterBlank = false

  /** Ends the open paragraph; false when its inline content is not certain or it holds a hard line break. */
  const closeParagraph = (): boolean => {
    if (!paragraph) return true
    if (!addParagraph(text, paragraph, children)) return false
    paragraph = undefined
    return true
  }

  /**
   * Adds a line to the open paragraph (or opens one), unless it is the head row of a table (with
   * the next line as its delimiter row), which ends the paragraph. Returns false to decline,
   * 'table' when the line opened a table.
   */
  const addProseLine = (index: number, from: number, ofItem: ListItem | undefined): boolean | 'table' => {
    const line = lines[index]
    const next = lines[index + 1]
    if (next && delimiterRowCells(next.text) !== undefined) {
      // In a list item, or indented as code, a table is not worked out here.
      const indent = from - line.start
      if (ofItem || paragraph?.item || indent >= 4) return false
      if (opensGfmTable(line.text.slice(indent), next.text)) {
        // A delimiter row that could start a list item would end the paragraph instead.
        if (classify(next.text.slice(indentOf(next.text))).kind !== 'text' || !closeParagraph()) return false
        table = {type: 'table', children: [], position: at(from, lineEnd(next))}
        children.push(table)
        return 'table'
      }
    }
    if (paragraph) paragraph.parts.push({line, from})
    else paragraph = {parts: [{line, from}], item: ofItem}
    return true
  }

  /** The index of the line that ends an HTML comment opened on line `first` (searched from `column` there), if any. */
  const commentEnd = (first: number, column: number): number | undefined => {
    for (let index = first; index < lines.length; index++) {
      if (lines[index].text.includes('-->', index === first ? column : 0)) return index
    }
    return undefined
  }

  /** The index of the line that closes a code fence opened on line `first`, if any. */
  const fenceEnd = (first: number, opening: string): number | undefined => {
    for (let index = first + 1; index < lines.length; index++) {
      const rest = lines[index].text.trimStart()
      if (lines[index].text.length - rest.length < 4 && rest.startsWith(opening) && /^([`~])\1*[ ]*$/u.test(rest) && rest[0] === opening[0]) return index
    }
    return undefined
  }

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    const indent = indentOf(line.text)
    if (indent === line.text.length) {
      if (!closeParagraph()) return undefined
      table = undefined
      afterBlank = true
      continue
    }
    const from = line.start + indent
    if (item && indent >= item.width) {
      // Inside the open item: only its paragraph's continuation is handled (not a second block or a nested one).
      if (afterBlank || !paragraph || (indent - item.width < 4 && classify(line.text.slice(indent)).kind !== 'text')) return undefined
      if (addProseLine(index, from, undefined) !== true) return undefined
      continue
    }
    if (afterBlank) item = undefined
    afterBlank = false
    if (indent >= 4) {
      // Indented code, unless a paragraph continues.
      if (!paragraph || table) return undefined
      if (addProseLine(index, from, undefined) !== true) return undefined
      continue
    }
    const start = classify(line.text.slice(indent))
    switch (start.kind) {
      case 'decline':
        return undefined
      case 'underline':
        if (paragraph || table) return undefined
        break
      case 'heading': {
        if (!closeParagraph()) return undefined
        table = undefined
        item = undefined
        const end = lineEnd(line)
        let content = line.text.slice(indent + start.depth).trim()
        // A closing sequence: `#`s after a space, or the whole content.
        const closing = /(?:^| )#+$/u.exec(content)
        if (closing) content = content.slice(0, closing.index).trimEnd()
        const contentFrom = content ? line.text.indexOf(content, indent + start.depth) + line.start : end
        const inline = content ? scanInline(content) : []
        const phrasing = inline && phrasingOf(inline, (index) => contentFrom + index)
        if (!phrasing) return undefined
        const heading: Heading = {type: 'heading', depth: start.depth as Heading['depth'], children: phrasing, position: at(from, end)}
        children.push(heading)
        continue
      }
      case 'fence': {
        if (table || !closeParagraph()) return undefined
        item = undefined
        const last = fenceEnd(index, start.fence)
        // An unclosed fence runs to the end of the document (or quote), line endings included: not worked out here.
        if (last === undefined) return undefined
        children.push({type: 'code', value: '', position: at(from, lineEnd(lines[last]))})
        index = last
        continue
      }
      case 'thematic-break':
      case 'comment': {
        // `---` under a paragraph is a setext heading's underline; what ends a table here is not worked out.
        if (table || (start.kind === 'thematic-break' && start.marker === '-' && paragraph) || (start.kind === 'comment' && quoted)) return undefined
        if (!closeParagraph()) return undefined
        item = undefined
        if (start.kind === 'thematic-break') {
          children.push({type: 'thematicBreak', position: at(from, lineEnd(line))})
          continue
        }
        const last = commentEnd(index, indent + 4)
        if (last === undefined) return undefined
        // From the start of the line, indentation included, as remark has it.
        const end = lineEnd(lines[last])
        children.push({type: 'html', value: text.slice(line.start, end), position: at(line.start, end)})
        index = last
        continue
      }
      case 'quote': {
        // Nested quotes, and a quote that ends a table, are not worked out here.
        if (quoted || table || !closeParagraph()) return undefined
        item = undefined
        let last = index
        while (last + 1 < lines.length && isQuoteLine(lines[last + 1])) last++
        // A line right after the quote would continue its paragraph lazily or start a block: not worked out.
        const after = lines[last + 1]
        if (after && indentOf(after.text) !== after.text.length) return undefined
        const content = scanBlocks(text, lines.slice(index, last + 1).map(quoteContent), true)
        if (!content) return undefined
        children.push({type: 'blockquote', children: content as Blockquote['children'], position: at(from, lineEnd(lines[last]))})
        index = last
        continue
      }
      case 'item': {
        // A list item cannot be told from paragraph text here without the interruption rules.
        if (table || (paragraph && !paragraph.item)) return undefined
        if (!closeParagraph()) return undefined
        const node: ListItem = {type: 'listItem', children: [], position: at(from, lineEnd(line))}
        const list: List = {type: 'list', children: [node], position: at(from, lineEnd(line))}
        children.push(list)
        item = {node, width: indent + start.width}
        const opened = addProseLine(index, from + start.width, node)
        if (opened !== true) return undefined
        continue
      }
      default:
        break
    }
    if (table) {
      // A body row: any line up to a blank one or a block that interrupts it.
      table.position!.end.offset = lineEnd(line)
      continue
    }
    const added = addProseLine(index, from, undefined)
    if (added === false) return undefined
    // The header and the delimiter row are the table's; its body rows follow.
    if (added === 'table') index++
  }
  if (!closeParagraph()) return undefined
  return children
}
