/**
 * The `.txt` block parser: one block per non-empty line, the heading heuristic,
 * list items with labels, pipe tables and blank runs, with exact positions.
 */
import {toString} from 'nlcst-to-string'
import {describe, expect, it} from 'vitest'
import {parseArticle} from '../../src/parse/article.js'
import {HEADING_MAX_WORDS, isTitleLike} from '../../src/parse/txt.js'
import type {Article, BlankBlock, HeadingBlock, ListItemBlock, Position, TableBlock} from '../../src/types.js'

const parse = (text: string): Article => parseArticle(text, 'txt').article

/** A position from `line:column@offset` pairs, to keep expectations short. */
function pos(start: [number, number, number], end: [number, number, number]): Position {
  return {
    start: {line: start[0], column: start[1], offset: start[2]},
    end: {line: end[0], column: end[1], offset: end[2]}
  }
}

const kinds = (article: Article): string[] => article.blocks.map((block) => block.kind)

describe('txt: one block per line', () => {
  it('makes one block per non-empty line when lines follow each other directly', () => {
    const text = 'Security Cooperation\nNATO allies met in Brussels on Tuesday.\nThey agreed on a plan.\n'
    const article = parse(text)
    expect(article.format).toBe('txt')
    expect(article.lineEnding).toBe('\n')
    expect(article.blocks).toMatchObject([
      {index: 0, kind: 'heading', text: 'Security Cooperation', position: pos([1, 1, 0], [1, 21, 20])},
      {index: 1, kind: 'paragraph', quoted: false, text: 'NATO allies met in Brussels on Tuesday.', position: pos([2, 1, 21], [2, 40, 60])},
      {index: 2, kind: 'paragraph', quoted: false, text: 'They agreed on a plan.', position: pos([3, 1, 61], [3, 23, 83])}
    ])
    expect(article.blocks).toHaveLength(3)
    // One prose entry per block, pointing at the block, with one character offset per character.
    expect(article.prose.map((prose) => [prose.block.index, prose.text])).toEqual([
      [0, 'Security Cooperation'],
      [1, 'NATO allies met in Brussels on Tuesday.'],
      [2, 'They agreed on a plan.']
    ])
    expect(article.prose[2].offsets).toEqual(Array.from({length: 22}, (_, index) => 61 + index))
    expect(article.prose.map((prose) => prose.node.data?.block)).toEqual([0, 1, 2])
  })

  it('keeps the same blocks when blank lines separate them, with blank blocks counting the lines', () => {
    const text = 'Security Cooperation\n\nNATO allies met in Brussels on Tuesday.\n\n\nThey agreed on a plan.\n'
    const article = parse(text)
    expect(kinds(article)).toEqual(['heading', 'blank', 'paragraph', 'blank', 'paragraph'])
    expect(article.blocks).toMatchObject([
      {index: 0, text: 'Security Cooperation', position: pos([1, 1, 0], [1, 21, 20])},
      {index: 1, kind: 'blank', lines: 1, text: '', position: pos([2, 1, 21], [2, 1, 21])},
      {index: 2, text: 'NATO allies met in Brussels on Tuesday.', position: pos([3, 1, 22], [3, 40, 61])},
      {index: 3, kind: 'blank', lines: 2, text: '\n', position: pos([4, 1, 62], [5, 1, 63])},
      {index: 4, text: 'They agreed on a plan.', position: pos([6, 1, 64], [6, 23, 86])}
    ])
    // Blank blocks carry no prose.
    expect(article.prose.map((prose) => prose.block.index)).toEqual([0, 2, 4])
  })

  it('treats whitespace-only lines as blank and a blank last line as a blank block', () => {
    const article = parse('It rained today.\n  \t\nIt snowed later.\n\n')
    expect(article.blocks).toMatchObject([
      {kind: 'paragraph', text: 'It rained today.'},
      {kind: 'blank', lines: 1, text: '  \t', position: pos([2, 1, 17], [2, 4, 20])},
      {kind: 'paragraph', text: 'It snowed later.', position: pos([3, 1, 21], [3, 17, 37])},
      {kind: 'blank', lines: 1, text: '', position: pos([4, 1, 38], [4, 1, 38])}
    ])
  })

  it('starts a paragraph’s prose after its indentation', () => {
    const article = parse('   Indented sentence here.\n')
    expect(article.blocks[0]).toMatchObject({kind: 'paragraph', text: '   Indented sentence here.', position: pos([1, 1, 0], [1, 27, 26])})
    expect(article.prose[0].text).toBe('Indented sentence here.')
    expect(article.prose[0].node.position).toMatchObject(pos([1, 4, 3], [1, 27, 26]))
  })

  it('returns no blocks for an empty text', () => {
    expect(parse('').blocks).toEqual([])
    expect(parse('').prose).toEqual([])
  })
})

