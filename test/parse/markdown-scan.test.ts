/**
 * The fast Markdown scanner against the full parser: whenever the scanner accepts a document, its
 * blocks and prose (every offset) must equal remark's, deep and strict. Over the repository's
 * Markdown, the Markdown inputs of the parser's tests, the benchmark's generated articles,
 * generated documents, and hand-written cases for each construct accepted and declined.
 */
import fs from 'node:fs'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import {location} from 'vfile-location'
import {describe, expect, it} from 'vitest'
import {generateArticles} from '../../scripts/bench/collection.js'
import {blocksFromTree} from '../../src/parse/markdown-blocks.js'
import {scanMarkdown} from '../../src/parse/markdown-scan.js'
import {parseMarkdownBlocks} from '../../src/parse/markdown.js'
import type {ParsedBlocks} from '../../src/parse/txt.js'
import type {Point} from '../../src/types.js'
import {generatedTexts, generator, project} from '../helpers.js'

function toPointOf(text: string): (offset: number) => Point {
  const place = location(text)
  return (offset) => (place.toPoint(offset) as Point | undefined) ?? {line: 1, column: 1, offset: 0}
}

/** Both parsers' blocks, the scanner's `undefined` when it declines. */
function bothParses(text: string): {fast: ParsedBlocks | undefined; full: ParsedBlocks} {
  const toPoint = toPointOf(text)
  const tree = scanMarkdown(text)
  return {fast: tree && blocksFromTree(tree, text, toPoint), full: parseMarkdownBlocks(text, toPoint)}
}

/** Checks every accepted text against the full parser; returns those accepted, with their blocks. */
function expectSameWhereAccepted(texts: readonly string[]): Array<ParsedBlocks & {text: string}> {
  const accepted: Array<ParsedBlocks & {text: string}> = []
  for (const text of texts) {
    const {fast, full} = bothParses(text)
    if (!fast) continue
    accepted.push({...fast, text})
    // The quick comparison first; on a difference, the matcher's for its report.
    if (!isDeepStrictEqual(fast, full)) expect({text, blocks: fast}).toStrictEqual({text, blocks: full})
  }
  return accepted
}

/** Asserts that the scanner accepts `text` and gives the full parser's blocks. */
function expectAccepted(text: string): ParsedBlocks {
  const {fast, full} = bothParses(text)
  expect(fast, `accepted: ${JSON.stringify(text)}`).toBeDefined()
  expect(fast).toStrictEqual(full)
  return fast!
}

const expectDeclined = (text: string): void => expect(scanMarkdown(text), `declined: ${JSON.stringify(text)}`).toBeUndefined()

/** The Markdown files of the repository (fixtures, docs, README), outside node_modules and dist. */
function repositoryMarkdown(): string[] {
  const found: string[] = []
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) visit(full)
      else if (entry.name.endsWith('.md')) found.push(fs.readFileSync(full, 'utf8'))
    }
  }
  visit(project)
  return found
}

/** The string literals with a line break in the Markdown parser's tests: its inputs. */
function markdownTestInputs(): string[] {
  const source = fs.readFileSync(path.join(project, 'test/parse/markdown.test.ts'), 'utf8')
  const literals = source.match(/'(?:[^'\\\n]|\\.)*\\n(?:[^'\\\n]|\\.)*'/gu) ?? []
  return literals.map((literal) => JSON.parse(`"${literal.slice(1, -1).replace(/\\'/gu, "'").replace(/"/gu, '\\"')}"`) as string)
}

// Lines of the kinds the scanner handles, and some it must decline, near the edges of each rule.
const words = ['Word', 'the', 'NATO’s', 'plan', '2,000', 'e.g.', 'a|b', 'x', 'and', 'Đukanović', '🙂']
const inline = [
  '*a', 'b*', '**c', 'd**', '_e', 'f_', ' *', '* ', '\\*', '\\\\', '\\', '\\[', '`` a ` b ``', '` x `', '`*y*`', '`',
  ' * ', ' _ ', 'snake_case', ' ~ ', '[note]', '[a] (b)', '<', ' a < b ', 'a > b', ' & ', '&amp;', '&copy', '!', '#', '*emph*', '_em_',
  '**b**', '~~s~~', '`c`', '\\*', '[l](u)', '<b>', 'www.x.org', 'http://x.org', 'x@y.org', '_a', 'a_', 'a*b', '![i](p)'
]
const endings = ['\n', '\n', '\n', '\r\n', '\r']

