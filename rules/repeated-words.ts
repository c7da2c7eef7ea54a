/**
 * `repeated-words`: the same word twice in a row (`the the`), found by
 * retext-repeated-words, which already leaves alone `had had`, `that that`,
 * initials (`D. D.`) and capitalized names (`Duran Duran`).
 *
 * On top of it, copydesk leaves alone repeats that are deliberate: runs of
 * three or more (`down down down`), reduplications (`bye bye`, `hubba hubba`),
 * a stutter or echo in quoted speech (`“Wait wait,” she said`, `“let her go go”`;
 * a doubled function word such as `to to` is flagged even there), a particle
 * followed by a preposition (`let us in in the dark`), `is is` or `was was` after a
 * wh-clause (`What it is is a problem`), and `her her` after a verb with two objects
 * (`gave her her keys`).
 */
import type {Nodes, Root, Sentence} from 'nlcst'
import retextRepeatedWords from 'retext-repeated-words'
import type {VFile} from 'vfile'
import {getArticle} from '../src/parse/article.js'
import {isVerbatim, nodeText} from '../src/parse/prose.js'
import {sentencesIn} from './spelling/names.js'
import {certainFix, defineRule} from '../src/rule.js'
import type {Article} from '../src/types.js'

/** Words whose doubling is idiomatic. */
export const defaultAllowed = [
  'bye', 'chop', 'ha', 'hee', 'hip', 'ho', 'hubba', 'knock', 'la', 'many', 'no', 'now', 'pip', 'there',
  'tsk', 'tut', 'very', 'well', 'yes', 'so', 'bang', 'boo', 'ding', 'dong', 'tick', 'tock', 'uh', 'um', 'oh', 'ah',
  'blah', 'pom', 'tom', 'bon', 'mahi', 'choo', 'baa', 'ooh', 'aah', 'yum', 'hush', 'boom', 'beep', 'wah', 'rah', 'cha'
] as const

const objectPronouns = new Set(['me', 'you', 'him', 'her', 'it', 'us', 'them', 'one'])

// Doubling one of these is a slip even in dialogue (`“You were expected to to my office”`).
const functionWords = new Set([
  'a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'into', 'onto', 'as', 'and', 'or', 'but', 'nor',
  'if', 'than', 'then', 'that', 'this', 'these', 'those', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'has', 'have', 'had',
  'do', 'does', 'did', 'will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must', 'not', 'it', 'its', 'his',
  'her', 'their', 'our', 'my', 'your', 'he', 'she', 'they', 'we', 'you', 'i', 'me', 'him', 'them', 'us', 'which', 'who', 'whom'
])
const particles = new Set(['in', 'on'])

// `What it is is`, `Whoever did it was was`: the first `is` ends a wh-clause that is the subject.
const beForms = new Set(['is', 'was'])
const clauseOpeners = /(?:^|[^\p{L}])(?:what|whatever|whoever|where|how|why|all)(?:[^\p{L}.!?;:,]+\p{L}+){1,6}[^\p{L}.!?;:,]*$/iu

// `gave her her keys`: after a verb that takes two objects, `her` is the object, then the possessive.
const twoObjectVerbs = new Set([
  'give', 'gives', 'gave', 'given', 'giving', 'tell', 'tells', 'told', 'telling', 'show', 'shows', 'showed', 'shown', 'showing',
  'bring', 'brings', 'brought', 'bringing', 'hand', 'hands', 'handed', 'send', 'sends', 'sent', 'offer', 'offers', 'offered',
  'pass', 'passed', 'lend', 'lent', 'buy', 'bought', 'get', 'got', 'make', 'made', 'pay', 'paid', 'teach', 'taught', 'owe',
  'owed', 'promise', 'promised', 'sell', 'sold', 'wish', 'wished', 'find', 'found', 'leave', 'left', 'ask', 'asked', 'write',
  'wrote', 'read', 'fetch', 'fetched', 'grant', 'granted', 'deny', 'denied', 'save', 'saved', 'throw', 'threw', 'serve',
  'served', 'award', 'awarded', 'allow', 'allowed', 'cost', 'bid', 'kiss', 'kissed', 'remind', 'reminded', 'cook', 'cooked'
])

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
}

