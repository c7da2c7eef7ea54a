/**
 * The Markdown block parser: headings, paragraphs, lists, quotes, tables and
 * the blocks that are not prose, with prose offsets mapped to the original file.
 */
import {spawnSync} from 'node:child_process'
import type {Nodes as NlcstNode, Parents as NlcstParent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {describe, expect, it} from 'vitest'
import {loadMarkdownParser, parseArticle} from '../../src/parse/article.js'
import type {Article, HeadingBlock, ListItemBlock, Position, Prose, TableBlock} from '../../src/types.js'
import {project} from '../helpers.js'

// Markdown is parsed synchronously once its parser is loaded (`lintFile` loads it on demand).
await loadMarkdownParser()

const parse = (text: string): Article => parseArticle(text, 'md').article

function pos(start: [number, number, number], end: [number, number, number]): Position {
  return {
    start: {line: start[0], column: start[1], offset: start[2]},
    end: {line: end[0], column: end[1], offset: end[2]}
  }
}

const kinds = (article: Article): string[] => article.blocks.map((block) => block.kind)

/** Every node of a type under `node`, in order. */
function nodesOf(node: NlcstNode, type: string): NlcstNode[] {
  const found: NlcstNode[] = node.type === type ? [node] : []
  if ('children' in node) for (const child of (node as NlcstParent).children) found.push(...nodesOf(child, type))
  return found
}

/** `[word, 'line:column@offset-line:column@offset']` for each word of a prose entry. */
function words(prose: Prose, type = 'WordNode'): Array<[string, string]> {
  return nodesOf(prose.node, type).map((word) => {
    const {start, end} = word.position!
    return [toString(word), `${start.line}:${start.column}@${start.offset}-${end.line}:${end.column}@${end.offset}`]
  })
}

describe('md: headings', () => {
  it('parses ATX headings, with the content span inside the `#` markers', () => {
    const article = parse('# Title Here #\n\n### Deep dive\n')
    expect(article.blocks).toMatchObject([
      {
        index: 0,
        kind: 'heading',
        depth: 1,
        text: '# Title Here #',
        position: pos([1, 1, 0], [1, 15, 14]),
        content: {text: 'Title Here', position: pos([1, 3, 2], [1, 13, 12])}
      },
      {index: 1, kind: 'blank', lines: 1, position: pos([2, 1, 15], [2, 1, 15])},
      {
        index: 2,
        kind: 'heading',
        depth: 3,
        text: '### Deep dive',
        position: pos([3, 1, 16], [3, 14, 29]),
        content: {text: 'Deep dive', position: pos([3, 5, 20], [3, 14, 29])}
      }
    ])
    expect(article.prose.map((prose) => [prose.block.index, prose.text])).toEqual([
      [0, 'Title Here'],
      [2, 'Deep dive']
    ])
  })

  it('keeps closing inline markup inside a heading’s content span', () => {
    const article = parse('# Hello **world**\n\n## See [the docs](http://x)\n')
    const [first, , second] = article.blocks as HeadingBlock[]
    expect(first.content).toEqual({text: 'Hello **world**', position: pos([1, 3, 2], [1, 18, 17])})
    expect(second.content).toEqual({text: 'See [the docs](http://x)', position: pos([3, 4, 22], [3, 28, 46])})
    expect(article.prose.map((prose) => prose.text)).toEqual(['Hello world', 'See the docs'])
    expect(words(article.prose[0])).toEqual([
      ['Hello', '1:3@2-1:8@7'],
      ['world', '1:11@10-1:16@15']
    ])
  })

  it('parses setext headings: the block spans the underline, the content does not', () => {
    const article = parse('Setext Head\n===========\n\nSub Head\n--------\n')
    expect(article.blocks).toMatchObject([
      {kind: 'heading', depth: 1, text: 'Setext Head\n===========', position: pos([1, 1, 0], [2, 12, 23]), content: {text: 'Setext Head', position: pos([1, 1, 0], [1, 12, 11])}},
      {kind: 'blank', lines: 1, position: pos([3, 1, 24], [3, 1, 24])},
      {kind: 'heading', depth: 2, text: 'Sub Head\n--------', position: pos([4, 1, 25], [5, 9, 42]), content: {text: 'Sub Head', position: pos([4, 1, 25], [4, 9, 33])}}
    ])
    expect(article.prose.map((prose) => prose.text)).toEqual(['Setext Head', 'Sub Head'])
  })
})

describe('md: paragraphs', () => {
  it('makes lines without a blank line between them one paragraph, with line-2 words on line 2', () => {
    const article = parse('First line of text\nsecond line here.\n')
    expect(article.blocks).toEqual([
      {index: 0, kind: 'paragraph', quoted: false, text: 'First line of text\nsecond line here.', position: pos([1, 1, 0], [2, 18, 36])}
    ])
    expect(article.prose).toHaveLength(1)
    expect(article.prose[0].text).toBe('First line of text\nsecond line here.')
    expect(words(article.prose[0])).toEqual([
      ['First', '1:1@0-1:6@5'],
      ['line', '1:7@6-1:11@10'],
      ['of', '1:12@11-1:14@13'],
      ['text', '1:15@14-1:19@18'],
      ['second', '2:1@19-2:7@25'],
      ['line', '2:8@26-2:12@30'],
      ['here', '2:13@31-2:17@35']
    ])
  })

  it('skips the indentation of continuation lines in the offsets', () => {
    const article = parse('Para one\n    indented continuation here.\n')
    expect(article.blocks[0]).toMatchObject({kind: 'paragraph', text: 'Para one\n    indented continuation here.', position: pos([1, 1, 0], [2, 32, 40])})
    expect(article.prose[0].text).toBe('Para one\nindented continuation here.')
    expect(words(article.prose[0]).slice(2)).toEqual([
      ['indented', '2:5@13-2:13@21'],
      ['continuation', '2:14@22-2:26@34'],
      ['here', '2:27@35-2:31@39']
    ])
  })

  it('drops emphasis and link markup from the prose but keeps offsets in the original file', () => {
    const text = 'Some **bold** word and [link text](http://x) end.\n'
    const article = parse(text)
    const [prose] = article.prose
    expect(prose.text).toBe('Some bold word and link text end.')
    expect(prose.offsets).toEqual([
      0, 1, 2, 3, 4, 7, 8, 9, 10, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 44, 45, 46, 47, 48
    ])
    expect(words(prose)).toEqual([
      ['Some', '1:1@0-1:5@4'],
      ['bold', '1:8@7-1:12@11'],
      ['word', '1:15@14-1:19@18'],
      ['and', '1:20@19-1:23@22'],
      ['link', '1:25@24-1:29@28'],
      ['text', '1:30@29-1:34@33'],
      ['end', '1:46@45-1:49@48']
    ])
  })

  it('handles underscores, strikethrough, escapes and character references', () => {
    const article = parse('An _em_ and ~~gone~~ word. A \\*starred\\* note.\n')
    expect(article.prose[0].text).toBe('An em and gone word. A *starred* note.')
    expect(words(article.prose[0])).toEqual([
      ['An', '1:1@0-1:3@2'],
      ['em', '1:5@4-1:7@6'],
      ['and', '1:9@8-1:12@11'],
      ['gone', '1:15@14-1:19@18'],
      ['word', '1:22@21-1:26@25'],
      ['A', '1:28@27-1:29@28'],
      ['starred', '1:32@31-1:39@38'],
      ['note', '1:42@41-1:46@45']
    ])
    // A character reference is one character of prose; the words after it keep their columns.
    const entities = parse('AT&amp;T and caf&eacute; open.\n')
    expect(entities.prose[0].text).toBe('AT&T and café open.')
    // A word ending in a reference ends after the reference's `;`.
    expect(words(entities.prose[0])).toEqual([
      ['AT&T', '1:1@0-1:9@8'],
      ['and', '1:10@9-1:13@12'],
      ['café', '1:14@13-1:25@24'],
      ['open', '1:26@25-1:30@29']
    ])
    expect(entities.prose[0].ends.slice(11, 13)).toEqual([16, 24])
  })

  it('maps an escaped backslash, a reference after it, an astral reference and raw `&amp;` in an autolink', () => {
    const text = 'Path a\\\\&nbsp;b, smile &#x1F600; now, see www.example.com/?a&amp;b end.\n'
    const [prose] = parse(text).prose
    expect(prose.text).toBe('Path a\\\u00a0b, smile \u{1F600} now, see www.example.com/?a&amp;b end.')
    const source = (index: number) => text.slice(prose.offsets[index], prose.ends[index])
    // `\\` is one backslash (the second), `&nbsp;` one no-break space.
    expect([6, 7, 8].map(source)).toEqual(['\\', '&nbsp;', 'b'])
    // The two code units of the emoji share its reference, in order.
    const emoji = prose.text.indexOf('\u{1F600}')
    expect(source(emoji) + source(emoji + 1)).toBe('&#x1F600;')
    expect(prose.offsets[emoji + 1]).toBeGreaterThan(prose.offsets[emoji])
    // The autolink literal keeps `&amp;` raw, character for character.
    const amp = prose.text.indexOf('&amp;')
    expect([0, 1, 2, 3, 4].map((k) => source(amp + k)).join('')).toBe('&amp;')
    expect(words(prose).at(-1)).toEqual(['end', `1:${text.indexOf('end') + 1}@${text.indexOf('end')}-1:${text.indexOf('end') + 4}@${text.indexOf('end') + 3}`])
  })

  it('keeps inline code in the prose text as a literal, as SourceNodes rather than words', () => {
    const article = parse('Run `npm test` now.\n')
    const [prose] = article.prose
    expect(prose.text).toBe('Run npm test now.')
    expect(prose.literals).toEqual([[4, 12]])
    expect(prose.offsets.slice(4, 12)).toEqual([5, 6, 7, 8, 9, 10, 11, 12])
    expect(words(prose)).toEqual([
      ['Run', '1:1@0-1:4@3'],
      ['now', '1:16@15-1:19@18']
    ])
    expect(words(prose, 'SourceNode')).toEqual([
      ['npm', '1:6@5-1:9@8'],
      ['test', '1:10@9-1:14@13']
    ])
  })
  it('stands one literal placeholder in for an image, inline HTML or a footnote reference, spanning its source', () => {
    const text = 'A ![logo](a.png) and<br>two[^1] words.\n\n[^1]: Note.\n'
    const [prose] = parse(text).prose
    expect(prose.text).toBe('A \uFFFC and\uFFFCtwo\uFFFC words.')
    expect(prose.literals).toEqual([[2, 3], [7, 8], [11, 12]])
    // Each placeholder's source is its whole node: `![logo](a.png)`, `<br>`, `[^1]`.
    expect([2, 7, 11].map((index) => text.slice(prose.offsets[index], prose.ends[index]))).toEqual(['![logo](a.png)', '<br>', '[^1]'])
    expect(words(prose).map(([word]) => word)).toEqual(['A', 'and', 'two', 'words'])
  })
})

describe('md: lists', () => {
  it('gives nested list items their depth, marker, content and label', () => {
    const article = parse('- Item one: first\n  - Nested item\n    1. Deep item\n- Item two\n')
    expect(kinds(article)).toEqual(['list-item', 'list-item', 'list-item', 'list-item'])
    const items = article.blocks as ListItemBlock[]
    expect(items[0]).toMatchObject({
      text: '- Item one: first',
      position: pos([1, 1, 0], [1, 18, 17]),
      marker: {text: '-', position: pos([1, 1, 0], [1, 2, 1])},
      ordered: false,
      depth: 0,
      content: {text: 'Item one: first', position: pos([1, 3, 2], [1, 18, 17])},
      label: {text: 'Item one', position: pos([1, 3, 2], [1, 11, 10])}
    })
    expect(items[1]).toMatchObject({
      text: '- Nested item',
      position: pos([2, 3, 20], [2, 16, 33]),
      marker: {text: '-', position: pos([2, 3, 20], [2, 4, 21])},
      depth: 1,
      content: {text: 'Nested item', position: pos([2, 5, 22], [2, 16, 33])}
    })
    expect(items[1].label).toBeUndefined()
    expect(items[2]).toMatchObject({
      text: '1. Deep item',
      position: pos([3, 5, 38], [3, 17, 50]),
      marker: {text: '1.', position: pos([3, 5, 38], [3, 7, 40])},
      ordered: true,
      depth: 2,
      content: {text: 'Deep item', position: pos([3, 8, 41], [3, 17, 50])}
    })
    expect(items[3]).toMatchObject({text: '- Item two', position: pos([4, 1, 51], [4, 11, 61]), depth: 0})
    expect(article.prose.map((prose) => [prose.block.index, prose.text])).toEqual([
      [0, 'Item one: first'],
      [1, 'Nested item'],
      [2, 'Deep item'],
      [3, 'Item two']
    ])
  })

  it('recognises `+` and `1)` markers and `**Label:**` leads', () => {
    const article = parse('+ Plus item\n\n1) Ordered: yes\n\n- **Data Sharing:** we share.\n')
    expect(article.blocks).toMatchObject([
      {kind: 'list-item', marker: {text: '+', position: pos([1, 1, 0], [1, 2, 1])}, ordered: false, content: {text: 'Plus item', position: pos([1, 3, 2], [1, 12, 11])}},
      {kind: 'blank', lines: 1},
      {
        kind: 'list-item',
        marker: {text: '1)', position: pos([3, 1, 13], [3, 3, 15])},
        ordered: true,
        content: {text: 'Ordered: yes', position: pos([3, 4, 16], [3, 16, 28])},
        label: {text: 'Ordered', position: pos([3, 4, 16], [3, 11, 23])}
      },
      {kind: 'blank', lines: 1},
      {
        kind: 'list-item',
        content: {text: '**Data Sharing:** we share.', position: pos([5, 3, 32], [5, 30, 59])},
        label: {text: 'Data Sharing', position: pos([5, 5, 34], [5, 17, 46])}
      }
    ])
    const last = article.prose.at(-1)!
    expect(last.text).toBe('Data Sharing: we share.')
    expect(words(last)[0]).toEqual(['Data', '5:5@34-5:9@38'])
  })

  it('keeps a multi-line item one block, and makes an item’s second paragraph a paragraph', () => {
    const multi = parse('- First line of item\n  continues here.\n')
    expect(multi.blocks).toHaveLength(1)
    expect(multi.blocks[0]).toMatchObject({
      kind: 'list-item',
      text: '- First line of item\n  continues here.',
      position: pos([1, 1, 0], [2, 18, 38]),
      content: {text: 'First line of item\n  continues here.', position: pos([1, 3, 2], [2, 18, 38])}
    })
    expect(words(multi.prose[0]).slice(4)).toEqual([['continues', '2:3@23-2:12@32'], ['here', '2:13@33-2:17@37']])

    const loose = parse('- Item para one.\n\n  Item para two.\n')
    expect(loose.blocks).toMatchObject([
      {kind: 'list-item', text: '- Item para one.', depth: 0},
      {kind: 'blank', lines: 1, position: pos([2, 1, 17], [2, 1, 17])},
      {kind: 'paragraph', quoted: false, text: 'Item para two.', position: pos([3, 3, 20], [3, 17, 34])}
    ])
  })
})

describe('md: block quotes', () => {
  it('marks quoted paragraphs and maps their words past the `>` markers', () => {
    const article = parse('> Line one here\n> line two here.\n\nAfter the quote.\n')
    expect(article.blocks).toEqual([
      {index: 0, kind: 'paragraph', quoted: true, text: 'Line one here\n> line two here.', position: pos([1, 3, 2], [2, 17, 32])},
      {index: 1, kind: 'blank', lines: 1, text: '', position: pos([3, 1, 33], [3, 1, 33])},
      {index: 2, kind: 'paragraph', quoted: false, text: 'After the quote.', position: pos([4, 1, 34], [4, 17, 50])}
    ])
    expect(article.prose[0].text).toBe('Line one here\nline two here.')
    expect(words(article.prose[0]).slice(3)).toEqual([
      ['line', '2:3@18-2:7@22'],
      ['two', '2:8@23-2:11@26'],
      ['here', '2:12@27-2:16@31']
    ])
  })

  it('marks paragraphs in nested quotes as quoted too', () => {
    const article = parse('> > Deep quote.\n')
    expect(article.blocks).toEqual([{index: 0, kind: 'paragraph', quoted: true, text: 'Deep quote.', position: pos([1, 5, 4], [1, 16, 15])}])
  })
})

describe('md: blocks that are not prose', () => {
  const text = [
    '---',
    'title: x',
    '---',
    '',
    '# Title Here',
    '',
    'Some prose here.',
    '',
    '```js',
    'const a = 1',
    '',
    'let b = 2',
    '```',
    '',
    '<div>hi there</div>',
    '',
    '***',
    '',
    '    indented code',
    ''
  ].join('\n')

  it('types front matter, fenced and indented code, HTML and thematic breaks, with positions', () => {
    const article = parse(text)
    expect(article.blocks).toEqual([
      {index: 0, kind: 'front-matter', text: '---\ntitle: x\n---', position: pos([1, 1, 0], [3, 4, 16])},
      {index: 1, kind: 'blank', lines: 1, text: '', position: pos([4, 1, 17], [4, 1, 17])},
      {index: 2, kind: 'heading', depth: 1, text: '# Title Here', position: pos([5, 1, 18], [5, 13, 30]), content: {text: 'Title Here', position: pos([5, 3, 20], [5, 13, 30])}},
      {index: 3, kind: 'blank', lines: 1, text: '', position: pos([6, 1, 31], [6, 1, 31])},
      {index: 4, kind: 'paragraph', quoted: false, text: 'Some prose here.', position: pos([7, 1, 32], [7, 17, 48])},
      {index: 5, kind: 'blank', lines: 1, text: '', position: pos([8, 1, 49], [8, 1, 49])},
      // The blank line inside the fence belongs to the code block.
      {index: 6, kind: 'code', text: '```js\nconst a = 1\n\nlet b = 2\n```', position: pos([9, 1, 50], [13, 4, 82])},
      {index: 7, kind: 'blank', lines: 1, text: '', position: pos([14, 1, 83], [14, 1, 83])},
      {index: 8, kind: 'html', text: '<div>hi there</div>', position: pos([15, 1, 84], [15, 20, 103])},
      {index: 9, kind: 'blank', lines: 1, text: '', position: pos([16, 1, 104], [16, 1, 104])},
      {index: 10, kind: 'thematic-break', text: '***', position: pos([17, 1, 105], [17, 4, 108])},
      {index: 11, kind: 'blank', lines: 1, text: '', position: pos([18, 1, 109], [18, 1, 109])},
      {index: 12, kind: 'code', text: '    indented code', position: pos([19, 1, 110], [19, 18, 127])}
    ])
  })

  it('gives them no prose: only the heading and the paragraph are in the tree', () => {
    const {tree, article} = parseArticle(text, 'md')
    expect(article.prose.map((prose) => [prose.block.index, prose.block.kind, prose.text])).toEqual([
      [2, 'heading', 'Title Here'],
      [4, 'paragraph', 'Some prose here.']
    ])
    expect(tree.children).toHaveLength(2)
    expect(tree.children.map((child) => child.data?.block)).toEqual([2, 4])
    const all = toString(tree)
    for (const literal of ['title', 'const', 'let', 'div', 'hi there', 'indented', '***']) expect(all).not.toContain(literal)
  })

  it('takes TOML front matter as front matter', () => {
    const article = parse('+++\ntitle = "x"\n+++\n\nText here.\n')
    expect(kinds(article)).toEqual(['front-matter', 'blank', 'paragraph'])
    expect(article.blocks[0].position).toEqual(pos([1, 1, 0], [3, 4, 19]))
    expect(article.prose.map((prose) => prose.text)).toEqual(['Text here.'])
  })
})

describe('md: tables', () => {
  it('parses a GFM table into rows and cells, with one prose entry per non-empty, non-delimiter cell', () => {
    const article = parse('| A | B |\n|---|:-:|\n| c | d |\n')
    const table = article.blocks[0] as TableBlock
    expect(table).toMatchObject({index: 0, kind: 'table', text: '| A | B |\n|---|:-:|\n| c | d |', position: pos([1, 1, 0], [3, 10, 29])})
    expect(table.rows).toEqual([
      {
        text: '| A | B |',
        position: pos([1, 1, 0], [1, 10, 9]),
        delimiter: false,
        leadingPipe: true,
        trailingPipe: true,
        cells: [
          {text: 'A', position: pos([1, 3, 2], [1, 4, 3])},
          {text: 'B', position: pos([1, 7, 6], [1, 8, 7])}
        ]
      },
      {
        text: '|---|:-:|',
        position: pos([2, 1, 10], [2, 10, 19]),
        delimiter: true,
        leadingPipe: true,
        trailingPipe: true,
        cells: [
          {text: '---', position: pos([2, 2, 11], [2, 5, 14])},
          {text: ':-:', position: pos([2, 6, 15], [2, 9, 18])}
        ]
      },
      {
        text: '| c | d |',
        position: pos([3, 1, 20], [3, 10, 29]),
        delimiter: false,
        leadingPipe: true,
        trailingPipe: true,
        cells: [
          {text: 'c', position: pos([3, 3, 22], [3, 4, 23])},
          {text: 'd', position: pos([3, 7, 26], [3, 8, 27])}
        ]
      }
    ])
    expect(article.prose.map((prose) => [prose.text, prose.cell, prose.offsets])).toEqual([
      ['A', {row: 0, cell: 0}, [2]],
      ['B', {row: 0, cell: 1}, [6]],
      ['c', {row: 2, cell: 0}, [22]],
      ['d', {row: 2, cell: 1}, [26]]
    ])
  })

  it('splits pipe rows glued under a paragraph into their own table block', () => {
    const article = parse('Some paragraph text.\n| A | B |\n| c | d |\n')
    expect(article.blocks).toMatchObject([
      {index: 0, kind: 'paragraph', text: 'Some paragraph text.', position: pos([1, 1, 0], [1, 21, 20])},
      {index: 1, kind: 'table', text: '| A | B |\n| c | d |', position: pos([2, 1, 21], [3, 10, 40])}
    ])
    const table = article.blocks[1] as TableBlock
    expect(table.rows.map((row) => [row.text, row.delimiter, row.cells.map((cell) => cell.text)])).toEqual([
      ['| A | B |', false, ['A', 'B']],
      ['| c | d |', false, ['c', 'd']]
    ])
    expect(table.rows[1].cells[0].position).toEqual(pos([3, 3, 33], [3, 4, 34]))
    // The paragraph's prose stops before the rows.
    expect(article.prose.map((prose) => [prose.block.index, prose.text])).toEqual([
      [0, 'Some paragraph text.'],
      [1, 'A'],
      [1, 'B'],
      [1, 'c'],
      [1, 'd']
    ])
  })

  it('splits a glued table with a delimiter row, rows before text, and a lone fenced row', () => {
    expect(kinds(parse('Some text.\n| A | B |\n|---|---|\n| c | d |\n'))).toEqual(['paragraph', 'table'])
    const after = parse('| A | B |\n| c | d |\nSome text after.\n')
    expect(after.blocks).toMatchObject([
      {kind: 'table', position: pos([1, 1, 0], [2, 10, 19])},
      {kind: 'paragraph', text: 'Some text after.', position: pos([3, 1, 20], [3, 17, 36])}
    ])
    const lone = parse('Some text here.\n| lone |\nMore text.\n')
    expect(lone.blocks).toMatchObject([
      {kind: 'paragraph', text: 'Some text here.', position: pos([1, 1, 0], [1, 16, 15])},
      {kind: 'table', text: '| lone |', position: pos([2, 1, 16], [2, 9, 24])},
      {kind: 'paragraph', text: 'More text.', position: pos([3, 1, 25], [3, 11, 35])}
    ])
    // A single unfenced pipe is just text.
    expect(parse('Some text | here.\nMore text.\n').blocks).toMatchObject([{kind: 'paragraph', text: 'Some text | here.\nMore text.'}])
  })

  it('splits pipe rows glued under a list item’s text', () => {
    const article = parse('- Item text\n  | A | B |\n  | c | d |\n')
    expect(article.blocks).toMatchObject([
      {kind: 'list-item', text: '- Item text', content: {text: 'Item text'}},
      {kind: 'table', position: pos([2, 1, 12], [3, 12, 35])}
    ])
    const table = article.blocks[1] as TableBlock
    expect(table.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['A', 'B'],
      ['c', 'd']
    ])
    expect(table.rows[0].cells[0].position).toEqual(pos([2, 5, 16], [2, 6, 17]))
  })

  it('keeps every row of a GFM table inside a block quote, without the `>` markers', () => {
    const article = parse('> | A | B |\n> |---|---|\n> | c | d |\n')
    const table = article.blocks[0] as TableBlock
    expect(table.kind).toBe('table')
    expect(table.rows.map((row) => [row.text, row.position, row.delimiter, row.leadingPipe, row.trailingPipe])).toEqual([
      ['| A | B |', pos([1, 3, 2], [1, 12, 11]), false, true, true],
      ['|---|---|', pos([2, 3, 14], [2, 12, 23]), true, true, true],
      ['| c | d |', pos([3, 3, 26], [3, 12, 35]), false, true, true]
    ])
    expect(table.rows[0].cells[0]).toEqual({text: 'A', position: pos([1, 5, 4], [1, 6, 5])})
    expect(table.rows[2].cells[1]).toEqual({text: 'd', position: pos([3, 9, 32], [3, 10, 33])})
    expect(article.prose.map((prose) => [prose.text, prose.cell])).toEqual([
      ['A', {row: 0, cell: 0}],
      ['B', {row: 0, cell: 1}],
      ['c', {row: 2, cell: 0}],
      ['d', {row: 2, cell: 1}]
    ])
  })

  it('keeps every row of pipe rows without a delimiter inside a block quote', () => {
    const article = parse('> | A | B |\n> | c | d |\n')
    const table = article.blocks[0] as TableBlock
    expect(table.kind).toBe('table')
    expect(table.rows.map((row) => [row.text, row.cells.map((cell) => cell.text)])).toEqual([
      ['| A | B |', ['A', 'B']],
      ['| c | d |', ['c', 'd']]
    ])
    expect(article.prose.map((prose) => prose.text)).toEqual(['A', 'B', 'c', 'd'])
  })

  it('keeps the header row of an indented table and of a table inside a list item', () => {
    const indented = parse('  | A | B |\n  |---|---|\n  | c | d |\n')
    const table = indented.blocks[0] as TableBlock
    expect(table.position).toEqual(pos([1, 3, 2], [3, 12, 35]))
    expect(table.rows.map((row) => [row.delimiter, row.cells.map((cell) => cell.text)])).toEqual([
      [false, ['A', 'B']],
      [true, ['---', '---']],
      [false, ['c', 'd']]
    ])
    expect(table.rows[0].cells[0].position).toEqual(pos([1, 5, 4], [1, 6, 5]))

    const inItem = parse('- Item\n\n  | A | B |\n  |---|---|\n  | c | d |\n')
    expect(kinds(inItem)).toEqual(['list-item', 'blank', 'table'])
    const nested = inItem.blocks[2] as TableBlock
    expect(nested.rows.map((row) => [row.delimiter, row.cells.map((cell) => cell.text)])).toEqual([
      [false, ['A', 'B']],
      [true, ['---', '---']],
      [false, ['c', 'd']]
    ])
    expect(nested.rows[0].cells[0].position).toEqual(pos([3, 5, 12], [3, 6, 13]))
    expect(inItem.prose.map((prose) => prose.text)).toEqual(['Item', 'A', 'B', 'c', 'd'])
  })
})

