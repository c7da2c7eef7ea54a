/**
 * From an mdast tree to copydesk's blocks: headings, paragraphs (with pipe rows that GFM did not
 * accept split out as tables), list items, tables, quotes, and the blocks that are not prose;
 * prose is flattened from the inline nodes with every character mapped back to its file offset.
 * The tree comes from remark (`markdown.ts`) or from the fast line scanner (`markdown-scan.ts`),
 * which builds the same nodes for the documents it is sure of.
 */
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import type {Nodes as MdastNodes, Parent as MdastParent, PhrasingContent, Root, RootContent} from 'mdast'
import type {Block, HeadingBlock, ListItemBlock, LiteralBlock, ParagraphBlock, Position, Span, TableBlock, TableRow} from '../types.js'
import {findLabel, lineAt, linesStartingIn, listPrefix, spanOf, splitLines, type Line} from './lines.js'
import {INLINE_OBJECT, type ProseSource, type ToPoint} from './prose.js'
import {isPipeRowCandidate, parseTableRow, tableProse} from './table-row.js'
import type {ParsedBlocks} from './txt.js'

interface Flat {
  text: string
  offsets: number[]
  ends: number[]
  literals: Array<[number, number]>
}

/** Flattens inline content to text, aligning each character with its source offset. */
function flatten(nodes: PhrasingContent[], source: string): Flat {
  const flat = new Flattener(source)
  for (const node of nodes) flat.visit(node)
  return flat
}

/**
 * The flat text of inline nodes as it grows: a class, where closures made for each block were
 * optimized by V8 anew for each large file.
 */
class Flattener implements Flat {
  text = ''
  offsets: number[] = []
  ends: number[] = []
  literals: Array<[number, number]> = []

  constructor(private readonly source: string) {}

  /** The next character of the text comes from `from` to `to` in the source. */
  place(from: number, to: number): void {
    this.offsets.push(from)
    this.ends.push(to)
  }

  visit(node: PhrasingContent): void {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    switch (node.type) {
      case 'text': {
        this.text += node.value
        align(node.value, this.source, start, end, this)
        return
      }
      case 'inlineCode': {
        const inner = this.source.indexOf(node.value, start)
        const from = inner >= 0 && inner < end ? inner : start
        this.literals.push([this.text.length, this.text.length + node.value.length])
        this.text += node.value
        for (let offset = from; offset < from + node.value.length; offset++) this.place(offset, offset + 1)
        return
      }
      case 'break':
        this.text += '\n'
        this.place(start, start + 1)
        return
      case 'image':
      case 'imageReference':
      case 'html':
      case 'footnoteReference':
        // Not prose, but not nothing either: one literal placeholder character for the whole node keeps
        // the words and spaces on either side apart (`a  ![x](y.png)  b` has two doubled spaces, not one).
        this.literals.push([this.text.length, this.text.length + 1])
        this.text += INLINE_OBJECT
        this.place(start, end)
        return
      case 'link': {
        const before = this.text.length
        for (const child of node.children) this.visit(child)
        // An autolink's text is its address.
        const label = this.text.slice(before)
        if (label && (label === node.url || node.url === `mailto:${label}` || /^(?:https?:|www\.)/u.test(label))) {
          this.literals.push([before, this.text.length])
        }
        return
      }
      default:
        if ('children' in node) for (const child of node.children as PhrasingContent[]) this.visit(child)
    }
  }
}

/**
 * Places each character of a text node's value, in order, at its source range. The value can differ from the
 * source (escapes, character references, stripped indentation): source characters that do not
 * match are skipped; a backslash escape (`\*`) maps to the escaped character, the backslash
 * being dropped markup; a character reference (`&eacute;`, `&#233;`) is the whole source of the
 * character it stands for (split over the two code units of an astral character).
 */