function generatedDocument(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  // Half the documents are noisy (most of them declined), half hold fewer odd lines and less markup.
  const noisy = random() < 0.5
  const phrase = (): string => {
    let text = pick(words)
    const count = Math.floor(random() * 6)
    for (let index = 0; index < count; index++) {
      const draw = random()
      text += (draw < (noisy ? 0.15 : 0.05) ? pick(inline) : draw < (noisy ? 0.4 : 0.2) ? ` ${pick(inline)} ` : ' ') + pick(words)
    }
    return text
  }
  const spaces = (most: number): string => ' '.repeat(Math.floor(random() * (most + 1)))
  const row = (cells: number, pipes = true): string =>
    (pipes ? '|' : '') + Array.from({length: cells}, () => ` ${pick(words)} `).join('|') + (pipes ? '|' : '')
  const delimiter = (cells: number, pipes = true): string =>
    (pipes ? '|' : '') + Array.from({length: cells}, () => pick(['---', ':--', '--:', ':-:', ' - ', '-', ' :- ', '--- '])).join('|') + (pipes ? '|' : '')
  const lineMakers: Array<() => string> = [
    () => spaces(3) + phrase() + spaces(3),
    () => spaces(5) + phrase(),
    () => spaces(1) + '#'.repeat(1 + Math.floor(random() * 7)) + pick([' ', '  ', '']) + phrase() + pick(['', ' #', ' ##  ', '#', '  ']),
    () => spaces(3) + pick(['-', '*', '+', '1.', '2.', '10)', '1)']) + (random() < 0.8 ? ' ' + spaces(3) : spaces(6)) + (random() < 0.8 ? phrase() : pick(['', '[ ] task', '# h'])),
    () => {
      const cells = 1 + Math.floor(random() * 3)
      const body = Array.from({length: Math.floor(random() * 3)}, () => pick([row(cells), row(cells + 1), row(cells, false), phrase()]))
      const header = spaces(random() < 0.2 ? 5 : 0) + row(cells, random() < 0.7) + pick(['', '|', ' \\|', ' x\\\\|'])
      const delimiterRow = spaces(random() < 0.2 ? 4 : 0) + delimiter(random() < 0.8 ? cells : cells + 1, random() < 0.7)
      return [header, random() < 0.1 ? pick(['---', '- | -', ':-', '|', '-|-', '| --- |---']) : delimiterRow, ...body].join('\n')
    },
    // A block quote, and (mostly) a blank line after it: a line right after a quote is declined.
    () =>
      Array.from({length: 1 + Math.floor(random() * 3)}, () => spaces(random() < 0.1 ? 4 : 3) + pick(['>', '> ', '>  ', '> ', random() < 0.3 ? '>>' : '>']) + pick(['', phrase(), phrase(), '| a | b |', '|---|---|', '- item', '# h', '<!-- c -->'])).join('\n') +
      (random() < 0.8 ? '\n' : ''),
    () => spaces(4) + pick(['```', '~~~~', '``` js']) + '\n' + phrase() + '\n' + spaces(4) + pick(['```', '~~~', '~~~~~  ', '````']),
    () => spaces(random() < 0.1 ? 4 : 3) + pick(['<!-- c -->', '<!-- c -->', '<!-- copydesk-disable spelling -->  ', '<!-- a\n\nb --> after', '<!-- open', '<!-->', '<!-- x -- y -->']),
    () => '',
    () => pick(['--', '---', '===', '-', '***', '- - -', '___  ', ' * * *', '> quote', '```', '~~~', '<div>', '    code', '9.', '|---|---|', '#hashtag', '1.5 m'])
  ]
  let text = random() < 0.1 ? '' : pick(['', '\n'])
  const count = 1 + Math.floor(random() * 12)
  for (let index = 0; index < count; index++) {
    const ending = pick(endings)
    // The last maker's odd lines are mostly declined: a quiet document has few.
    const maker = noisy || random() < 0.25 ? pick(lineMakers) : pick(lineMakers.slice(0, -1))
    text += maker() + ending + (random() < 0.3 ? ending : '')
  }
  return random() < 0.3 ? text.trimEnd() : text
}

