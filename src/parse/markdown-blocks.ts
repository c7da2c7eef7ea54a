/**
 * From an mdast tree to copydesk's blocks: headings, paragraphs (with pipe rows that GFM did not
 * accept split out as tables), list items, tables, quotes, and the blocks that are not prose;
 * prose is flattened from the inline nodes with every character mapped back to its file offset.
 * The tree comes from remark (`markdown.ts`) or from the fast line scanner (`markdown-scan.ts`),
 * which builds the same nodes for the documents it is sure of.
 */
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import type {Nodes as MdastNodes, Parent as MdastParent, PhrasingContent, Root, RootContent} from 'mdast'
import type {Block, ListItemBlock, ParagraphBlock, Span, TableBlock} from '../types.js'
import {findLabel, lineAt, linesStartingIn, listPrefix, splitLines} from './lines.js'
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
  const flat: Flat = {text: '', offsets: [], ends: [], literals: []}
  // The next character of the text comes from `from` to `to` in the source.
  const place = (from: number, to: number): void => {
    flat.offsets.push(from)
    flat.ends.push(to)
  }
  const visit = (node: PhrasingContent): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    switch (node.type) {
      case 'text': {
        flat.text += node.value
        align(node.value, source, start, end, place)
        return
      }
      case 'inlineCode': {
        const inner = source.indexOf(node.value, start)
        const from = inner >= 0 && inner < end ? inner : start
        flat.literals.push([flat.text.length, flat.text.length + node.value.length])
        flat.text += node.value
        for (let offset = from; offset < from + node.value.length; offset++) place(offset, offset + 1)
        return
      }
      case 'break':
        flat.text += '\n'
        place(start, start + 1)
        return
      case 'image':
      case 'imageReference':
      case 'html':
      case 'footnoteReference':
        // Not prose, but not nothing either: one literal placeholder character for the whole node keeps
        // the words and spaces on either side apart (`a  ![x](y.png)  b` has two doubled spaces, not one).
        flat.literals.push([flat.text.length, flat.text.length + 1])
        flat.text += INLINE_OBJECT
        place(start, end)
        return
      case 'link': {
        const before = flat.text.length
        for (const child of node.children) visit(child)
        // An autolink's text is its address.
        const label = flat.text.slice(before)
        if (label && (label === node.url || node.url === `mailto:${label}` || /^(?:https?:|www\.)/u.test(label))) {
          flat.literals.push([before, flat.text.length])
        }
        return
      }
      default:
        if ('children' in node) for (const child of node.children as PhrasingContent[]) visit(child)
    }
  }
  for (const node of nodes) visit(node)
  return flat
}

/**
 * Places each character of a text node's value, in order, at its source range. The value can differ from the
 * source (escapes, character references, stripped indentation): source characters that do not
 * match are skipped; a backslash escape (`\*`) maps to the escaped character, the backslash
 * being dropped markup; a character reference (`&eacute;`, `&#233;`) is the whole source of the
 * character it stands for (split over the two code units of an astral character).
 */
