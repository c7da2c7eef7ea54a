/**
 * `possessive-apostrophe`: a possessive written without its apostrophe, `NATOs Strategic
 * Objectives` or `Montenegros Strategic Role`, where the document itself writes `NATO’s` and
 * `Montenegro’s`, or where an acronym plus `s` stands before a word that can only be a noun
 * (`NATOs mission`, `the UNs headquarters`). The apostrophe expected is the document's own: `’` or `'`.
 *
 * Not flagged: plurals (`CEOs`, `NGOs`, `the 1990s`, `Americans`, `the Kennedys`), a name ending in
 * `s` that the document never writes as a possessive, and anything the dictionary knows as written.
 */
import type {Root, Sentence, Word} from 'nlcst'
import type {VFile} from 'vfile'
import {isKnownWord} from '../src/dictionary.js'
import {certainFix, defineRule} from '../src/rule.js'
import {adjacentWord, sentencesIn} from './spelling/names.js'
import {isVerbatim, nodeText} from '../src/parse/prose.js'

/** A capitalized word plus `s` the dictionary does not know: `NATOs`, `Montenegros`, `Kennedys`. */
interface Suspect {
  sentence: Sentence
  /** Its index among the sentence's children. */
  index: number
  node: Word
  word: string
  /** The word without its `s`. */
  owner: string
}

/**
 * What the document writes: its possessives (`NATO`, from `NATO’s`), which apostrophe it prefers,
 * and the words that may be possessives without theirs, in order.
 */
interface Possessives {
  owners: Set<string>
  apostrophe: '’' | "'"
  suspects: Suspect[]
}

function possessivesOf(tree: Root): Possessives {
  const owners = new Set<string>()
  const suspects: Suspect[] = []
  let curly = 0
  let straight = 0
  for (const sentence of sentencesIn(tree)) {
    const children = sentence.children
    for (let index = 0; index < children.length; index++) {
      const child = children[index]
      if (child.type !== 'WordNode') continue
      const value = nodeText(child)
      const curlyHere = occurrences(value, '’')
      const straightHere = occurrences(value, "'")
      curly += curlyHere
      straight += straightHere
      // Only a word with an apostrophe can be a possessive: most words skip the expression.
      const owner = curlyHere + straightHere > 0 ? ownerPattern.exec(value) : null
      if (owner) owners.add(owner[1])
      const bare = mayLackApostrophe(value) ? withoutApostrophe.exec(value) : null
      if (bare && !isKnownWord(value)) suspects.push({sentence, index, node: child, word: value, owner: bare[1]})
    }
  }
  return {owners, apostrophe: straight > curly ? "'" : '’', suspects}
}

const ownerPattern = /^(\p{Lu}[\p{L}\p{M}.-]*)['’]s$/u

/** How many times `mark` (one character) occurs in `value`. */
function occurrences(value: string, mark: string): number {
  let count = 0
  for (let at = value.indexOf(mark); at !== -1; at = value.indexOf(mark, at + 1)) count++
  return count
}

export const withoutApostrophe = /^(\p{Lu}[\p{L}\p{M}.-]*)s$/u

/**
 * Whether `withoutApostrophe` may match: the word ends in `s` and does not start with an ASCII
 * character other than a capital. Most words fail one or the other and skip the expression.
 */
export function mayLackApostrophe(word: string): boolean {
  const first = word.charCodeAt(0)
  return (first >= 0x80 || (first >= 0x41 && first <= 0x5a)) && word.endsWith('s')
}

const isAcronym = (value: string): boolean => /^\p{Lu}{2,}$/u.test(value)

// Endings that make a word a noun, and nouns that follow possessives in news copy but are not
// verbs: after a bare plural (`NGOs support`) a verb is English, after a possessive a noun is.
const nounEnding = /(?:tion|sion|ment|ship|ness|ity|ance|ence|ism|hood|dom)s?$/u
const unambiguousNouns = new Set([
  'headquarters', 'mission', 'missions', 'strategy', 'strategies', 'objective', 'objectives', 'role', 'roles', 'chief',
  'secretary', 'members', 'membership', 'budget', 'history', 'future', 'summit', 'summits', 'charter', 'troops', 'forces',
  'allies', 'partners', 'policy', 'policies', 'goals', 'priorities', 'leadership', 'president', 'spokesperson', 'website'
])

/** Whether `word` is a noun by its form, with no reading as a verb: `Objectives`, `mission`. */
function isNoun(word: string): boolean {
  const lower = word.toLowerCase()
  return unambiguousNouns.has(lower) || nounEnding.test(lower)
}

// `the Kennedys`, `both Koreas`: after these a capitalized word plus `s` is a plural of a name.
const pluralMarkers = new Set(['the', 'these', 'those', 'both', 'all', 'many', 'two', 'three', 'several', 'some'])

export default defineRule({
  meta: {
    id: 'possessive-apostrophe',
    description: 'A possessive without its apostrophe (`NATOs Strategic Objectives`), where the document or the form makes it certain.',
    url: 'https://github.com/copydesk/copydesk/blob/main/docs/rules/possessive-apostrophe.md',
    category: 'spelling',
    fixable: true,
    defaultSeverity: 'warn',
    options: {}
  },
  plugin() {
    return (tree: Root, file: VFile) => {
      const {owners, apostrophe, suspects} = possessivesOf(tree)
      for (const {sentence, index, node: child, word, owner} of suspects) {
        const next = adjacentWord(sentence, index, 1)
        const previous = adjacentWord(sentence, index, -1)
        // `the UN’s mission` is as common as `the Kennedys`: the determiner marks a plural only for names.
        if (!isAcronym(owner) && previous && pluralMarkers.has(nodeText(previous).toLowerCase())) continue
        const writtenAsPossessive = owners.has(owner)
        const acronymBeforeNoun = isAcronym(owner) && next !== undefined && isNoun(nodeText(next))
        if (!writtenAsPossessive && !acronymBeforeNoun) continue
        const expected = `${owner}${apostrophe}s`
        const place = child.position!
        const message = file.message(`Missing apostrophe in \`${word}\`, expected \`${expected}\``, {place, ruleId: 'possessive-apostrophe', source: 'copydesk'})
        message.actual = word
        message.note = writtenAsPossessive
          ? `The document writes \`${owner}${apostrophe}s\` elsewhere.`
          : `\`${owner}\` is an acronym and \`${nodeText(next!)}\` a noun: a plural would not stand before it.`
        // Certain only where the document itself writes the possessive and the word is exactly its source.
        if (writtenAsPossessive && isVerbatim(file, place, word)) certainFix(message, expected)
        else message.expected = [expected]
      }
    }
  }
})
