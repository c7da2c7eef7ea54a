/**
 * `sentence-capitalization`: a sentence, paragraph or list item whose first word starts lowercase
 * (`threats. by pooling`, a paragraph `the signing of …`), and in a list whose items capitalize the
 * text after their label (`- Data Sharing: Enhancing …`) the item that does not.
 */
import type {VFile} from 'vfile'
import {mayStartLowercase} from '../src/capitalization/lowercase-start.js'
import {reportRecase} from '../src/capitalization/report.js'
import {withCapital} from '../src/capitalization/case.js'
import {articleWords, type ProseWord} from '../src/capitalization/words.js'
import {getArticle} from '../src/parse/article.js'
import {defineRule} from '../src/rule.js'
import type {Article, Block, ListItemBlock} from '../src/types.js'

/**
 * Whether a paragraph continues the line right above it, with no blank line between: hard-wrapped
 * text (the line above is prose that does not end a sentence) or a clause after its enumerator on
 * a line of its own (`(B)`, `(2)`, `iv.`), as legal texts are laid out.
 */
function continuesLineAbove(article: Article, block: Block): boolean {
  const previous = article.blocks[block.index - 1]
  if (!previous || previous.position.end.line !== block.position.start.line - 1) return false
  if (/^\(?(?:\p{L}|\p{N}{1,3}|[ivxlc]{1,5})[.)]?$/iu.test(previous.text.trim())) return true
  if (previous.kind === 'paragraph') return !/[.!?]["”’)\]]*\s*$/u.test(previous.text)
  // The `.txt` parser takes a short first line of wrapped text for a heading; a heading is rarely
  // fifty characters long and ending in a lowercase word or a comma.
  return previous.kind === 'heading' && previous.text.trim().length >= 50 && /[\p{Ll},]$/u.test(previous.text.trim())
}

/** Lists: runs of list items, blank lines between items allowed. */
function listsOf(article: Article): ListItemBlock[][] {
  const lists: ListItemBlock[][] = []
  let current: ListItemBlock[] = []
  for (const block of article.blocks) {
    if (block.kind === 'list-item') current.push(block)
    else if (block.kind !== 'blank' && current.length > 0) {
      lists.push(current)
      current = []
    }
  }
  if (current.length > 0) lists.push(current)
  return lists
}

/** A word that opens an item or its text: judged only when it is a lowercase or capitalized word. */
const cased = (word: ProseWord | undefined): 'lower' | 'capital' | undefined => {
  if (!word) return undefined
  if (word.kind === 'lower') return mayStartLowercase(word) ? undefined : 'lower'
  return startsWithCapital.test(word.text) ? 'capital' : undefined
}

const startsWithCapital = /^\p{Lu}/u

export default defineRule({
  meta: {
    id: 'sentence-capitalization',
    description: 'A sentence, paragraph or list item that starts lowercase, and list text after a label cased unlike its siblings.',
    url: 'https://github.com/copydesk/copydesk/blob/main/docs/rules/sentence-capitalization.md',
    category: 'capitalization',
    fixable: true,
    defaultSeverity: 'error',
    options: {
      listItems: {type: 'boolean', default: true, description: 'Flag a list item that starts lowercase when most items of its list start with a capital.'},
      labelText: {type: 'boolean', default: true, description: 'Flag the text after a list label that starts lowercase when most labelled items of its list capitalize it.'}
    }
  },
  plugin(settings) {
    return function (_tree, file: VFile) {
      const article = getArticle(file)
      const report = (word: ProseWord, reason: string, note?: string) =>
        reportRecase(file, article, {prose: word.prose, start: word.start, end: word.end, reason, replacement: withCapital(word.text), certain: true, note})
      const itemWords = new Map<Block, ProseWord[]>()

      const units = articleWords(article)
      article.prose.forEach(({block}, unit) => {
        if (block.kind !== 'paragraph' && block.kind !== 'list-item') return
        const words = units[unit]
        if (block.kind === 'list-item') itemWords.set(block, words)
        words.forEach((word, index) => {
          if (word.place !== 'start' || cased(word) !== 'lower') return
          const first = index === 0
          if (!first) {
            report(word, `Unexpected lowercase \`${word.text}\` at the start of a sentence, expected \`${withCapital(word.text)}\``)
          } else if (block.kind === 'paragraph' && !continuesLineAbove(article, block)) {
            report(word, `Unexpected lowercase \`${word.text}\` at the start of a paragraph, expected \`${withCapital(word.text)}\``)
          }
        })
      })

      for (const list of listsOf(article)) {
        const firsts = list.map((item) => itemWords.get(item)?.[0])
        if (settings.listItems) {
          const capitals = firsts.filter((word) => cased(word) === 'capital').length
          const sentence = (item: ListItemBlock) => /[.!?]["”’)]?\s*$/u.test(item.text)
          list.forEach((item, index) => {
            const word = firsts[index]
            if (!word || cased(word) !== 'lower' || word.place !== 'start') return
            const lowers = firsts.filter((other) => cased(other) === 'lower').length
            if (capitals > lowers || (list.length === 1 && sentence(item))) {
              report(
                word,
                `Unexpected lowercase \`${word.text}\` at the start of a list item, expected \`${withCapital(word.text)}\``,
                list.length > 1 ? `${capitals} of the ${list.length} items of this list start with a capital.` : undefined
              )
            }
          })
        }
        if (settings.labelText) {
          // The first word after each label's colon.
          const afterLabels = list.map((item) => {
            const label = item.label
            if (!label) return undefined
            return itemWords.get(item)?.find((word) => word.prose.offsets[word.start] >= label.position.end.offset)
          })
          const capitals = afterLabels.filter((word) => cased(word) === 'capital').length
          const lowers = afterLabels.filter((word) => cased(word) === 'lower').length
          if (capitals >= 2 && capitals > lowers) {
            for (const word of afterLabels) {
              if (!word || cased(word) !== 'lower') continue
              report(
                word,
                `Unexpected lowercase \`${word.text}\` after a list label, expected \`${withCapital(word.text)}\``,
                `${capitals} of the ${capitals + lowers} labelled items of this list capitalize the text after the label.`
              )
            }
          }
        }
      }
    }
  }
})
