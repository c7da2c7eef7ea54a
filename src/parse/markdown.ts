/**
 * The full Markdown block parser: remark-parse with GFM and front matter gives the mdast tree,
 * from which `markdown-blocks.ts` makes the blocks. Loaded only when a document needs it
 * (`loadMarkdownParser`): the fast scanner (`markdown-scan.ts`) handles the others.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {blocksFromTree} from './markdown-blocks.js'
import type {ToPoint} from './prose.js'
import type {ParsedBlocks} from './txt.js'

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze()

export {INLINE_OBJECT} from './prose.js'

/** The blocks and prose of a Markdown document, parsed by remark. */
export function parseMarkdownBlocks(text: string, toPoint: ToPoint): ParsedBlocks {
  return blocksFromTree(markdown.parse(text), text, toPoint)
}