describe('txt: headings', () => {
  const headingTexts = (text: string): string[] =>
    parse(text)
      .blocks.filter((block) => block.kind === 'heading')
      .map((block) => block.text)

  it('makes a short title-like line followed by prose a depth-2 heading with its content span', () => {
    const article = parse('  Indented Title  \nThe talks resumed today.\n')
    const heading = article.blocks[0] as HeadingBlock
    expect(heading).toMatchObject({
      kind: 'heading',
      depth: 2,
      text: '  Indented Title  ',
      position: pos([1, 1, 0], [1, 19, 18]),
      content: {text: 'Indented Title', position: pos([1, 3, 2], [1, 17, 16])}
    })
    expect(article.prose[0].text).toBe('Indented Title')
    expect(article.prose[0].block).toBe(heading)
  })

  it('looks past blank lines for the prose that follows', () => {
    expect(headingTexts('Title Here\n\n\nThis is a sentence about things.\n')).toEqual(['Title Here'])
  })

  it('does not make a short sentence ending with a period a heading', () => {
    expect(kinds(parse('A short line.\nThis is a sentence about things.\n'))).toEqual(['paragraph', 'paragraph'])
  })

  it('does not make a line ending with a colon a heading, even before a list', () => {
    const article = parse('The summit ended today.\nKey objectives include:\n- Security: more of it.\n')
    expect(kinds(article)).toEqual(['paragraph', 'paragraph', 'list-item'])
  })

  it('makes a title-like line before a list item or a table a heading', () => {
    expect(headingTexts('The summit ended today.\nKey Objectives\n- Security: more of it.\n')).toEqual(['Key Objectives'])
    expect(headingTexts('The summit ended today.\nBudget Overview\n| Item | Cost |\n|---|---|\n| Fuel | 10 |\n')).toEqual(['Budget Overview'])
  })

  it('makes stacked title-like lines all headings when prose follows the last, and one before a `##` heading', () => {
    expect(headingTexts('Part One\nThe Beginning\nIt started on a Monday.\n')).toEqual(['Part One', 'The Beginning'])
    const article = parse('Part One\n## Chapter Two\nIt started on a Monday.\n')
    expect(article.blocks).toMatchObject([
      {kind: 'heading', depth: 2, text: 'Part One'},
      {kind: 'heading', depth: 2, text: '## Chapter Two', content: {text: 'Chapter Two', position: pos([2, 4, 12], [2, 15, 23])}},
      {kind: 'paragraph'}
    ])
  })

  it('never makes the last line a heading', () => {
    expect(kinds(parse('This is a sentence about things.\nClosing Words\n'))).toEqual(['paragraph', 'paragraph'])
  })

  it('finds no headings in a single-line document or one without sentences', () => {
    expect(kinds(parse('Just A Title'))).toEqual(['paragraph'])
    expect(kinds(parse('Just A Title\n'))).toEqual(['paragraph'])
    expect(kinds(parse('Alpha Beta\nGamma Delta\nEpsilon Zeta\n'))).toEqual(['paragraph', 'paragraph', 'paragraph'])
  })

  it('counts a long line without final punctuation as a paragraph that enables headings', () => {
    const long = Array.from({length: 21}, (_, index) => `word${index}`).join(' ')
    expect(kinds(parse(`Short Title\n${long}\n`))).toEqual(['heading', 'paragraph'])
  })

  it('keeps a dateline with an abbreviation a paragraph; a bare date is title-like, so it becomes a heading', () => {
    // `Jan. 5` reads as a sentence end followed by more text.
    expect(kinds(parse('Washington, Jan. 5\nThe talks resumed today.\n'))).toEqual(['paragraph', 'paragraph'])
    // The rules have no notion of datelines: `March 5, 2024` is short and unpunctuated.
    expect(kinds(parse('March 5, 2024\nThe talks resumed today.\n'))).toEqual(['heading', 'paragraph'])
  })

  it('treats questions, exclamations, initialisms and two-sentence lines as the rules say', () => {
    expect(kinds(parse('What Comes Next?\nThe talks resumed today.\n'))).toEqual(['heading', 'paragraph'])
    expect(kinds(parse('We Won!\nThe talks resumed today.\n'))).toEqual(['paragraph', 'paragraph'])
    expect(kinds(parse('U.S. Plans Change\nThe talks resumed today.\n'))).toEqual(['heading', 'paragraph'])
    expect(kinds(parse('It ended. Then Came Spring\nThe talks resumed today.\n'))).toEqual(['paragraph', 'paragraph'])
  })
})