function align(value: string, source: string, start: number, end: number, flat: Flattener): void {
  let cursor = start
  let index = 0
  while (index < value.length) {
    let probe = cursor
    let placed = 0
    while (probe < end && placed === 0) {
      const char = source[probe]
      if (char === '\\' && asciiPunctuation.test(source[probe + 1] ?? '')) {
        if (source[probe + 1] === value[index]) {
          flat.place(probe + 1, probe + 2)
          placed = 1
          cursor = probe + 2
          continue
        }
        // Unless the value has the backslash itself (raw text, as in an autolink literal), skip the escape.
        if (value[index] !== '\\') {
          probe += 2
          continue
        }
      }
      // A literal `&` in the value is raw text (an autolink literal keeps `&amp;` as it is).
      if (char === '&' && value[index] !== '&') {
        const reference = characterReference.exec(source.slice(probe, probe + 40))
        const decoded = reference ? decodeReference(reference[0]) : undefined
        if (reference && decoded && value.startsWith(decoded, index)) {
          const after = probe + reference[0].length
          // The first code unit gets the reference up to its last few characters, each further unit
          // (an astral character's second half) one of those, so that the offsets keep increasing.
          const rest = decoded.length - 1
          flat.place(probe, after - rest)
          for (let unit = 1; unit <= rest; unit++) flat.place(after - rest + unit - 1, after - rest + unit)
          placed = decoded.length
          cursor = after
          continue
        }
      }
      if (char === value[index]) {
        flat.place(probe, probe + 1)
        placed = 1
        cursor = probe + 1
      } else {
        probe++
      }
    }
    if (placed === 0) {
      // Not in the source (should not happen): keep the offsets increasing.
      flat.place(Math.min(cursor, end - 1), Math.min(cursor, end - 1) + 1)
      placed = 1
    }
    index += placed
  }
}

