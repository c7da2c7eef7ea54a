// @ts-check
/**
 * `filler-conclusion`: a closing paragraph that opens with a stock phrase (`In conclusion,`,
 * `In summary,`, `To sum up,`) under a heading that already says it is the conclusion
 * (`Conclusion`, `To Wrap It Up`, `In Retrospect`), or as the last paragraph of the article.
 */
import {defineRule, getArticle, proseRange} from 'copydesk'
import {artifactMeta, blockTexts} from './blocks.js'

/** Stock openers of a closing paragraph, with the comma that follows them. */
const opener = /^(in conclusion|in summary|in sum|to sum up|to sum it up|summing up|to summarize|to summarise|to conclude|in closing|all in all|in a nutshell|to wrap (?:it )?up|wrapping up),\s*/iu

/** Headings that announce a conclusion. */
const conclusionHeading =
  /^(?:\d+[.)]\s*)?(?:conclusions?|in conclusion|concluding (?:thoughts|remarks)|final (?:thoughts|words|remarks)|closing (?:thoughts|remarks)|in retrospect|to wrap (?:it )?up|wrapping (?:it )?up|in summary|summary|to sum (?:it )?up|summing up|the bottom line|bottom line|in closing|insights and conclusions|summary and conclusions?|key takeaways|takeaways)[.:!]?$/iu

export default defineRule({
  meta: artifactMeta({
    id: 'filler-conclusion',
    description: 'A stock opener (“In conclusion,”) on a closing paragraph, under a heading that already says so or at the end of the article.',
    options: {
      finalParagraph: {type: 'boolean', default: true, description: 'Also flag the opener on the last paragraph of an article that has no conclusion heading.'}
    }
  }),
  plugin(options) {
    return (_tree, file) => {
      const article = getArticle(file)
      const blocks = blockTexts(article)
      const paragraphs = blocks.filter((block) => block.prose.block.kind === 'paragraph')
      const last = paragraphs.at(-1)
      for (const [index, block] of blocks.entries()) {
        if (block.prose.block.kind !== 'paragraph') continue
        const match = opener.exec(block.text)
        if (!match) continue
        const previous = blocks[index - 1]
        const heading = previous?.prose.block.kind === 'heading' && conclusionHeading.test(previous.text) ? previous.text : undefined
        if (!heading && !(options.finalParagraph && block === last)) continue
        const phrase = match[0].trimEnd()
        const message = file.message(
          heading
            ? `Unexpected filler \`${phrase}\` under the heading \`${heading}\`, which already says so`
            : `Unexpected filler \`${phrase}\` opening the final paragraph`,
          {place: proseRange(block.prose, article.toPoint, block.from, block.from + phrase.length)}
        )
        message.note = 'A stock phrase that adds nothing: start with what the paragraph says.'
        // A suggestion, not a certain fix: the sentence may need more than a capital letter.
        const rest = block.text.slice(match[0].length)
        if (/^\p{Ll}+\b/u.test(rest)) message.expected = [rest.charAt(0).toUpperCase() + rest.slice(1, rest.search(/[\s,.;:!?]|$/u))]
      }
    }
  }
})
