/**
 * The article parser: splits a file into blocks first, then parses the prose of
 * each block on its own, so that a heading never runs into the next sentence.
 */
import type {Root as MdastRoot} from 'mdast'
import type {Paragraph, Root} from 'nlcst'
import type {Plugin, Processor} from 'unified'
import type {VFile} from 'vfile'
import type {Article, ArticleFormat, Prose} from '../types.js'
import {LinePoints, lineEndingOf} from './lines.js'
import {blocksFromTree} from './markdown-blocks.js'
import {scanMarkdown} from './markdown-scan.js'
import {makeProse, type ToPoint} from './prose.js'
import {parseTxtBlocks, type ParsedBlocks} from './txt.js'

const markdownExtensions = new Set(['.md', '.markdown', '.mdown', '.mkd'])

/** The format of a file, from its extension: Markdown for `.md`/`.markdown`, plain text otherwise. */
export function formatOf(path: string | undefined): ArticleFormat {
  const dot = path ? path.lastIndexOf('.') : -1
  return dot >= 0 && markdownExtensions.has(path!.slice(dot).toLowerCase()) ? 'md' : 'txt'
}

let markdownBlocks: typeof import('./markdown.js').parseMarkdownBlocks | undefined

/**
 * Loads the full Markdown block parser (remark with GFM and front matter: half the modules copydesk
 * would load, about 0.1 s), which `parseArticle` needs for the Markdown documents that the fast
 * scanner declines, so that a run of plain text or simple Markdown never loads it. `lintFile` (when
 * `needsMarkdownParser` says so) and the package's entry call it; a program that parses Markdown
 * with this module directly awaits it once first.
 */
export async function loadMarkdownParser(): Promise<void> {
  markdownBlocks ??= (await import('./markdown.js')).parseMarkdownBlocks
}

// The scan of the last document asked about, kept for `parseArticle`, which would otherwise scan it again.
let lastScan: {text: string; tree: MdastRoot | undefined} | undefined

/** The fast scanner's tree of a Markdown document (`undefined`: it needs the full parser). */
function scanOnce(text: string): MdastRoot | undefined {
  if (lastScan?.text !== text) lastScan = {text, tree: scanMarkdown(text)}
  return lastScan.tree
}

/** Whether parsing the Markdown document `text` needs `loadMarkdownParser` first: the fast scanner declines it, and the parser is not loaded. */
export function needsMarkdownParser(text: string): boolean {
  return !markdownBlocks && scanOnce(text) === undefined
}

/** The blocks of a Markdown document: from the fast scanner's tree when it accepts the document, else from remark. */
function markdownBlocksOf(text: string, toPoint: ToPoint): ParsedBlocks {
  const tree = scanOnce(text)
  lastScan = undefined
  if (tree) return blocksFromTree(tree, text, toPoint)
  if (!markdownBlocks) throw new Error('copydesk: the Markdown parser is not loaded; await loadMarkdownParser() first')
  return markdownBlocks(text, toPoint)
}

/** Orders prose by where it starts in the file. */
const byFirstOffset = (a: Prose, b: Prose): number => (a.offsets[0] ?? 0) - (b.offsets[0] ?? 0)

/** Parses an article into its blocks and an nlcst tree of their prose (Markdown the scanner declines: after `loadMarkdownParser`). */
export function parseArticle(text: string, format: ArticleFormat): {tree: Root; article: Article} {
  const points = new LinePoints(text)
  const toPoint: ToPoint = (offset) => points.pointAt(offset)
  const parsed = format === 'md' ? markdownBlocksOf(text, toPoint) : parseTxtBlocks(text, toPoint)
  // Loops and a module function, not callbacks: a closure made for each file was optimized by V8 anew for each large file.
  const prose: Prose[] = []
  for (const source of parsed.prose) prose.push(makeProse(source, points))
  prose.sort(byFirstOffset)
  const children: Paragraph[] = []
  for (const unit of prose) children.push(unit.node)
  const tree: Root = {
    type: 'RootNode',
    children,
    position: {start: toPoint(0), end: toPoint(text.length)}
  }
  return {
    tree,
    article: {format, blocks: parsed.blocks, prose, bom: false, lineEnding: lineEndingOf(text), toPoint}
  }
}

declare module 'vfile' {
  interface DataMap {
    /** The parsed article: blocks and prose. Set by copydesk's parser. */
    article: Article
    /** Whether the file on disk started with a byte order mark (removed from `value`). */
    bom: boolean
  }
}

/** The unified parser plugin: `unified().use(copydeskParse)`. */
export const copydeskParse: Plugin<[], string, Root> = function (this: Processor) {
  const self = this as unknown as Processor<Root>
  self.parser = (document: string, file: VFile): Root => {
    const {tree, article} = parseArticle(document, formatOf(file.path))
    article.bom = file.data.bom === true
    file.data.article = article
    return tree
  }
}

/** The parsed article of a file; throws when copydesk's parser did not run. */
export function getArticle(file: VFile): Article {
  const article = file.data.article
  if (!article) throw new Error('copydesk: no article on this file; parse it with copydesk’s parser first')
  return article
}
