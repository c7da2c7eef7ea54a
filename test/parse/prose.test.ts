/**
 * Positions: every block, span, cell and nlcst node of an article points at the
 * right place of the original file, whatever the format, line endings, BOM or
 * characters outside ASCII.
 */
import type {Nodes as NlcstNode, Parents as NlcstParent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {describe, expect, it} from 'vitest'
import {builtinRules} from '../../rules/index.js'
import type {RuleSetting} from '../../src/config.js'
import {lint} from '../../src/lint.js'
import {loadMarkdownParser, parseArticle} from '../../src/parse/article.js'
import {decodeArticle} from '../../src/read.js'
import type {Article, ArticleFormat, Point, Prose, Span} from '../../src/types.js'
import {check, generatedTexts} from '../helpers.js'

// Markdown is parsed synchronously once its parser is loaded (`lintFile` loads it on demand).
await loadMarkdownParser()

/** The point of `offset` in `source`, computed without vfile-location: lines end at `\r\n`, `\n` or `\r`. */
function pointAt(source: string, offset: number): Point {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset; index++) {
    const char = source[index]
    if (char === '\n' || (char === '\r' && source[index + 1] !== '\n')) {
      line++
      lineStart = index + 1
    }
  }
  return {line, column: offset - lineStart + 1, offset}
}

function walk(node: NlcstNode, visit: (node: NlcstNode) => void): void {
  visit(node)
  if ('children' in node) for (const child of (node as NlcstParent).children) walk(child, visit)
}

interface PositionCheck {
  /** Also require `source[offsets[i]] === text[i]` (false when the prose holds character references or hard breaks). */
  exactCharacters?: boolean
  /**
   * Let a word's source hold Markdown markup the prose dropped (`and[link](u)the` is one word,
   * `andlinkthe`, whose source range spans the link's brackets and URL).
   */
  markupInWords?: boolean
}

/** A point as unist has it: `offset` may be missing. */
type LoosePoint = Omit<Point, 'offset'> & {offset?: number}
type LoosePosition = {start: LoosePoint; end: LoosePoint}

const show = (point: LoosePoint | undefined): string => (point ? `${point.line}:${point.column}@${point.offset}` : 'none')

/**
 * Collects what is wrong with the positions of an article, checked against its
 * source: blocks, markers, contents, labels, rows and cells must be the source
 * text between their offsets; every nlcst node's line and column must agree with
 * its offset; every word must be the source text between its offsets.
 */
