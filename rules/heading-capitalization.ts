/**
 * `heading-capitalization`: headings, list labels and table headers in one case style. The
 * headings of a document, the labels of a list and the header cells of a table are each a group;
 * a unit that breaks its group's style (`Evaluation of regional Security Threats` among title-case
 * headings, `Operation | description | Duration`) is flagged word by word.
 */
import type {VFile} from 'vfile'
import {caseOf, withCapital, withoutPossessive} from '../src/capitalization/case.js'
import {mayStartLowercase} from '../src/capitalization/lowercase-start.js'
import {reportRecase} from '../src/capitalization/report.js'
import {isNameHead} from '../src/capitalization/name-heads.js'
import {articleTerms, type Terms} from '../src/capitalization/terms.js'
import {groupStyle, styledUnit, type CaseStyle, type StyledUnit} from '../src/capitalization/title-case.js'
import {articleWords, type ProseWord} from '../src/capitalization/words.js'
import {hasNameEntry, isKnownWord} from '../src/dictionary.js'
import {getArticle} from '../src/parse/article.js'
import {defineRule} from '../src/rule.js'
import type {Article, Block} from '../src/types.js'

/** What a group is made of, for messages: `heading`, `list label`, `table header`, `table column`. */
type GroupKind = 'heading' | 'list label' | 'table header' | 'table column'

interface Group {
  kind: GroupKind
  /** The words of each unit. */
  units: ProseWord[][]
}


/**
 * Whether a capitalized word is a name, which keeps its capital in sentence case: the document
 * capitalizes it mid-sentence, the dictionary knows it capitalized only or as a name, or it ends a
 * name after a capitalized word (`East River`).
 */
function nameTest(terms: Terms): (word: ProseWord, previous: ProseWord) => boolean {
  return (word, previous) => {
    const value = withoutPossessive(word.text)
    if (caseOf(value) !== 'capitalized') return false
    const lower = word.key
    if ((terms.capitalized.get(lower)?.mid ?? 0) > 0) return true
    // `East River, downtown`, `Kansas City plans`: a capitalized word that ends names, right after a capital.
    if (isNameHead(value) && caseOf(previous.text) === 'capitalized' && word.prose.text.slice(previous.end, word.start) === ' ') return true
    if (value.includes('-')) return value.split('-').some((part) => !isKnownWord(part.toLowerCase()))
    return !isKnownWord(lower) || hasNameEntry(lower)
  }
}

// `See also  Balkans Unite: …`: a cross-reference to another article, not a heading of this one.
const crossReference = /^(?:see|read) also\b/iu

/**
 * The groups of a document: its headings; the labels of each list; the header rows of its tables
 * (one group: a document's tables share a style, and a header is often two or three cells).
 */
function groupsOf(article: Article, units: Map<Block, ProseWord[][]>): Group[] {
  const headings: Group = {kind: 'heading', units: []}
  const headers: Group = {kind: 'table header', units: []}
  const groups: Group[] = [headings, headers]
  let labels: ProseWord[][] | undefined
  for (const block of article.blocks) {
    if (block.kind !== 'list-item' && block.kind !== 'blank') labels = undefined
    if (block.kind === 'heading') {
      if (!crossReference.test(block.content.text)) headings.units.push(...(units.get(block) ?? []))
    }
    else if (block.kind === 'list-item') {
      if (!labels) groups.push({kind: 'list label', units: (labels = [])})
      const words = units.get(block)?.[0]?.filter((word) => word.zone === 'label') ?? []
      if (words.length > 0) labels.push(words)
    } else if (block.kind === 'table') {
      const header = block.rows.findIndex((row) => !row.delimiter)
      const cells = units.get(block) ?? []
      headers.units.push(...cells.filter((words) => words[0]?.prose.cell?.row === header))
      groups.push(...columnsOf(cells.filter((words) => words[0]?.prose.cell?.row !== header)))
    }
  }
  return groups
}

// A cell that ends with a full stop or a colon holds a sentence or a clause, not a name.
const endsClause = /[.!?;:]$/u

/**
 * The body columns of a table whose cells are names of things (`Joint Training Program`,
 * `Information Session`): short cells, no sentence. Only their title case is judged: a column of
 * data in sentence case may hold names anywhere.
 */
function columnsOf(cells: ProseWord[][]): Group[] {
  const columns = new Map<number, ProseWord[][]>()
  for (const words of cells) {
    const cell = words[0].prose.cell!.cell
    const text = words[0].prose.text
    if (words.length > 6 || endsClause.test(text.trim())) continue
    columns.set(cell, [...(columns.get(cell) ?? []), words])
  }
  return [...columns.values()].filter((units) => units.length >= 3).map((units) => ({kind: 'table column', units}))
}