/** Whether the repeat between `start` and `end` (file offsets) is deliberate English rather than a slip. */
function deliberate(text: string, article: Article, word: string, start: number, end: number): boolean {
  const lower = word.toLowerCase()
  const same = escape(word)
  // A third occurrence before or after: `down down down`.
  if (new RegExp(`(?:^|[^\\p{L}])${same}[ \\t]+$`, 'iu').test(text.slice(Math.max(0, start - word.length - 4), start))) return true
  if (new RegExp(`^[ \\t]+${same}(?![\\p{L}'’])`, 'iu').test(text.slice(end, end + word.length + 4))) return true
  const lead = text.slice(Math.max(0, start - 80), start)
  if (beForms.has(lower) && clauseOpeners.test(lead)) return true
  const previous = /(\p{L}+)[ \t]+$/u.exec(lead)?.[1].toLowerCase()
  if (lower === 'her' && previous !== undefined && twoObjectVerbs.has(previous)) return true
  // `let us in in the dark`: a particle after an object, then a preposition.
  if (particles.has(lower) && previous !== undefined && objectPronouns.has(previous)) return true
  // A stutter or an echo in quoted speech: `“Wait wait”`, `“They'll they'll think I did it”`,
  // `“I coulda let her go go”`. A doubled function word in quotes is still a slip.
  if (/^\p{Lu}/u.test(text.slice(start, start + 1)) || !functionWords.has(lower)) {
    const prose = article.prose.find((unit) => unit.offsets[0] <= start && start <= unit.offsets[unit.offsets.length - 1])
    if (prose) {
      const local = prose.offsets.indexOf(start)
      const before = prose.text.slice(0, local)
      const opened = (before.match(/[“]/gu)?.length ?? 0) - (before.match(/[”]/gu)?.length ?? 0)
      const straight = (before.match(/"/gu)?.length ?? 0) % 2 === 1
      if (opened > 0 || straight) return true
    }
  }
  return false
}

/** Whether two words are one but for case, as retext-repeated-words compares them (lowercased). */
export function sameButForCase(a: string, b: string): boolean {
  if (a === b) return true
  // Words whose first ASCII characters differ but for case differ lowercased: no new strings to compare.
  const first = a.charCodeAt(0)
  const other = b.charCodeAt(0)
  if (first < 0x80 && other < 0x80 && (first | 0x20) !== (other | 0x20)) return false
  return a.toLowerCase() === b.toLowerCase()
}

/**
 * Whether retext-repeated-words finds a repeat in the sentence: a word, one white space, and the
 * word again. Its walk, told apart from what it then checks and reports: it keeps the word before
 * the last white space, so a word right after another (no space) is compared with the one before.
 */
function hasRepeat(sentence: Sentence): boolean {
  let previous: string | undefined
  let current: string | undefined
  for (const child of sentence.children) {
    if (child.type === 'WordNode') {
      current = nodeText(child)
      if (previous !== undefined && sameButForCase(previous, current)) return true
    } else if (child.type === 'WhiteSpaceNode') {
      previous = current
      current = undefined
    } else {
      previous = undefined
      current = undefined
    }
  }
  return false
}

/** The sentences of a tree with a repeat (see `hasRepeat`), in order, as children of a root of their own. */
function sentencesWithRepeats(tree: Root): Root {
  const found: Root = {type: 'RootNode', children: []}
  for (const sentence of sentencesIn(tree)) if (hasRepeat(sentence)) (found.children as Nodes[]).push(sentence)
  return found
}

const options = {
  allow: {type: 'string[]', default: defaultAllowed, description: 'Words whose doubling is idiomatic and never flagged (lowercase).'}
} as const

export default defineRule({
  meta: {
    id: 'repeated-words',
    description: 'The same word written twice in a row.',
    url: 'https://github.com/copydesk/copydesk#repeated-words',
    category: 'repetition',
    fixable: true,
    defaultSeverity: 'error',
    options
  },
  plugin(settings) {
    const find = retextRepeatedWords() as unknown as (tree: Root, file: VFile) => void
    const allowed = new Set(settings.allow.map((word) => word.toLowerCase()))
    return function (tree, file) {
      // Few sentences hold a repeat: retext-repeated-words, which lowercases every word and makes a
      // record of it, checks and reports only those.
      const candidates = sentencesWithRepeats(tree)
      if (candidates.children.length === 0) return
      const before = file.messages.length
      find(candidates, file)
      const article = getArticle(file)
      const text = String(file.value)
      const found = file.messages.splice(before)
      for (const message of found) {
        const word = message.expected?.[0] ?? ''
        const place = message.place && 'start' in message.place ? message.place : undefined
        const start = place?.start.offset
        const end = place?.end.offset
        if (allowed.has(word.toLowerCase())) continue
        if (start !== undefined && end !== undefined && deliberate(text, article, word, start, end)) continue
        // Across dropped markup (`the [the](url)`) the source range holds more than the two words:
        // replacing it with one word would lose the markup, so there is no certain fix.
        if (!place || start === undefined || !isVerbatim(file, place, message.actual ?? '')) message.expected = undefined
        // Keep the first word as written: `The the report` becomes `The report`, not `the report`.
        else certainFix(message, text.slice(start, start + word.length))
        file.messages.push(message)
      }
    }
  }
})