function positionProblems(source: string, article: Article, options: PositionCheck = {}): {problems: string[]; words: number} {
  const problems: string[] = []
  const point = (value: LoosePoint | undefined, what: string): void => {
    if (!value || value.offset === undefined || value.offset < 0 || value.offset > source.length) return void problems.push(`${what}: bad point ${show(value)}`)
    const expected = pointAt(source, value.offset)
    if (value.line !== expected.line || value.column !== expected.column) problems.push(`${what}: ${show(value)}, expected ${show(expected)}`)
  }
  const position = (value: LoosePosition | undefined, what: string): void => {
    if (!value) return void problems.push(`${what}: no position`)
    point(value.start, `${what} start`)
    point(value.end, `${what} end`)
    if ((value.end.offset ?? 0) < (value.start.offset ?? 0)) problems.push(`${what}: ends before it starts`)
  }
  const span = (value: Span | undefined, what: string): void => {
    if (!value) return void problems.push(`${what}: missing`)
    position(value.position, what)
    const slice = source.slice(value.position.start.offset, value.position.end.offset)
    if (slice !== value.text) problems.push(`${what}: text ${JSON.stringify(value.text)}, source ${JSON.stringify(slice)}`)
  }

  for (const block of article.blocks) {
    const what = `${block.kind} block ${block.index}`
    span(block, what)
    if (block.text.endsWith('\r')) problems.push(`${what}: text ends with \\r`)
    if (block.kind === 'heading') span(block.content, `${what} content`)
    if (block.kind === 'list-item') {
      span(block.marker, `${what} marker`)
      span(block.content, `${what} content`)
      if (block.label) span(block.label, `${what} label`)
    }
    if (block.kind === 'table') {
      // One row per line of the table, each inside the table.
      const lineCount = block.text.split(/\r\n|\n|\r/u).length
      if (block.rows.length !== lineCount) problems.push(`${what}: ${block.rows.length} rows for ${lineCount} lines`)
      block.rows.forEach((row, rowIndex) => {
        if (row.position.start.offset < block.position.start.offset || row.position.end.offset > block.position.end.offset) {
          problems.push(`${what} row ${rowIndex}: outside its table`)
        }
        span(row, `${what} row ${rowIndex}`)
        if (/[\r\n]/u.test(row.text)) problems.push(`${what} row ${rowIndex}: holds a line ending`)
        row.cells.forEach((cell, cellIndex) => span(cell, `${what} row ${rowIndex} cell ${cellIndex}`))
      })
    }
  }

  let words = 0
  for (const prose of article.prose) {
    const what = `prose of ${prose.block.kind} block ${prose.block.index}${prose.cell ? ` cell ${prose.cell.row}:${prose.cell.cell}` : ''}`
    if (prose.offsets.length !== prose.text.length) problems.push(`${what}: ${prose.offsets.length} offsets for ${prose.text.length} characters`)
    for (let index = 1; index < prose.offsets.length; index++) {
      if (prose.offsets[index] <= prose.offsets[index - 1]) problems.push(`${what}: offsets not increasing at ${index}`)
    }
    if (options.exactCharacters) {
      const mapped = prose.offsets.map((offset) => source[offset]).join('')
      if (mapped !== prose.text) problems.push(`${what}: offsets map to ${JSON.stringify(mapped)}, not ${JSON.stringify(prose.text)}`)
    }
    // The prose lies inside its block.
    const {start, end} = prose.node.position ?? {}
    if (!start || !end || (start.offset ?? -1) < prose.block.position.start.offset || (end.offset ?? Infinity) > prose.block.position.end.offset) {
      problems.push(`${what}: node ${show(start)}-${show(end)} outside its block`)
    }
    walk(prose.node, (node) => {
      const name = `${what}: ${node.type} ${JSON.stringify(toString(node))}`
      position(node.position, name)
      if (node.type === 'WordNode' && node.position) {
        words++
        const slice = source.slice(node.position.start.offset, node.position.end.offset)
        if (slice !== toString(node) && !options.markupInWords) problems.push(`${name}: source ${JSON.stringify(slice)}`)
      }
    })
  }
  return {problems, words}
}

/** Asserts that all positions of an article match its source; returns the number of words checked. */
function expectPositionsMatchSource(source: string, article: Article, options?: PositionCheck): number {
  const {problems, words} = positionProblems(source, article, options)
  expect(problems).toEqual([])
  return words
}

/** Parses `source` and checks all its positions; returns the article. */
function checked(source: string, format: ArticleFormat, options?: PositionCheck): Article {
  const {article} = parseArticle(source, format)
  expect(expectPositionsMatchSource(source, article, options)).toBeGreaterThan(0)
  return article
}

/** The words of a prose entry with their places, as `word line:column@offset-line:column@offset`. */
function words(prose: Prose): string[] {
  const found: string[] = []
  walk(prose.node, (node) => {
    if (node.type !== 'WordNode') return
    const {start, end} = node.position!
    found.push(`${toString(node)} ${start.line}:${start.column}@${start.offset}-${end.line}:${end.column}@${end.offset}`)
  })
  return found
}

const crlf = (text: string): string => text.replace(/\n/gu, '\r\n')
const cr = (text: string): string => text.replace(/\n/gu, '\r')

const txtSource = [
  'Milo Đukanović Met Leaders',
  'Milo Đukanović met leaders 🎉 in Podgorica, and they smiled 😀.',
  '',
  '- Ključne teme: saradnja 👍🏽 i razvoj.',
  '  • Nested “quoted” item — with a dash',
  '1) Café au lait, naïve façade.',
  '| Grad | Opis |',
  '|---|---|',
  '| Nikšić | Lijep grad 🏔️ |',
  '| Žabljak | `code|pipe` and \\| escaped |',
  'The end of the article, in Zürich.',
  ''
].join('\n')