describe('md: block list invariants', () => {
  it('numbers blocks in order and points each prose node at its block', () => {
    const article = parse('# Title\n\nSome text here.\n\n- An item\n\n| A | B |\n|---|---|\n| c | d |\n\n> Quoted text.\n')
    expect(kinds(article)).toEqual(['heading', 'blank', 'paragraph', 'blank', 'list-item', 'blank', 'table', 'blank', 'paragraph'])
    article.blocks.forEach((block, index) => expect(block.index).toBe(index))
    for (const prose of article.prose) {
      expect(prose.node.data?.block).toBe(prose.block.index)
      expect(article.blocks[prose.block.index]).toBe(prose.block)
    }
    const starts = article.blocks.map((block) => block.position.start.offset)
    expect([...starts].sort((a, b) => a - b)).toEqual(starts)
  })
})

describe('the Markdown parser, loaded on demand', () => {
  it('is loaded only for a document the fast scanner declines, and parsing one before it is loaded is an error', () => {
    // A fresh process (this test file loaded the parser already), on the build (`npm test` builds first).
    const script = `
      const {parseArticle} = await import('./dist/src/parse/article.js')
      const {lint} = await import('./dist/src/lint.js')
      const kinds = (text) => parseArticle(text, 'md').article.blocks.map((block) => block.kind)
      const error = (text) => { try { kinds(text); return null } catch (error) { return error.message } }
      const scanned = kinds('# Title\\n\\nPlain words.\\n')
      const before = error('Some [link](https://x.org).\\n')
      const text = await lint('Plain text,here.\\n', {filePath: 'a.txt'})
      const simple = await lint('Simple text,here.\\n', {filePath: 'a.md'})
      const stillBefore = error('Some [link](https://x.org).\\n')
      const markdown = await lint('[Some](u) text,here.\\n', {filePath: 'a.md'})
      const after = kinds('Some [link](https://x.org).\\n')
      const rules = (file) => file.messages.map((message) => message.ruleId)
      console.log(JSON.stringify({scanned, before, text: text.messages.length, simple: rules(simple), stillBefore, markdown: rules(markdown), after}))`
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd: project, encoding: 'utf8'})
    expect(result.stderr).toBe('')
    const notLoaded = 'copydesk: the Markdown parser is not loaded; await loadMarkdownParser() first'
    expect(JSON.parse(result.stdout)).toEqual({
      scanned: ['heading', 'blank', 'paragraph'],
      before: notLoaded,
      text: 1,
      simple: ['punctuation-spacing'],
      stillBefore: notLoaded,
      markdown: ['punctuation-spacing'],
      after: ['paragraph']
    })
  })
})
