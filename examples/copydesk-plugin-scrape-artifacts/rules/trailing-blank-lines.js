// @ts-check
/**
 * `trailing-blank-lines`: blank lines after the last line of text. The fix removes them and keeps
 * the one line ending the last line had.
 */
import {certainFix, defineRule, getArticle} from 'copydesk'
import {artifactMeta} from './blocks.js'

export default defineRule({
  meta: artifactMeta({
    id: 'trailing-blank-lines',
    description: 'Blank lines at the end of the file.',
    fixable: true,
    options: {
      allow: {type: 'number', default: 0, minimum: 0, integer: true, description: 'How many blank lines may end a file.'}
    }
  }),
  plugin(options) {
    return (_tree, file) => {
      const article = getArticle(file)
      const text = String(file.value)
      const afterText = text.trimEnd().length
      if (afterText === 0) return
      // The line ending of the last line of text stays; what comes after it is blank lines.
      const ending = /^[^\S\r\n]*(?:\r\n|\n|\r)/u.exec(text.slice(afterText))
      if (!ending) return
      const start = afterText + ending[0].length
      const tail = text.slice(start)
      const blank = (tail.match(/\r\n|\n|\r/gu)?.length ?? 0) + (/[^\r\n]$/u.test(tail) ? 1 : 0)
      if (blank <= options.allow) return
      const message = file.message(`Unexpected ${blank} blank line${blank === 1 ? '' : 's'} at the end of the file`, {
        place: {start: article.toPoint(start), end: article.toPoint(text.length)}
      })
      if (options.allow === 0) certainFix(message, '')
    }
  }
})