function align(value: string, source: string, start: number, end: number, place: (from: number, to: number) => void): void {
  let cursor = start
  let index = 0
  while (index < value.length) {
    let probe = cursor
    let placed = 0
    while (probe < end && placed === 0) {
      const char = source[probe]
      if (char === '\\' && asciiPunctuation.test(source[probe + 1] ?? '')) {
        if (source[probe + 1] === value[index]) {
          place(probe + 1, probe + 2)
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
          place(probe, after - rest)
          for (let unit = 1; unit <= rest; unit++) place(after - rest + unit - 1, after - rest + unit)
          placed = decoded.length
          cursor = after
          continue
        }
      }
      if (char === value[index]) {
        place(probe, probe + 1)
        placed = 1
        cursor = probe + 1
      } else {
        probe++
      }
    }
    if (placed === 0) {
      // Not in the source (should not happen): keep the offsets increasing.
      place(Math.min(cursor, end - 1), Math.min(cursor, end - 1) + 1)
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

/** The blocks and prose of a Markdown document, from its mdast tree (which needs only positions, and values for inline nodes). */
export function blocksFromTree(tree: Root, text: string, toPoint: ToPoint): ParsedBlocks {
  const blocks: Block[] = []
  const prose: ProseSource[] = []
  const lines = splitLines(text)
  const span = (from: number, to: number): Span => ({text: text.slice(from, to), position: {start: toPoint(from), end: toPoint(to)}})
  const base = (from: number, to: number) => ({index: blocks.length, text: text.slice(from, to), position: {start: toPoint(from), end: toPoint(to)}})

  // A table in a block quote or list item (or indented) starts mid-line: take every line it
  // touches, from where it starts on its first line and after the `>` markers on the others.
  const addTable = (from: number, to: number): void => {
    const rows = lines
      .filter((line) => line.start < to && line.start + line.text.length > from)
      .map((line) => {
        const begin = Math.max(from, line.start + (/^[ \t]*(?:>[ \t]?)+/u.exec(line.text)?.[0].length ?? 0))
        return parseTableRow(text.slice(begin, line.start + line.text.length), begin, toPoint)
      })
    const table: TableBlock = {...base(from, to), kind: 'table', rows}
    blocks.push(table)
    prose.push(...tableProse(table))
  }

  const addProse = (block: Block, flat: Flat, from = -Infinity, to = Infinity): void => {
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
    const literals = flat.literals
      .map(([start, end]): [number, number] => [start - first, end - first])
      .filter(([start, end]) => end > 0 && start < text.length)
    prose.push({
      block,
      text,
      offsets: whole ? flat.offsets : flat.offsets.slice(first, last),
      ends: whole ? flat.ends : flat.ends.slice(first, last),
      literals
    })
  }

  /** A paragraph may hold pipe rows that GFM did not accept as a table: split them out. */
  const addParagraph = (node: MdastParent & {type: 'paragraph'}, quoted: boolean, item?: {listItem: MdastNodes; depth: number}): void => {
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
    runs.forEach((run, runIndex) => {
      if (run.table) return addTable(run.from, run.to)
      if (item && runIndex === 0) {
        const itemStart = item.listItem.position!.start.offset!
        const lineStart = lineAt(lines, itemStart)!
        const prefix = listPrefix(lineStart.text)
        const markerFrom = prefix ? lineStart.start + prefix.indent : itemStart
        const markerText = prefix?.marker ?? text.slice(itemStart, from).trim()
        const contentText = text.slice(run.from, run.to)
        const label = findLabel(contentText)
        const block: ListItemBlock = {
          ...base(markerFrom, run.to),
          kind: 'list-item',
          marker: span(markerFrom, markerFrom + markerText.length),
          ordered: prefix?.ordered ?? /\d/u.test(markerText),
          depth: item.depth,
          content: span(run.from, run.to),
          ...(label ? {label: span(run.from + label.start, run.from + label.start + label.text.length)} : {})
        }
        blocks.push(block)
        return addProse(block, flat, run.from, run.to)
      }
      const block: ParagraphBlock = {...base(run.from, run.to), kind: 'paragraph', quoted}
      blocks.push(block)
      addProse(block, flat, run.from, run.to)
    })
  }

  const walk = (nodes: RootContent[], quoted: boolean, listDepth: number): void => {
    for (const node of nodes) {
      const from = node.position?.start.offset
      const to = node.position?.end.offset
      if (from === undefined || to === undefined) continue
      switch (node.type) {
        case 'heading': {
          const flat = flatten(node.children, text)
          // From the first inline node to the end of the last, so closing markup (`**`, `](url)`) stays in.
          const contentFrom = node.children[0]?.position?.start.offset ?? from
          const contentTo = node.children.at(-1)?.position?.end.offset ?? contentFrom
          const block: Block = {...base(from, to), kind: 'heading', depth: node.depth, content: span(contentFrom, contentTo)}
          blocks.push(block)
          addProse(block, flat)
          break
        }
        case 'paragraph':
          addParagraph(node, quoted)
          break
        case 'blockquote':
          walk(node.children, true, listDepth)
          break
        case 'list':
          for (const item of node.children) {
            const [first, ...rest] = item.children
            if (first?.type === 'paragraph') addParagraph(first, quoted, {listItem: item, depth: listDepth})
            else if (first) walk([first], quoted, listDepth + 1)
            walk(rest, quoted, listDepth + 1)
          }
          break
        case 'footnoteDefinition':
          walk(node.children, quoted, listDepth)
          break
        case 'table':
          addTable(from, to)
          break
        case 'code':
          blocks.push({...base(from, to), kind: 'code'})
          break
        case 'html':
          blocks.push({...base(from, to), kind: 'html'})
          break
        case 'yaml':
        case 'toml' as RootContent['type']:
          blocks.push({...base(from, to), kind: 'front-matter'})
          break
        case 'thematicBreak':
          blocks.push({...base(from, to), kind: 'thematic-break'})
          break
        default:
          // Definitions and other non-prose nodes carry nothing to check.
          break
      }
    }
  }

  walk(tree.children, false, 0)
  blocks.sort((a, b) => a.position.start.offset - b.position.start.offset)

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
    withBlanks.push({...base(line.start, end), kind: 'blank', lines: last - index + 1})
    index = last
  }
  withBlanks.push(...blocks.slice(pending))
  withBlanks.forEach((block, index) => {
    block.index = index
  })
  return {blocks: withBlanks, prose}
}