const mdSource = [
  '---',
  'title: Đukanović 🎉',
  '---',
  '',
  '# Milo *Đukanović* 🎉 Meets [Leaders](http://example.com)',
  '',
  'Milo **Đukanović** met leaders 🎉 in Podgorica,',
  'and _they_ smiled 😀 at [the press](http://x) today.',
  '',
  '> Quoted Đukanović',
  '> second 🎉 line, `inline code` here.',
  '',
  '- Ključne teme: saradnja 👍🏽 i razvoj.',
  '  - Nested **bold** item',
  '    1. Deep item — Zürich',
  '',
  '| Grad | Opis |',
  '|---|:-:|',
  '| Nikšić | Lijep grad 🏔️ |',
  '',
  '```',
  'code 🎉 block',
  '```',
  '',
  'Setext Đukanović',
  '----------------',
  '',
  'Text glued to rows.',
  '| a | b |',
  '| c | d |',
  ''
].join('\n')

const mdTables = [
  '> Quoted table, Đukanović:',
  '>',
  '> | Grad | Opis 🎉 |',
  '> |---|---|',
  '> | Nikšić | Lijep grad |',
  '',
  '> | glued | rows |',
  '> | in a | quote |',
  '',
  '- Item with a table:',
  '',
  '  | Kolona | Druga |',
  '  |---|---|',
  '  | Žabljak | Zürich |',
  '',
  '  | Indented | table |',
  '  |---|---|',
  '  | x | y |',
  ''
].join('\n')

describe('positions: every word is the source text between its offsets', () => {
  it.each([
    ['txt, LF', txtSource, 'txt'],
    ['txt, CRLF', crlf(txtSource), 'txt'],
    ['txt, CR', cr(txtSource), 'txt'],
    ['md, LF', mdSource, 'md'],
    ['md, CRLF', crlf(mdSource), 'md'],
    ['md, CR', cr(mdSource), 'md'],
    ['md tables in quotes and list items, LF', mdTables, 'md'],
    ['md tables in quotes and list items, CRLF', crlf(mdTables), 'md']
  ] as const)('%s', (_, source, format) => {
    checked(source, format)
  })

  it('catches a word whose position is off by one (the helper is not vacuous)', () => {
    const source = 'Milo Đukanović met leaders.\n'
    const {article} = parseArticle(source, 'txt')
    expect(positionProblems(source, article).problems).toEqual([])
    let moved = false
    walk(article.prose[0].node, (node) => {
      if (moved || node.type !== 'WordNode' || toString(node) !== 'met') return
      node.position!.start = article.toPoint(node.position!.start.offset! + 1)
      node.position!.end = {...node.position!.end, column: node.position!.end.column + 1}
      moved = true
    })
    expect(moved).toBe(true)
    expect(positionProblems(source, article).problems).toEqual([
      'prose of paragraph block 0: WordNode "met" end: 1:20@18, expected 1:19@18',
      'prose of paragraph block 0: WordNode "met": source "et"'
    ])
  })

  it('maps every prose character to the same character of the source when there is no markup to decode', () => {
    checked(txtSource, 'txt', {exactCharacters: true})
    checked(crlf(txtSource), 'txt', {exactCharacters: true})
    checked(mdSource, 'md', {exactCharacters: true})
    checked(crlf(mdSource), 'md', {exactCharacters: true})
  })

  it('holds for the sample articles in fixtures/', async () => {
    const fs = await import('node:fs/promises')
    const folder = new URL('../../fixtures/articles/', import.meta.url)
    const names = (await fs.readdir(folder)).filter((name) => /\.(?:txt|md)$/u.test(name))
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) {
      const source = (await fs.readFile(new URL(name, folder), 'utf8')).replace(/^\uFEFF/u, '')
      const {article} = parseArticle(source, name.endsWith('.md') ? 'md' : 'txt')
      expect(expectPositionsMatchSource(source, article), name).toBeGreaterThan(0)
    }
  })

  it.each(['txt', 'md'] as const)('holds for generated %s input full of markup, pipes, quotes and line endings', (format) => {
    const problems: string[] = []
    for (const source of generatedTexts(7, 150)) {
      const {article} = parseArticle(source, format)
      const found = positionProblems(source, article, {markupInWords: format === 'md'}).problems
      if (found.length > 0) problems.push(`${JSON.stringify(source)}: ${found.slice(0, 3).join('; ')}`)
    }
    expect(problems).toEqual([])
  })

  it('counts columns in UTF-16 code units, as JavaScript strings do', () => {
    const article = checked(txtSource, 'txt')
    const line2 = article.prose.find((prose) => prose.block.index === 1)!
    expect(words(line2).slice(0, 6)).toEqual([
      'Milo 2:1@27-2:5@31',
      'Đukanović 2:6@32-2:15@41',
      'met 2:16@42-2:19@45',
      'leaders 2:20@46-2:27@53',
      // `🎉` is two code units, so `in` starts at column 31, not 30.
      'in 2:31@57-2:33@59',
      'Podgorica 2:34@60-2:43@69'
    ])
  })

  it('keeps Markdown words right after emphasis, links and emoji', () => {
    const article = checked(mdSource, 'md')
    const heading = article.prose.find((prose) => prose.block.kind === 'heading')!
    expect(heading.text).toBe('Milo Đukanović 🎉 Meets Leaders')
    expect(words(heading)).toEqual(['Milo 5:3@31-5:7@35', 'Đukanović 5:9@37-5:18@46', 'Meets 5:23@51-5:28@56', 'Leaders 5:30@58-5:37@65'])
    const paragraph = article.prose.find((prose) => prose.text.startsWith('Milo Đukanović met'))!
    expect(paragraph.text).toBe('Milo Đukanović met leaders 🎉 in Podgorica,\nand they smiled 😀 at the press today.')
    expect(words(paragraph).slice(-7)).toEqual([
      'and 8:1@136-8:4@139',
      'they 8:6@141-8:10@145',
      'smiled 8:12@147-8:18@153',
      'at 8:22@157-8:24@159',
      'the 8:26@161-8:29@164',
      'press 8:30@165-8:35@170',
      'today 8:47@182-8:52@187'
    ])
  })
})

