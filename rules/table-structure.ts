/**
 * `table-structure`: pipe tables that are malformed, as tables converted badly from HTML are —
 * rows without their leading or trailing pipe, rows with a cell too many or too few, a delimiter
 * row missing or malformed, a table glued to the text around it, header cells empty or repeated.
 * Well-formed tables are left alone. Each kind of finding has a stable `messageId` (see
 * docs/rules/table-structure.md); where the repair is certain, the message carries it.
 */
import {getArticle} from '../src/parse/article.js'
import {splitLines} from '../src/parse/lines.js'
import {certainFix, defineRule} from '../src/rule.js'
import {checkTable} from '../src/table/check.js'
import {pipeStyles, styleOf, type PipeStyle} from '../src/table/shape.js'
import type {TableBlock} from '../src/types.js'

const options = {
  style: {
    type: 'string',
    enum: [...pipeStyles, 'consistent'],
    default: 'leading_and_trailing',
    description: 'Which outer pipes rows have: `leading_and_trailing`, `leading_only`, `trailing_only`, `no_leading_or_trailing`, or `consistent` (as the first row of the first table).'
  },
  blankLines: {
    type: 'string',
    enum: ['markdown', 'always', 'never'],
    default: 'markdown',
    description: 'Where a table needs a blank line before and after it: in Markdown files (where it changes rendering), in all files, or nowhere.'
  },
  header: {type: 'boolean', default: true, description: 'Flag empty header cells (but the top-left one) and header cells that repeat another.'}
} as const

export default defineRule({
  meta: {
    id: 'table-structure',
    description: 'Malformed pipe tables: missing or unexpected pipes, wrong cell counts, a missing or malformed delimiter row, no blank lines around, empty or repeated header cells.',
    url: 'https://github.com/copydesk/copydesk/blob/main/docs/rules/table-structure.md',
    category: 'table',
    fixable: true,
    defaultSeverity: 'error',
    options
  },
  plugin(settings) {
    return function (_tree, file) {
      const article = getArticle(file)
      const tables = article.blocks.filter((block): block is TableBlock => block.kind === 'table')
      if (tables.length === 0) return
      const source = String(file.value)
      const lines = splitLines(source)
      // `consistent`: the first row of the first table sets the style, as in markdownlint.
      const firstRow = tables[0].rows[0]
      const style: PipeStyle = settings.style === 'consistent' ? styleOf(firstRow) : settings.style
      const styleOrigin = settings.style === 'consistent' ? `set by the first table row, line ${firstRow.position.start.line}` : undefined
      const blankLines = settings.blankLines === 'always' || (settings.blankLines === 'markdown' && article.format === 'md')
      for (const table of tables) {
        const findings = checkTable(table, {
          source, lines, format: article.format, lineEnding: article.lineEnding, style, styleOrigin, blankLines, header: settings.header
        })
        for (const finding of findings) {
          const [from, to] = finding.fix ? [finding.fix.from, finding.fix.to] : [finding.from, finding.to]
          const message = file.message(finding.reason, {place: {start: article.toPoint(from), end: article.toPoint(to)}})
          message.messageId = finding.id
          if (finding.note) message.note = finding.note
          if (finding.fix) {
            message.actual = source.slice(from, to)
            certainFix(message, finding.fix.text)
          }
        }
      }
    }
  }
})