describe('txt: isTitleLike', () => {
  const words = (count: number): string => Array.from({length: count}, (_, index) => `Word${index}`).join(' ')

  it.each([
    ['Security Cooperation', true],
    ['2024 Budget', true],
    ['“The Plan”', true],
    ['(Updated) Results', true],
    ['U.S. Plans Change', true],
    ['March 5, 2024', true],
    ['What Comes Next?', true],
    ['A short line.', false],
    ['Key objectives include:', false],
    ['Ends with a comma,', false],
    ['Ends with a semicolon;', false],
    ['Trailing off…', false],
    ['We Won!', false],
    ['“We Won!”', false],
    ['Washington, Jan. 5', false],
    ['It ended. Then Came Spring', false],
    ['— by Jane Doe', false],
    ['* * *', false],
    ['', false],
    ['   ', false]
  ])('%j → %s', (line, expected) => {
    expect(isTitleLike(line)).toBe(expected)
  })

  it('allows up to HEADING_MAX_WORDS words, and questions only up to 12', () => {
    expect(HEADING_MAX_WORDS).toBe(20)
    expect(isTitleLike(words(20))).toBe(true)
    expect(isTitleLike(words(21))).toBe(false)
    expect(isTitleLike(`${words(12)}?`)).toBe(true)
    expect(isTitleLike(`${words(13)}?`)).toBe(false)
    expect(isTitleLike('A'.repeat(151))).toBe(false)
  })
})