const asciiPunctuation = /^[!-/:-@[-`{-~]$/u
const characterReference = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/u

/** The text a character reference stands for, or undefined for an unknown name. */
function decodeReference(reference: string): string | undefined {
  const body = reference.slice(1, -1)
  if (body.startsWith('#')) {
    const code = /^#[xX]/u.test(body) ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10)
    // CommonMark: code point 0, surrogates and values past U+10FFFF become U+FFFD.
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code)
  }
  return decodeNamedCharacterReference(body) || undefined
}

const quoteMarkers = /^[ \t]*(?:>[ \t]?)+/u

/** Orders blocks by where they start in the file. */
const byStart = (a: Block, b: Block): number => a.position.start.offset - b.position.start.offset

/** The blocks and prose of a Markdown document, from its mdast tree (which needs only positions, and values for inline nodes). */
export function blocksFromTree(tree: Root, text: string, toPoint: ToPoint): ParsedBlocks {
  const builder = new BlockBuilder(text, toPoint)
  builder.walk(tree.children, false, 0)
  return builder.withBlankLines()
}

/**
 * The blocks and prose of one document as its tree is walked: a class, where closures made for each
 * document were optimized by V8 anew for each large file (addProse 13 times over the 1,000-file
 * collection, span and base 10, addParagraph 6). Blocks are object literals of the fields a spread of
 * `base` gave, in the same order.
 */
class BlockBuilder {
  readonly blocks: Block[] = []
  readonly prose: ProseSource[] = []
  private readonly lines: Line[]

  constructor(
    private readonly text: string,
    private readonly toPoint: ToPoint
  ) {
    this.lines = splitLines(text)
  }

  private span(from: number, to: number): Span {
    return spanOf(this.text, this.toPoint, from, to)
  }

  private position(from: number, to: number): Position {
    return {start: this.toPoint(from), end: this.toPoint(to)}
  }

  /** A block with no more than its kind, from `from` to `to`. */
  private addLiteral(kind: LiteralBlock['kind'], from: number, to: number): void {
    this.blocks.push({index: this.blocks.length, text: this.text.slice(from, to), position: this.position(from, to), kind})
  }

  // A table in a block quote or list item (or indented) starts mid-line: take every line it
  // touches, from where it starts on its first line and after the `>` markers on the others.
  private addTable(from: number, to: number): void {
    const {text, toPoint} = this
    const rows: TableRow[] = []
    for (const line of this.lines) {
      if (!(line.start < to && line.start + line.text.length > from)) continue
      const begin = Math.max(from, line.start + (quoteMarkers.exec(line.text)?.[0].length ?? 0))
      rows.push(parseTableRow(text.slice(begin, line.start + line.text.length), begin, toPoint))
    }
    const table: TableBlock = {index: this.blocks.length, text: text.slice(from, to), position: this.position(from, to), kind: 'table', rows}
    this.blocks.push(table)
    this.prose.push(...tableProse(table))
  }

  private addProse(block: Block, flat: Flat, from = -Infinity, to = Infinity): void {
    let first = 0
    while (first < flat.offsets.length && flat.offsets[first] < from) first++
    let last = first
    while (last < flat.offsets.length && flat.offsets[last] < to) last++
    // Trim line breaks and spaces left at the edges by the split.
    const slice = flat.text.slice(first, last)
    const text = slice.trim()
    if (!text) return
    first += slice.length - slice.trimStart().length
    last = first + text.length
    // A block's flat text is its own: when all of it is the prose, so are its arrays.
    const whole = first === 0 && last === flat.offsets.length
    const literals: Array<[number, number]> = []
    for (const [start, end] of flat.literals) {
      if (end - first > 0 && start - first < text.length) literals.push([start - first, end - first])
    }
    this.prose.push({
      block,
      text,
      offsets: whole ? flat.offsets : flat.offsets.slice(first, last),
      ends: whole ? flat.ends : flat.ends.slice(first, last),
      literals
    })
  }

  /** A paragraph may hold pipe rows that GFM did not accept as a table: split them out. */
  private addParagraph(node: MdastParent & {type: 'paragraph'}, quoted: boolean, item?: {listItem: MdastNodes; depth: number}): void {
    const {text, lines} = this
    const from = node.position!.start.offset!
    const to = node.position!.end.offset!
    const flat = flatten(node.children as PhrasingContent[], text)
    const own = linesStartingIn(lines, lineAt(lines, from)?.start ?? from, to)
    const rowFlags = own.map((line) => isPipeRowCandidate(line.text))
    const runs: Array<{table: boolean; from: number; to: number}> = []
    for (let index = 0; index < own.length; index++) {
      let last = index
      while (last + 1 < own.length && rowFlags[last + 1] === rowFlags[index]) last++
      const isTable = rowFlags[index] && (last > index || /^\s*\|.*\|\s*$/u.test(own[index].text))
      const start = Math.max(from, own[index].start)
      const end = Math.min(to, own[last].start + own[last].text.length)
      const previous = runs.at(-1)
      if (!isTable && previous && !previous.table) previous.to = end
      else runs.push({table: isTable, from: start, to: end})
      index = last
    }
    for (let runIndex = 0; runIndex < runs.length; runIndex++) {
      const run = runs[runIndex]
      if (run.table) this.addTable(run.from, run.to)
      else if (item && runIndex === 0) this.addListItem(item, from, run, flat)
      else {
        const block: ParagraphBlock = {index: this.blocks.length, text: text.slice(run.from, run.to), position: this.position(run.from, run.to), kind: 'paragraph', quoted}
        this.blocks.push(block)
        this.addProse(block, flat, run.from, run.to)
      }
    }
  }

  /** The list item whose first paragraph starts at `from`, its content the run `run` of it. */
  private addListItem(item: {listItem: MdastNodes; depth: number}, from: number, run: {from: number; to: number}, flat: Flat): void {
    const {text, lines} = this
    const itemStart = item.listItem.position!.start.offset!
    const lineStart = lineAt(lines, itemStart)!
    const prefix = listPrefix(lineStart.text)
    const markerFrom = prefix ? lineStart.start + prefix.indent : itemStart
    const markerText = prefix?.marker ?? text.slice(itemStart, from).trim()
    const label = findLabel(text.slice(run.from, run.to))
    const block: ListItemBlock = {
      index: this.blocks.length,
      text: text.slice(markerFrom, run.to),
      position: this.position(markerFrom, run.to),
      kind: 'list-item',
      marker: this.span(markerFrom, markerFrom + markerText.length),
      ordered: prefix?.ordered ?? /\d/u.test(markerText),
      depth: item.depth,
      content: this.span(run.from, run.to)
    }
    if (label) block.label = this.span(run.from + label.start, run.from + label.start + label.text.length)
    this.blocks.push(block)
    this.addProse(block, flat, run.from, run.to)
  }

  walk(nodes: RootContent[], quoted: boolean, listDepth: number): void {
    for (const node of nodes) {
      const from = node.position?.start.offset
      const to = node.position?.end.offset
      if (from === undefined || to === undefined) continue
      switch (node.type) {
        case 'heading': {
          const flat = flatten(node.children, this.text)
          // From the first inline node to the end of the last, so closing markup (`**`, `](url)`) stays in.
          const contentFrom = node.children[0]?.position?.start.offset ?? from
          const contentTo = node.children.at(-1)?.position?.end.offset ?? contentFrom
          const block: HeadingBlock = {
            index: this.blocks.length,
            text: this.text.slice(from, to),
            position: this.position(from, to),
            kind: 'heading',
            depth: node.depth,
            content: this.span(contentFrom, contentTo)
          }
          this.blocks.push(block)
          this.addProse(block, flat)
          break
        }
        case 'paragraph':
          this.addParagraph(node, quoted)
          break
        case 'blockquote':
          this.walk(node.children, true, listDepth)
          break
        case 'list':
          for (const item of node.children) {
            const [first, ...rest] = item.children
            if (first?.type === 'paragraph') this.addParagraph(first, quoted, {listItem: item, depth: listDepth})
            else if (first) this.walk([first], quoted, listDepth + 1)
            this.walk(rest, quoted, listDepth + 1)
          }
          break
        case 'footnoteDefinition':
          this.walk(node.children, quoted, listDepth)
          break
        case 'table':
          this.addTable(from, to)
          break
        case 'code':
          this.addLiteral('code', from, to)
          break
        case 'html':
          this.addLiteral('html', from, to)
          break
        case 'yaml':
        case 'toml' as RootContent['type']:
          this.addLiteral('front-matter', from, to)
          break
        case 'thematicBreak':
          this.addLiteral('thematic-break', from, to)
          break
        default:
          // Definitions and other non-prose nodes carry nothing to check.
          break
      }
    }
  }

  /** The blocks in source order with the blank lines between them, numbered, and the prose. */
  withBlankLines(): ParsedBlocks {
    const {blocks, lines} = this
    blocks.sort(byStart)

    // Blank lines: runs of empty lines that no block covers. Lines and blocks are both in
    // source order, so one sweep with a running "covered until" offset decides each line.
    let nextBlock = 0
    let coveredUntil = -1
    const covered = (offset: number): boolean => {
      while (nextBlock < blocks.length && blocks[nextBlock].position.start.offset <= offset) {
        coveredUntil = Math.max(coveredUntil, blocks[nextBlock].position.end.offset)
        nextBlock++
      }
      return offset < coveredUntil
    }
    const withBlanks: Block[] = []
    let pending = 0
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]
      if (line.text.trim() || covered(line.start)) continue
      let last = index
      while (last + 1 < lines.length && !lines[last + 1].text.trim() && !covered(lines[last + 1].start)) last++
      const end = lines[last].start + lines[last].text.length
      while (pending < blocks.length && blocks[pending].position.start.offset < line.start) withBlanks.push(blocks[pending++])
      withBlanks.push({index: withBlanks.length, text: this.text.slice(line.start, end), position: this.position(line.start, end), kind: 'blank', lines: last - index + 1})
      index = last
    }
    for (let index = pending; index < blocks.length; index++) withBlanks.push(blocks[index])
    for (let index = 0; index < withBlanks.length; index++) withBlanks[index].index = index
    return {blocks: withBlanks, prose: this.prose}
  }
}
