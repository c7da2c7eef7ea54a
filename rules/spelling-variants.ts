/**
 * `spelling-variants`: one word spelled two ways in one document, US and British (`defense` and
 * `defence`, `organize` and `organise`, `color` and `colour`, `dialog` and `dialogue`). Each
 * occurrence of the minority spelling is reported, with the document's dominant spelling expected.
 * Where neither spelling outnumbers the other, the document's other variant spellings decide
 * (`center` and `analyze` elsewhere make it a US document); with no such evidence nothing is said.
 *
 * Not counted and not reported: a capitalized word mid-sentence (`Department of Defense` in a
 * British text is a name), words in quotations or Markdown block quotes, code and URLs, and the
 * pairs whose spellings differ in meaning (`program`/`programme`, `practice`/`practise`; see
 * `defaultIgnored`).
 */
import type {Root, Word} from 'nlcst'
import type {VFile} from 'vfile'
import {lexicon} from '../src/dictionaries.js'
import {getArticle} from '../src/parse/article.js'
import {certainFix, defineRule} from '../src/rule.js'
import {automaticCapitals} from './spelling/names.js'
import {defaultIgnored, variantCandidateFinder, type VariantCandidate, type VariantPair} from './spelling/variant-pairs.js'
import {isVerbatim, nodeText} from '../src/parse/prose.js'

/** One use of a word the rule may count: lowercase or with an automatic capital, outside quotations. */
interface Occurrence {
  word: string
  node: Word
}

const opening = new Set(['“', '«'])
const closing = new Set(['”', '»'])
// Made once: a literal in the loop over every word would be a new object per word.
const countable = /^\p{L}\p{Ll}+$/u
const startsUpper = /^\p{Lu}/u

/** The countable words of the document, in order. */
function occurrencesOf(tree: Root, file: VFile): Occurrence[] {
  const article = getArticle(file)
  const result: Occurrence[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    const block = paragraph.data?.block === undefined ? undefined : article.blocks[paragraph.data.block]
    if (block?.kind === 'paragraph' && block.quoted) continue
    // Quotations may span sentences, so the depth is kept across the paragraph.
    let depth = 0
    let straightOpen = false
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      const automatic = automaticCapitals(sentence, block?.kind === 'heading')
      for (const child of sentence.children) {
        if (child.type === 'PunctuationNode' || child.type === 'SymbolNode') {
          const mark = nodeText(child)
          if (opening.has(mark)) depth++
          else if (closing.has(mark)) depth = Math.max(0, depth - 1)
          else if (mark === '"') straightOpen = !straightOpen
          continue
        }
        if (child.type !== 'WordNode' || depth > 0 || straightOpen) continue
        const value = nodeText(child)
        if (!countable.test(value)) continue
        if (startsUpper.test(value) && !automatic.has(child)) continue
        result.push({word: value.toLowerCase(), node: child})
      }
    }
  }
  return result
}

/** `replacement` in the case of `original`: `Defense` for `Defence`. */
function recase(replacement: string, original: string): string {
  return /^\p{Lu}/u.test(original) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement
}

const times = (count: number): string => (count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`)

/** A spelling that outnumbers its variant by this much, and is used at least twice, is certainly the house spelling. */
const CERTAIN_RATIO = 2

const options = {
  ignore: {
    type: 'string[]',
    default: defaultIgnored,
    description: 'Spellings never paired with a variant, because the two differ in meaning (lowercase).'
  }
} as const

export default defineRule({
  meta: {
    id: 'spelling-variants',
    description: 'One word spelled both in US and in British English in one document (`defense` and `defence`).',
    url: 'https://github.com/copydesk/copydesk/blob/main/docs/rules/spelling-variants.md',
    category: 'spelling',
    fixable: true,
    defaultSeverity: 'warn',
    options
  },
  plugin(settings) {
    const ignored = new Set(settings.ignore.map((word) => word.toLowerCase()))
    let candidatesOf: ((word: string) => readonly VariantCandidate[]) | undefined
    return async (tree: Root, file: VFile) => {
      const occurrences = occurrencesOf(tree, file)
      const byWord = new Map<string, Occurrence[]>()
      for (const occurrence of occurrences) {
        const list = byWord.get(occurrence.word)
        if (list) list.push(occurrence)
        else byWord.set(occurrence.word, [occurrence])
      }
      const [us, gb] = [lexicon('en-US'), lexicon('en-GB')]
      candidatesOf ??= variantCandidateFinder(us, gb, ignored)
      const pairs = new Map<string, VariantPair>()
      // How many uses of each variety the document makes, over every word that has a variant.
      const tally = {us: 0, gb: 0}
      for (const [word, list] of byWord) {
        const candidates = candidatesOf(word)
        if (candidates.length === 0) continue
        const pair = candidates.find(({other}) => byWord.has(other))?.pair
        if (pair) pairs.set(`${pair.us}/${pair.gb}`, pair)
        // A word whose variant the document does not use still says which variety it writes.
        const lone = pair ?? candidates[0].pair
        tally[lone.us === word ? 'us' : 'gb'] += list.length
      }
      for (const pair of pairs.values()) {
        const usUses = byWord.get(pair.us)!
        const gbUses = byWord.get(pair.gb)!
        let dominant: 'us' | 'gb'
        if (usUses.length !== gbUses.length) dominant = usUses.length > gbUses.length ? 'us' : 'gb'
        else {
          const usElsewhere = tally.us - usUses.length
          const gbElsewhere = tally.gb - gbUses.length
          if (usElsewhere === gbElsewhere) continue
          dominant = usElsewhere > gbElsewhere ? 'us' : 'gb'
        }
        const [kept, replaced] = dominant === 'us' ? [usUses, gbUses] : [gbUses, usUses]
        const keptWord = dominant === 'us' ? pair.us : pair.gb
        const first = kept[0].node.position!.start
        const certain = kept.length >= 2 && kept.length >= CERTAIN_RATIO * replaced.length
        for (const {node} of replaced) {
          const actual = nodeText(node)
          const expected = recase(keptWord, actual)
          const place = node.position!
          const message = file.message(`Unexpected \`${actual}\`, expected \`${expected}\` as elsewhere in the document`, {
            place,
            ruleId: 'spelling-variants',
            source: 'copydesk'
          })
          message.actual = actual
          message.messageId = 'minority-variant'
          message.note =
            `The document writes \`${keptWord}\` ${times(kept.length)} (first at ${first.line}:${first.column}) ` +
            `and \`${actual.toLowerCase()}\` ${times(replaced.length)}` +
            (kept.length === replaced.length ? `; its other spellings are mostly ${dominant === 'us' ? 'US' : 'British'}.` : '.')
          if (certain && isVerbatim(file, place, actual)) certainFix(message, expected)
          else message.expected = [expected]
        }
      }
    }
  }
})
