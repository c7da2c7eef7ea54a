// @ts-check
/**
 * What the rules of this plugin share: their common metadata, and for the line rules the prose
 * of each whole block (a paragraph, list item or heading; not a table cell), trimmed, with a way
 * to report on all of it.
 */

/**
 * @typedef {import('copydesk').Article} Article
 * @typedef {import('copydesk').Prose} Prose
 * @typedef {{prose: Prose, text: string, from: number, to: number}} BlockText
 */

/**
 * The trimmed prose of each paragraph, list item and heading, in file order.
 * @param {Article} article
 * @returns {BlockText[]}
 */
export function blockTexts(article) {
  /** @type {BlockText[]} */
  const found = []
  for (const prose of article.prose) {
    if (prose.cell || !['paragraph', 'list-item', 'heading'].includes(prose.block.kind)) continue
    const from = prose.text.length - prose.text.trimStart().length
    const to = prose.text.trimEnd().length
    if (to > from) found.push({prose, text: prose.text.slice(from, to), from, to})
  }
  return found
}

/**
 * Reports `reason` on the whole of `block`.
 * @param {import('vfile').VFile} file
 * @param {Article} article
 * @param {BlockText} block
 * @param {string} reason
 */
export function reportBlock(file, article, block, reason) {
  // The whole block, markup included (`*Sponsored*`, a link's `](url)`), but not a list item's marker.
  const whole = block.prose.block
  const start = whole.kind === 'list-item' ? whole.content.position.start : whole.position.start
  return file.message(reason, {place: {start, end: whole.position.end}})
}

/** Words of a block, lowercase, without punctuation. @param {string} text */
export const wordsOf = (text) => text.toLowerCase().match(/[\p{L}\p{N}’']+/gu) ?? []

const docs = 'https://github.com/copydesk/copydesk/tree/main/examples/copydesk-plugin-scrape-artifacts'

/**
 * The metadata every rule of this plugin shares: its docs anchor, the `scrape-artifact` category
 * (so that `--fix-type scrape-artifact` selects them) and `warn` as the default severity.
 * @template {import('copydesk').OptionsSchema} S
 * @param {{id: string, description: string, fixable?: boolean, options: S}} meta
 * @returns {import('copydesk').RuleMeta<S>}
 */
export const artifactMeta = ({id, description, fixable = false, options}) => ({
  id,
  description,
  url: `${docs}#${id}`,
  category: 'scrape-artifact',
  fixable,
  defaultSeverity: 'warn',
  options
})