describe('txt: list items', () => {
  const text = [
    'Intro line that is a sentence.',
    '- Data Sharing: we share data.',
    '* Star item',
    '• Bullet item',
    '  - Nested: item here',
    '1. First: one',
    '2) Second',
    ''
  ].join('\n')

  it('recognises `-`, `*`, `•`, `1.` and `1)` items with marker, content, label and depth', () => {
    const article = parse(text)
    expect(kinds(article)).toEqual(['paragraph', 'list-item', 'list-item', 'list-item', 'list-item', 'list-item', 'list-item'])
    const items = article.blocks.slice(1) as ListItemBlock[]
    expect(items[0]).toMatchObject({
      text: '- Data Sharing: we share data.',
      position: pos([2, 1, 31], [2, 31, 61]),
      marker: {text: '-', position: pos([2, 1, 31], [2, 2, 32])},
      ordered: false,
      depth: 0,
      content: {text: 'Data Sharing: we share data.', position: pos([2, 3, 33], [2, 31, 61])},
      label: {text: 'Data Sharing', position: pos([2, 3, 33], [2, 15, 45])}
    })
    expect(items[1]).toMatchObject({
      marker: {text: '*', position: pos([3, 1, 62], [3, 2, 63])},
      ordered: false,
      depth: 0,
      content: {text: 'Star item', position: pos([3, 3, 64], [3, 12, 73])}
    })
    expect(items[1].label).toBeUndefined()
    expect(items[2]).toMatchObject({
      marker: {text: '•', position: pos([4, 1, 74], [4, 2, 75])},
      content: {text: 'Bullet item', position: pos([4, 3, 76], [4, 14, 87])}
    })
    expect(items[3]).toMatchObject({
      text: '  - Nested: item here',
      position: pos([5, 1, 88], [5, 22, 109]),
      marker: {text: '-', position: pos([5, 3, 90], [5, 4, 91])},
      depth: 1,
      content: {text: 'Nested: item here', position: pos([5, 5, 92], [5, 22, 109])},
      label: {text: 'Nested', position: pos([5, 5, 92], [5, 11, 98])}
    })
    expect(items[4]).toMatchObject({
      marker: {text: '1.', position: pos([6, 1, 110], [6, 3, 112])},
      ordered: true,
      depth: 0,
      content: {text: 'First: one', position: pos([6, 4, 113], [6, 14, 123])},
      label: {text: 'First', position: pos([6, 4, 113], [6, 9, 118])}
    })
    expect(items[5]).toMatchObject({
      marker: {text: '2)', position: pos([7, 1, 124], [7, 3, 126])},
      ordered: true,
      content: {text: 'Second', position: pos([7, 4, 127], [7, 10, 133])}
    })
    expect(items[5].label).toBeUndefined()
  })

  it('gives each item’s content (label included) as its prose, positioned after the marker', () => {
    const article = parse(text)
    const prose = article.prose.find((entry) => entry.block.index === 1)!
    expect(prose.text).toBe('Data Sharing: we share data.')
    expect(prose.offsets[0]).toBe(33)
    const words = prose.node.children
      .flatMap((sentence) => ('children' in sentence ? sentence.children : []))
      .filter((node) => node.type === 'WordNode')
    expect(words.map((word) => [toString(word), word.position?.start.column, word.position?.end.column])).toEqual([
      ['Data', 3, 7],
      ['Sharing', 8, 15],
      ['we', 17, 19],
      ['share', 20, 25],
      ['data', 26, 30]
    ])
  })

  it('measures depth relative to the first item of each run of list lines', () => {
    const article = parse('  - Indented start\n- Less indented\n      - Deeper still\nA sentence in between.\n    - New run\n')
    expect(article.blocks.map((block) => (block.kind === 'list-item' ? block.depth : block.kind))).toEqual([0, 0, 1, 'paragraph', 0])
  })

  it('finds a label inside `**…:**` and skips what is not a short label', () => {
    const bold = parse('- **Data Sharing:** we share.\n').blocks[0] as ListItemBlock
    expect(bold.label).toMatchObject({text: 'Data Sharing', position: pos([1, 5, 4], [1, 17, 16])})
    expect(bold.content.text).toBe('**Data Sharing:** we share.')
    for (const line of [
      '- Visit http://example.com today',
      '- It ended. Then: more',
      '- 2024: a year',
      '- Time:10:30 sharp',
      '- One two three four five six seven eight nine: text'
    ]) {
      const item = parse(`${line}\n`).blocks[0] as ListItemBlock
      expect(item.kind, line).toBe('list-item')
      expect(item.label, line).toBeUndefined()
    }
  })

  it('does not take a thematic break or a marker without content as a list item', () => {
    expect(kinds(parse('It rained.\n* * *\n-\nIt stopped.\n'))).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph'])
  })
})