export default defineRule({
  meta: {
    id: 'heading-capitalization',
    description: 'Headings, list labels and table headers that break their group’s case style (title case or sentence case).',
    url: 'https://github.com/copydesk/copydesk/blob/main/docs/rules/heading-capitalization.md',
    category: 'capitalization',
    fixable: true,
    defaultSeverity: 'error',
    options: {
      style: {
        type: 'string',
        default: 'consistent',
        enum: ['consistent', 'title', 'sentence'],
        description: 'The case style: `title`, `sentence`, or `consistent` (the style most units of each group use).'
      }
    }
  },
  plugin(settings) {
    return function (_tree, file: VFile) {
      const article = getArticle(file)
      const byBlock = new Map<Block, ProseWord[][]>()
      const units = articleWords(article)
      article.prose.forEach(({block}, unit) => {
        const words = units[unit]
        if (words.length === 0) return
        const list = byBlock.get(block) ?? []
        list.push(words)
        byBlock.set(block, list)
      })
      const terms = articleTerms(article)
      const isName = nameTest(terms)

      for (const group of groupsOf(article, byBlock)) {
        const units = group.units.map((words) => styledUnit(words, isName))
        if (group.kind === 'table column') {
          // Cells are names or data: only a column mostly in title case, whatever the option, is judged.
          if (groupStyle(units) === 'title') for (const unit of units) checkUnit(file, article, group, unit, 'title', true)
          continue
        }
        const style = settings.style === 'consistent' ? groupStyle(units) : (settings.style as CaseStyle)
        checkFirstWords(file, article, group)
        if (!style) continue
        for (const unit of units) checkUnit(file, article, group, unit, style, settings.style === 'consistent')
      }
    }
  }
})

/**
 * A unit whose first word is lowercase (`description`, `support Mechanism`) where the group's
 * other units start with a capital. A list label's first word is also its item's, which
 * `sentence-capitalization` judges.
 */
function checkFirstWords(file: VFile, article: Article, group: Group): void {
  if (group.kind === 'list label') return
  const firsts = group.units.map((words) => words[0]).filter((word) => word.place === 'start')
  const capitals = firsts.filter((word) => word.kind === 'capitalized' || word.kind === 'upper').length
  const lowers = firsts.filter((word) => !mayStartLowercase(word) && isKnownWord(word.text))
  if (capitals <= lowers.length) return
  for (const word of lowers) {
    reportRecase(file, article, {
      prose: word.prose,
      start: word.start,
      end: word.end,
      reason: `Unexpected lowercase \`${word.text}\` at the start of a ${group.kind}, expected \`${withCapital(word.text)}\``,
      replacement: withCapital(word.text),
      certain: true,
      note: `${capitals} of the ${firsts.length} ${group.kind}s start with a capital.`
    })
  }
}

/** Flags the words of a unit that break the group's style. */
function checkUnit(file: VFile, article: Article, group: Group, unit: StyledUnit, style: CaseStyle, detected: boolean): void {
  const how = detected ? `The ${group.kind === 'table column' ? 'cells of this column' : `${group.kind}s here`} are in ${style} case` : `The configured style is ${style} case`
  if (style === 'title') {
    // A lowercase word the dictionary does not know (`croatia`) is a name: `term-capitalization`'s finding.
    for (const word of unit.lowers) {
      if (!isKnownWord(word.text)) continue
      reportRecase(file, article, {
        prose: word.prose,
        start: word.start,
        end: word.end,
        reason: `Unexpected lowercase \`${word.text}\` in a title-case ${group.kind}, expected \`${withCapital(word.text)}\``,
        replacement: withCapital(word.text),
        certain: true,
        note: `${how}: words other than a, an, the, and, but, or, nor, and short prepositions are capitalized.`
      })
    }
    return
  }
  for (const word of unit.capitals) {
    const lower = word.text.charAt(0).toLowerCase() + word.text.slice(1)
    // Not certain: a capitalized word may be a name the document and the dictionary do not know.
    reportRecase(file, article, {
      prose: word.prose,
      start: word.start,
      end: word.end,
      reason: `Unexpected capitalized \`${word.text}\` in a sentence-case ${group.kind}, expected \`${lower}\``,
      replacement: lower,
      certain: false,
      note: `${how}: only the first word and names are capitalized.`
    })
  }
}
