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
import {defaultIgnored, mayHaveVariant, variantCandidateFinder, type VariantCandidate, type VariantPair} from './spelling/variant-pairs.js'
import {isVerbatim, nodeText} from '../src/parse/prose.js'

const opening = new Set(['“', '«'])
const closing = new Set(['”', '»'])
// Made once: a literal in the loop over every word would be a new object per word.
const countable = /^\p{L}\p{Ll}+$/u
const startsUpper = /^\p{Lu}/u

/** How a word is counted: not at all, as written (it is lowercase ASCII), or lowercased. */
export type Countable = 'no' | 'as written' | 'lowercased'

/**
 * Whether a word is letters, lowercase after the first (`countable`), and whether it is lowercase
 * already: told by its character codes where it is ASCII, as most words are, since the expression
 * and `toLowerCase` (a new string each time) cost more than the rest of the count.
 */
export function countableForm(value: string): Countable {
  const first = value.charCodeAt(0)
  if (first >= 0x80 || value.length < 2) return countable.test(value) ? 'lowercased' : 'no'
  const lower = first >= 0x61 && first <= 0x7a
  if (!lower && !(first >= 0x41 && first <= 0x5a)) return 'no'
  for (let index = 1; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code >= 0x80) return countable.test(value) ? 'lowercased' : 'no'
    if (code < 0x61 || code > 0x7a) return 'no'
  }
  return lower ? 'as written' : 'lowercased'
}

/**
 * Calls `visit` with each countable word of the document (lowercase or with an automatic capital,
 * outside quotations), lowercased, in order.
 */
function forEachCountable(tree: Root, file: VFile, visit: (word: string, node: Word) => void): void {
  const article = getArticle(file)
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    const block = paragraph.data?.block === undefined ? undefined : article.blocks[paragraph.data.block]
    if (block?.kind === 'paragraph' && block.quoted) continue
    // Quotations may span sentences, so the depth is kept across the paragraph.
    let depth = 0
    let straightOpen = false
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      // The first word's capital is always automatic; the others' are worked out when one is
      // capitalized, as few are.
      let first = true
      let automatic: Set<Word> | undefined
      for (const child of sentence.children) {
        if (child.type === 'PunctuationNode' || child.type === 'SymbolNode') {
          const mark = nodeText(child)
          if (opening.has(mark)) depth++
          else if (closing.has(mark)) depth = Math.max(0, depth - 1)
          else if (mark === '"') straightOpen = !straightOpen
          continue
        }
        if (child.type !== 'WordNode') continue
        const firstWord = first
        first = false
        if (depth > 0 || straightOpen) continue
        const value = nodeText(child)
        const form = countableForm(value)
        if (form === 'no') continue
        if (form === 'lowercased' && !firstWord && startsUpper.test(value)) {
          automatic ??= automaticCapitals(sentence, block?.kind === 'heading')
          if (!automatic.has(child)) continue
        }
        visit(form === 'as written' ? value : value.toLowerCase(), child)
      }
    }
  }
}

/**
 * The uses of each word of the document that has a variant or is one, by word in order of first
 * use. Most words are neither: they are looked at, not kept.
 */
function variantUses(tree: Root, file: VFile, candidatesOf: (word: string) => readonly VariantCandidate[]): Map<string, Word[]> {
  const uses = new Map<string, Word[]>()
  const add = (word: string, node: Word) => {
    const list = uses.get(word)
    if (list) list.push(node)
    else uses.set(word, [node])
  }
  forEachCountable(tree, file, (word, node) => {
    if (mayHaveVariant(word) && candidatesOf(word).length > 0) add(word, node)
  })
  // The variant of a word is mostly a word with a variant too (`colour` of `color`, and back), but
  // not always (`anaemia` has `anemia`, which has none): those are counted in a second pass.
  const others = new Set<string>()
  for (const word of uses.keys()) {
    for (const {other} of candidatesOf(word)) if (!uses.has(other) && candidatesOf(other).length === 0) others.add(other)
  }
  if (others.size > 0) forEachCountable(tree, file, (word, node) => others.has(word) && add(word, node))
  return uses
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
      const [us, gb] = [lexicon('en-US'), lexicon('en-GB')]
      candidatesOf ??= variantCandidateFinder(us, gb, ignored)
      const byWord = variantUses(tree, file, candidatesOf)
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
        const first = kept[0].position!.start
        const certain = kept.length >= 2 && kept.length >= CERTAIN_RATIO * replaced.length
        for (const node of replaced) {
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