describe('the fast Markdown scanner gives exactly the full parser’s blocks', () => {
  it('on the repository’s Markdown files and the Markdown parser’s test inputs', () => {
    const repository = repositoryMarkdown()
    const inputs = markdownTestInputs()
    expect(repository.length).toBeGreaterThan(10)
    expect(inputs.length).toBeGreaterThan(30)
    expect(expectSameWhereAccepted(repository).length).toBeGreaterThan(0)
    expect(expectSameWhereAccepted(inputs).length).toBeGreaterThan(5)
  })

  it('on the benchmark’s generated Markdown articles, which it all accepts', () => {
    const articles = generateArticles(240)
      .filter(([name]) => name.endsWith('.md'))
      .map(([, text]) => text)
    expect(articles.length).toBeGreaterThan(40)
    expect(expectSameWhereAccepted(articles)).toHaveLength(articles.length)
  })

  it('on generated documents near the edges of what it accepts', () => {
    const random = generator(8)
    const documents = Array.from({length: 4000}, () => generatedDocument(random))
    const accepted = expectSameWhereAccepted(documents)
    // The generator is meant to exercise the fast path, each kind of block, not only the fallback.
    expect(accepted.length).toBeGreaterThan(500)
    const kinds = new Map<string, number>()
    for (const {blocks} of accepted) {
      for (const block of blocks) {
        const kind = block.kind === 'paragraph' && block.quoted ? 'quoted paragraph' : block.kind
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
      }
    }
    for (const kind of ['heading', 'paragraph', 'quoted paragraph', 'list-item', 'table', 'blank', 'thematic-break', 'html', 'code']) expect(kinds.get(kind), kind).toBeGreaterThan(30)
    // Inline markup taken by the scanner: prose that skips source characters (emphasis markers, escapes).
    const skipsMarkup = ({text, prose}: ParsedBlocks & {text: string}): boolean =>
      prose.some(({offsets}) => offsets.some((offset, index) => index > 0 && /[*_\\]/u.test(text.slice(offsets[index - 1] + 1, offset))))
    const skipping = accepted.filter(skipsMarkup)
    expect(skipping.length).toBeGreaterThan(60)
  })

  it('on generated texts of Markdown markup and odd characters', () => {
    expectSameWhereAccepted(generatedTexts(81, 800))
  })
})

