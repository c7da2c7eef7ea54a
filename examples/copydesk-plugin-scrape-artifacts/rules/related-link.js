// @ts-check
/**
 * `related-link`: a line a scraper kept from the page around the article: a link to another
 * story (`See also  Balkans Unite: The Supermarket Boycott…`, `Related: …`, `Read more: …`) or a
 * bare `Read more` / `Continue reading`.
 */
import {defineRule, getArticle} from 'copydesk'
import {artifactMeta, blockTexts, reportBlock} from './blocks.js'

// The cues, then an optional colon or dash or guillemet, then the linked title.
const cue = /^(see also|related(?: articles?| stories| posts| coverage| reading| content)?|read more|read also|also read|more on this(?: story)?|recommended(?: reading| stories)?|you (?:may|might) also like|don[’']t miss|further reading)(?:\s*[:|»›–—-]\s*|\s+)(.+)$/iu
// Link text with nothing after it.
const bare = /^(?:read more|continue reading|read the full (?:story|article)|click here to read more|more »|read on)\s*[.…:»›→]*$/iu

export default defineRule({
  meta: artifactMeta({
    id: 'related-link',
    description: 'Related-article and “Read more” lines left in the text by a scraper.',
    options: {
      maxTitleWords: {type: 'number', default: 20, minimum: 1, integer: true, description: 'The longest title (in words) after a cue such as `See also`: longer text is prose.'}
    }
  }),
  plugin(options) {
    return (_tree, file) => {
      const article = getArticle(file)
      for (const block of blockTexts(article)) {
        if (bare.test(block.text)) {
          reportBlock(file, article, block, `Unexpected \`${block.text}\` link text: a scraping artifact`)
          continue
        }
        const match = cue.exec(block.text)
        if (!match || !isTitle(match[2], options.maxTitleWords)) continue
        reportBlock(file, article, block, `Unexpected related-link line \`${match[1]}\`: a scraping artifact`).note =
          'A link to another story, kept from the page around the article. Remove the line.'
      }
    }
  }
})

/**
 * Whether the text after a cue reads as a linked title, not as the rest of a sentence: a few
 * words, not ending like a sentence (`See also the report by the ministry.` is prose).
 * @param {string} text
 * @param {number} maxWords
 */
function isTitle(text, maxWords) {
  const words = text.split(/\s+/u).filter(Boolean)
  if (words.length === 0 || words.length > maxWords) return false
  if (/[.;,]$/u.test(text) && !/…$|\.\.\.$/u.test(text)) return false
  // A title starts with a capital, a digit or a quote: `See also how it began` is a sentence.
  return /^[\p{Lu}\p{N}“‘"']/u.test(text)
}
