// @ts-check
/**
 * `share-buttons`: the text of share buttons, kept as a line (`Share  Tweet  Email`,
 * `Share on Facebook | Share on X`, `Share this article`).
 */
import {defineRule, getArticle} from 'copydesk'
import {artifactMeta, blockTexts, reportBlock, wordsOf} from './blocks.js'

/** Words that share bars are made of. */
const buttonWords = new Set([
  'share', 'shares', 'tweet', 'email', 'e-mail', 'mail', 'print', 'save', 'copy', 'link', 'facebook', 'twitter', 'x', 'linkedin',
  'whatsapp', 'telegram', 'pinterest', 'reddit', 'messenger', 'flipboard', 'pocket', 'sms', 'on', 'via', 'this', 'article', 'story',
  'page', 'post', 'comments', 'comment'
])
/** A line that invites sharing (`Share this article`, `Share on Facebook`). */
const invitation = /^share (?:this|on|via)\b/iu

export default defineRule({
  meta: artifactMeta({
    id: 'share-buttons',
    description: 'Share-button text (“Share  Tweet  Email”, “Share on Facebook”) left as a line of the text.',
    options: {}
  }),
  plugin() {
    return (_tree, file) => {
      const article = getArticle(file)
      for (const block of blockTexts(article)) {
        const words = wordsOf(block.text)
        if (words.length === 0 || words.length > 12 || !words.every((word) => buttonWords.has(word))) continue
        // One word alone (`Share`, `Print`) could be a heading; it takes two button words, or an invitation.
        const buttons = words.filter((word) => !['on', 'via', 'this', 'article', 'story', 'page', 'post'].includes(word))
        if (buttons.length < 2 && !invitation.test(block.text)) continue
        reportBlock(file, article, block, `Unexpected share-button text \`${block.text}\`: a scraping artifact`)
      }
    }
  }
})