describe('the fast Markdown scanner: constructs accepted', () => {
  it('ATX headings: depths, closing sequences, indentation, empty headings, trailing spaces', () => {
    const article = expectAccepted('# Title Here #\n\n  ### Deep dive ###   \n#\n## \n#  a #b ##\n####### seven\n#hashtag\n')
    expect(article.blocks.map((block) => block.kind)).toEqual(['heading', 'blank', 'heading', 'heading', 'heading', 'heading', 'paragraph'])
    expectAccepted('# A\n## B\ntext\n# C')
  })

  it('paragraphs: continuation lines, indentation, trailing spaces, CRLF and CR endings, no final newline', () => {
    const article = expectAccepted('First line\n   second line \n        third, indented\r\nfourth\rfifth  ')
    expect(article.prose[0].offsets.slice(0, 12)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14])
    expectAccepted('  • Focus on shared threats.\n\n  • Defense spending.\n')
  })

  it('list items: markers, widths, lazy and indented continuation, siblings of other kinds, labels', () => {
    const article = expectAccepted('- One: first\n- Two\n  continued\nlazy\n\n1. Uno\n2) Dos\n10. Diez\n+    four spaces\n\n  1. Indented: item\n')
    expect(article.blocks.filter((block) => block.kind === 'list-item')).toHaveLength(7)
    expectAccepted('- a\n2. b\n* c\n')
    expectAccepted('Text\n\n- item\n\nMore text\n  continues, indented\n')
  })

  it('GFM tables: interrupting a paragraph, body rows with and without pipes, mismatched delimiter rows', () => {
    const article = expectAccepted('Para\n| a | b |\n|---|:-:|\n| 1 | 2 |  \nthree | 4\n\n| x | y |\n|---|\n| 1 |\n')
    expect(article.blocks.map((block) => block.kind)).toEqual(['paragraph', 'table', 'blank', 'table'])
    expectAccepted('| Name | Role | Count |\n|---|---|---|---|\n| South | 60 | Approved |\n')
    expectAccepted('# H\n| a |\n| - |\nb\n# after\n')
    expectAccepted('Table | Heading\n----- | -------\nCell | Cell\n\n  a \\| b | c\n  -|:-:\n')
  })

  it('block quotes of paragraphs, headings, lists and tables', () => {
    const article = expectAccepted('> Quoted\n>  more.\n>\n> # Heading\n> - item\n>   continued\n\n> | a | b |\n> |---|---|\n>| 1 | 2 |\n\nAfter.\n')
    expect(article.blocks.map((block) => [block.kind, 'quoted' in block ? block.quoted : undefined])).toEqual([
      ['paragraph', true], ['heading', undefined], ['list-item', undefined], ['blank', undefined], ['table', undefined], ['blank', undefined], ['paragraph', false]
    ])
  })

  it('closed code fences', () => {
    const article = expectAccepted('Para\n  ```js  \n# not a heading\n  ```  \n\n~~~~\n~~~\n~~~~~ \n> ```\n> code\n> ```\n')
    expect(article.blocks.map((block) => block.kind)).toEqual(['paragraph', 'code', 'blank', 'code', 'code'])
  })

  it('thematic breaks and HTML comments between blocks', () => {
    const article = expectAccepted('Para\n***\n  - - -  \n___\n\n- item\n<!-- copydesk-disable spelling -->\n  <!-- a\n\n b --> c  \ntext\n')
    expect(article.blocks.map((block) => block.kind)).toEqual(['paragraph', 'thematic-break', 'thematic-break', 'thematic-break', 'blank', 'list-item', 'html', 'html', 'paragraph'])
  })

  it('emphasis and strong emphasis that pair up, code spans, and backslash escapes', () => {
    const article = expectAccepted('- **Label:** text\n- *One* and _two_, __three__\n\n# A *b* heading\n\nx \\* y \\_ z \\\\ w\n*a*\nb **c\nd** e*\n')
    expect(article.blocks.find((block) => block.kind === 'list-item')).toMatchObject({label: {text: 'Label'}})
    expectAccepted('a* b *c* d_ and *e\n')
    expectAccepted('Some *a* and *b here, c* d* e.\n')
    expectAccepted('line\n  *indented* and\n   `code` \nafter *em* \n> a\n> *b*\n\n- a\n  **c** d\n')
    expectAccepted('Use `npm run build`, ` `` ` and `` a`b `` or `  ` and `*not em*` *em*.\nA ` lone and ``two` runs.\n')
  })

  it('inline text that only looks like markup: lone stars, intraword underscores, brackets, `<` and `&`', () => {
    expectAccepted('A * B and snake_case_name, 3 ~ 4.\n[note] and [a] (b) and ![x]\na < b, sex & age, AT&T\n')
  })
})

describe('the fast Markdown scanner: documents it declines', () => {
  it('inline syntax it does not handle', () => {
    for (const text of [
      '~~gone~~', '*a `b` c*', '`a\nb`', '[link](u)', '![image](p.png)', '<b>bold</b>', '&amp;', '&#233;', 'www.example.com', 'https://x.org', 'me@example.com',
      'x*y', '***both***', '*a **b** c*', '**a*', '*a **b* c**', 'hard\\\nbreak'
    ]) {
      expectDeclined(`Some ${text} here.\n`)
    }
  })

  it('blocks it does not handle', () => {
    for (const text of [
      '~~~\ncode\n', '``` a`b\nx\n```\n', '> ```\n> x\n', '    indented code\n', '<div>\n', '<!-- open\n', '<!-->\n', '> a\nlazy\n', '> > nested\n', '| a |\n|-|\n> q\n', '> <!-- c -->\n', 'Setext\n===\n',
      'Setext\n---\n', 'Setext\n--\n', '---\ntitle: x\n---\n', '+++\n', '[x]: https://x.org\n', 'A[^1]\n\n[^1]: note\n', '- [ ] task\n',
      '-\n', '9.\n', '-      five spaces\n', 'tab\there\n', 'hard  \nbreak\n', 'Para\n- item\n', 'Para\n1. item\n', '- a\n  - nested\n',
      '- a\n\n  second paragraph\n', '- item\n| a |\n|---|\n', 'x | y\n- | -\n', '| a |\n---\n', '\uFEFFtext\n', 'nul\0\n'
    ]) {
      expectDeclined(text)
    }
  })
})
