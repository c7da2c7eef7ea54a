// @ts-check
/**
 * `advertisement`: the label of an ad slot, left as a line of its own (`Advertisement`,
 * `Story continues below advertisement`, `Sponsored content`).
 */
import {defineRule, getArticle} from 'copydesk'
import {artifactMeta, blockTexts, reportBlock} from './blocks.js'

const label =
  /^(?:advertisement|advertisements|advert|ad|ads|sponsored|sponsored content|paid content|promoted|promoted content|story continues below(?: this)? advertisement|article continues below(?: this)? advertisement|scroll to continue(?: with content)?|continue reading below|skip advertisement|remove ads)[\s.:…-]*$/iu

export default defineRule({
  meta: artifactMeta({
    id: 'advertisement',
    description: 'Ad-slot labels (“Advertisement”, “Story continues below advertisement”) left as lines of the text.',
    options: {}
  }),
  plugin() {
    return (_tree, file) => {
      const article = getArticle(file)
      for (const block of blockTexts(article)) {
        if (label.test(block.text)) reportBlock(file, article, block, `Unexpected ad label \`${block.text}\`: a scraping artifact`)
      }
    }
  }
})