describe('txt: tables', () => {
  it('takes rows without a leading pipe, over a `---|---|` delimiter row, with escaped pipes and pipes in code', () => {
    const text = 'Focus Area | Objective |\n---|---|\nSecurity | Keep `a|b` safe \\| ok |\n'
    const article = parse(text)
    expect(kinds(article)).toEqual(['table'])
    const table = article.blocks[0] as TableBlock
    expect(table.text).toBe('Focus Area | Objective |\n---|---|\nSecurity | Keep `a|b` safe \\| ok |')
    expect(table.position).toEqual(pos([1, 1, 0], [3, 35, 68]))
    expect(table.rows).toEqual([
      {
        text: 'Focus Area | Objective |',
        position: pos([1, 1, 0], [1, 25, 24]),
        delimiter: false,
        leadingPipe: false,
        trailingPipe: true,
        cells: [
          {text: 'Focus Area', position: pos([1, 1, 0], [1, 11, 10])},
          {text: 'Objective', position: pos([1, 14, 13], [1, 23, 22])}
        ]
      },
      {
        text: '---|---|',
        position: pos([2, 1, 25], [2, 9, 33]),
        delimiter: true,
        leadingPipe: false,
        trailingPipe: true,
        cells: [
          {text: '---', position: pos([2, 1, 25], [2, 4, 28])},
          {text: '---', position: pos([2, 5, 29], [2, 8, 32])}
        ]
      },
      {
        text: 'Security | Keep `a|b` safe \\| ok |',
        position: pos([3, 1, 34], [3, 35, 68]),
        delimiter: false,
        leadingPipe: false,
        trailingPipe: true,
        cells: [
          {text: 'Security', position: pos([3, 1, 34], [3, 9, 42])},
          {text: 'Keep `a|b` safe \\| ok', position: pos([3, 12, 45], [3, 33, 66])}
        ]
      }
    ])
    // One prose entry per non-empty cell, none for the delimiter row.
    expect(article.prose.map((prose) => [prose.text, prose.cell, prose.offsets[0]])).toEqual([
      ['Focus Area', {row: 0, cell: 0}, 0],
      ['Objective', {row: 0, cell: 1}, 13],
      ['Security', {row: 2, cell: 0}, 34],
      ['Keep `a|b` safe \\| ok', {row: 2, cell: 1}, 45]
    ])
    expect(article.prose.every((prose) => prose.block === table)).toBe(true)
    // The code span is a literal, so its word is not a WordNode.
    const cell = article.prose[3]
    expect(cell.literals).toEqual([[5, 10]])
  })

  it('takes consecutive pipe rows without a delimiter row as a table', () => {
    const article = parse('| A | B |\n| C | D |\n')
    const table = article.blocks[0] as TableBlock
    expect(table).toMatchObject({kind: 'table', text: '| A | B |\n| C | D |', position: pos([1, 1, 0], [2, 10, 19])})
    expect(table.rows.map((row) => [row.delimiter, row.leadingPipe, row.trailingPipe, row.cells.map((cell) => cell.text)])).toEqual([
      [false, true, true, ['A', 'B']],
      [false, true, true, ['C', 'D']]
    ])
    expect(table.rows[1].cells[1].position).toEqual(pos([2, 7, 16], [2, 8, 17]))
  })

  it('takes rows with inner pipes only (no leading or trailing pipe) as a table', () => {
    const table = parse('A | B | C\nD | E | F\n').blocks[0] as TableBlock
    expect(table.kind).toBe('table')
    expect(table.rows.map((row) => [row.leadingPipe, row.trailingPipe, row.cells.map((cell) => cell.text)])).toEqual([
      [false, false, ['A', 'B', 'C']],
      [false, false, ['D', 'E', 'F']]
    ])
    expect(table.rows[1].cells[2].position).toEqual(pos([2, 9, 18], [2, 10, 19]))
  })

  it('gives an empty cell an empty range after its left pipe and no prose', () => {
    const article = parse('| A | B |\n|---|:-:|\n| | x |\nSome text here.\n')
    expect(kinds(article)).toEqual(['table', 'paragraph'])
    const table = article.blocks[0] as TableBlock
    expect(table.rows[1]).toMatchObject({delimiter: true, cells: [{text: '---'}, {text: ':-:'}]})
    expect(table.rows[2].cells).toEqual([
      {text: '', position: pos([3, 2, 21], [3, 2, 21])},
      {text: 'x', position: pos([3, 5, 24], [3, 6, 25])}
    ])
    expect(article.prose.map((prose) => [prose.text, prose.cell])).toEqual([
      ['A', {row: 0, cell: 0}],
      ['B', {row: 0, cell: 1}],
      ['x', {row: 2, cell: 1}],
      ['Some text here.', undefined]
    ])
    expect(article.blocks[1].position).toEqual(pos([4, 1, 28], [4, 16, 43]))
  })

  it('takes a lone row as a table only when pipes fence it on both ends', () => {
    expect(kinds(parse('| lone |\n'))).toEqual(['table'])
    // Not fenced: the line is text (here title-like, so even a heading).
    expect(kinds(parse('It rained.\nA | B | C\nIt stopped.\n'))).toEqual(['paragraph', 'heading', 'paragraph'])
    expect(kinds(parse('It rained.\nA | B\nIt stopped.\n'))).toEqual(['paragraph', 'heading', 'paragraph'])
    expect(kinds(parse('It rained.\n| A | B\nIt stopped.\n'))).toEqual(['paragraph', 'paragraph', 'paragraph'])
  })

  it('takes rows with a single inner pipe as a table only next to a delimiter row', () => {
    const article = parse('It rained.\nName | Role\n--- | ---\nAlice | Chair\nBob | Deputy\nIt stopped.\n')
    expect(kinds(article)).toEqual(['paragraph', 'table', 'paragraph'])
    const table = article.blocks[1] as TableBlock
    expect(table.rows.map((row) => [row.delimiter, row.cells.map((cell) => cell.text)])).toEqual([
      [false, ['Name', 'Role']],
      [true, ['---', '---']],
      [false, ['Alice', 'Chair']],
      [false, ['Bob', 'Deputy']]
    ])
    // Without a delimiter row, single-pipe lines stay prose (`Kosovo | Reuters` is a credit line).
    expect(kinds(parse('It rained.\nKosovo | Reuters\nPristina | AP\nIt stopped.\n'))).not.toContain('table')
  })

  it('starts a new table at a header and delimiter row below the first row: two tables glued together', () => {
    const article = parse('| A | B | C |\n|---|---|---|\n| 1 | 2 | 3 |\n| D | E |\n|---|---|\n| 4 | 5 |\n')
    expect(kinds(article)).toEqual(['table', 'table'])
    expect((article.blocks as TableBlock[]).map((table) => [table.position.start.line, table.rows.length])).toEqual([[1, 3], [4, 3]])
    // A malformed delimiter row further down is a row of the same table (GFM reads it so too).
    expect(kinds(parse('| A | B |\n|---|---|\n| 1 | 2 |\n| - | - | - |\n'))).toEqual(['table'])
  })

  it('marks malformed delimiter rows as delimiter rows, but not a row of `=` signs', () => {
    const rows = (parse('| A | B |\n|-=-||\n| ==== | x |\n').blocks[0] as TableBlock).rows
    expect(rows.map((row) => row.delimiter)).toEqual([false, true, false])
  })

  it('does not split on escaped pipes or pipes in code', () => {
    expect(kinds(parse('It rained \\| it poured \\| it stopped.\n'))).toEqual(['paragraph'])
    expect(kinds(parse('Run `a | b | c` now.\n'))).toEqual(['paragraph'])
  })
})

describe('txt: blank blocks', () => {
  it('counts the lines of each run of blank lines and spans them', () => {
    const article = parse('\n\nFirst line here.\n\n\n\nSecond line here.')
    const blanks = article.blocks.filter((block): block is BlankBlock => block.kind === 'blank')
    expect(blanks).toEqual([
      {kind: 'blank', index: 0, text: '\n', lines: 2, position: pos([1, 1, 0], [2, 1, 1])},
      {kind: 'blank', index: 2, text: '\n\n', lines: 3, position: pos([4, 1, 19], [6, 1, 21])}
    ])
    expect(article.blocks[3].position).toEqual(pos([7, 1, 22], [7, 18, 39]))
  })
})