describe('positions: CRLF line endings', () => {
  it('txt: block texts have no \\r and lines after the first are placed right', () => {
    const source = 'Title Line\r\nA sentence here.\r\n\r\n\r\n- Item: x\r\n| A | B |\r\n| c | d |\r\n'
    const article = checked(source, 'txt')
    expect(article.lineEnding).toBe('\r\n')
    expect(article.blocks).toMatchObject([
      {kind: 'heading', text: 'Title Line', position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 11, offset: 10}}},
      {kind: 'paragraph', text: 'A sentence here.', position: {start: {line: 2, column: 1, offset: 12}, end: {line: 2, column: 17, offset: 28}}},
      {kind: 'blank', lines: 2, text: '\r\n', position: {start: {line: 3, column: 1, offset: 30}, end: {line: 4, column: 1, offset: 32}}},
      {
        kind: 'list-item',
        text: '- Item: x',
        position: {start: {line: 5, column: 1, offset: 34}, end: {line: 5, column: 10, offset: 43}},
        label: {text: 'Item', position: {start: {line: 5, column: 3, offset: 36}, end: {line: 5, column: 7, offset: 40}}}
      },
      {kind: 'table', text: '| A | B |\r\n| c | d |', position: {start: {line: 6, column: 1, offset: 45}, end: {line: 7, column: 10, offset: 65}}}
    ])
    for (const block of article.blocks) if (block.kind !== 'blank' && block.kind !== 'table') expect(block.text).not.toContain('\r')
    expect(words(article.prose[1])).toEqual(['A 2:1@12-2:2@13', 'sentence 2:3@14-2:11@22', 'here 2:12@23-2:16@27'])
    const cell = article.prose.find((prose) => prose.text === 'd')!
    expect(cell.node.position).toEqual({start: {line: 7, column: 7, offset: 62}, end: {line: 7, column: 8, offset: 63}})
  })

  it('md: a paragraph keeps its inner CRLF, ends before it, and its second line is placed right', () => {
    const source = '# Title\r\n\r\nLine one\r\nline two.\r\n\r\n- Item one\r\n- Item two\r\n\r\n| A | B |\r\n|---|---|\r\n| c | d |\r\n'
    const article = checked(source, 'md')
    expect(article.lineEnding).toBe('\r\n')
    expect(article.blocks.map((block) => [block.kind, block.text, `${block.position.start.line}:${block.position.start.column}@${block.position.start.offset}`, `${block.position.end.line}:${block.position.end.column}@${block.position.end.offset}`])).toEqual([
      ['heading', '# Title', '1:1@0', '1:8@7'],
      ['blank', '', '2:1@9', '2:1@9'],
      ['paragraph', 'Line one\r\nline two.', '3:1@11', '4:10@30'],
      ['blank', '', '5:1@32', '5:1@32'],
      ['list-item', '- Item one', '6:1@34', '6:11@44'],
      ['list-item', '- Item two', '7:1@46', '7:11@56'],
      ['blank', '', '8:1@58', '8:1@58'],
      ['table', '| A | B |\r\n|---|---|\r\n| c | d |', '9:1@60', '11:10@91']
    ])
    const paragraph = article.prose.find((prose) => prose.block.kind === 'paragraph')!
    expect(words(paragraph)).toEqual(['Line 3:1@11-3:5@15', 'one 3:6@16-3:9@19', 'line 4:1@21-4:5@25', 'two 4:6@26-4:9@29'])
    const table = article.blocks.at(-1)!
    expect(table.kind === 'table' && table.rows.map((row) => [row.text, row.delimiter, row.position.start.line])).toEqual([
      ['| A | B |', false, 9],
      ['|---|---|', true, 10],
      ['| c | d |', false, 11]
    ])
  })

  it('reports the line ending the file uses most', () => {
    expect(parseArticle('One.\nTwo.\r\nThree.\nFour.\n', 'txt').article.lineEnding).toBe('\n')
    expect(parseArticle('One.\r\nTwo.\r\nThree.\n', 'txt').article.lineEnding).toBe('\r\n')
    expect(parseArticle('One line only.', 'md').article.lineEnding).toBe('\n')
  })
})

describe('positions: byte order mark', () => {
  const allOff: Record<string, RuleSetting> = Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, 'off' as RuleSetting]))

  it('txt: the BOM is removed before parsing, remembered in article.bom, and positions count from after it', async () => {
    const file = await lint('\uFEFFTitle Line\nIt was a good plan.\n', {filePath: 'article.txt', rules: allOff})
    const article = file.data.article!
    expect(String(file.value)).toBe('Title Line\nIt was a good plan.\n')
    expect(article.bom).toBe(true)
    expect(file.data.bom).toBe(true)
    expect(article.format).toBe('txt')
    expect(article.blocks).toMatchObject([
      {kind: 'heading', text: 'Title Line', position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 11, offset: 10}}},
      {kind: 'paragraph', position: {start: {line: 2, column: 1, offset: 11}, end: {line: 2, column: 20, offset: 30}}}
    ])
    expect(words(article.prose[0])).toEqual(['Title 1:1@0-1:6@5', 'Line 1:7@6-1:11@10'])
    expect(expectPositionsMatchSource(String(file.value), article)).toBe(7)
  })

  it('md: a heading right after the BOM is still a heading, at column 1', async () => {
    const file = await lint('\uFEFF# Title\r\n\r\nSome text.\r\n', {filePath: 'article.md', rules: allOff})
    const article = file.data.article!
    expect(article.bom).toBe(true)
    expect(article.format).toBe('md')
    expect(article.lineEnding).toBe('\r\n')
    expect(article.blocks[0]).toMatchObject({
      kind: 'heading',
      depth: 1,
      position: {start: {line: 1, column: 1, offset: 0}},
      content: {text: 'Title', position: {start: {line: 1, column: 3, offset: 2}, end: {line: 1, column: 8, offset: 7}}}
    })
    expectPositionsMatchSource(String(file.value), article)
  })

  it('is false without a BOM, and when the parser is called directly', async () => {
    const file = await lint('Title Line\nIt was a good plan.\n', {filePath: 'article.txt', rules: allOff})
    expect(file.data.article!.bom).toBe(false)
    expect(parseArticle('It was a good plan.\n', 'txt').article.bom).toBe(false)
  })

  it('is detected in bytes read from disk', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Đukanović spoke.\n', 'utf8')])
    const file = decodeArticle(bytes, 'article.txt')
    expect(file.data.bom).toBe(true)
    expect(String(file.value)).toBe('Đukanović spoke.\n')
  })

  it('does not shift the columns of messages', async () => {
    const withBom = await check('repeated-words', '\uFEFFIt was the the best plan.\n')
    const without = await check('repeated-words', 'It was the the best plan.\n')
    expect(withBom).toMatchObject([{line: 1, column: 8, endLine: 1, endColumn: 15}])
    expect(withBom).toEqual(without)
  })
})
