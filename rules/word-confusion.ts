/**
 * `word-confusion`: a real word written for another where the context leaves no doubt. Only
 * narrow, tested patterns are reported; a confusion that needs judgment (`affect`/`effect`) is not.
 *
 * - `lead` for `led` in a compound before the thing led: `NATO-lead missions`, `a US-lead
 *   coalition`, `student-lead initiatives` (messageId `lead-for-led`). The compound must stand
 *   before a noun that is led (see `ledThings`) and its first part must be a leader: a name or
 *   acronym, or a listed agent (`government`, `student`). Not reported: the metal (`zinc-lead
 *   mines`), a lead role or wire (`female-lead films`, `12-lead ECG`), a co-author (`co-lead
 *   authors`).
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {certainFix, defineRule} from '../src/rule.js'
import {adjacentWord, sentencesIn} from './spelling/names.js'
import {isVerbatim, nodeText} from '../src/parse/prose.js'

/** What is led, in news copy; a `X-lead` compound before one of these is a participle, `X-led`. */
const ledThings = new Set(
  [
    'mission', 'operation', 'force', 'coalition', 'effort', 'initiative', 'campaign', 'strike', 'airstrike', 'invasion',
    'intervention', 'offensive', 'government', 'administration', 'alliance', 'bloc', 'consortium', 'team', 'group', 'talk',
    'negotiation', 'programme', 'program', 'project', 'study', 'research', 'investigation', 'inquiry', 'review', 'reform',
    'sanction', 'blockade', 'peacekeeping', 'troop', 'military', 'movement', 'protest', 'revolt', 'uprising', 'insurgency',
    'rebellion', 'delegation', 'panel', 'task', 'partnership', 'venture', 'recovery', 'growth', 'rally', 'development', 'approach'
  ].flatMap((noun) => [noun, noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`])
)

/** Lowercase first parts that lead things (`student-led protests`); names and acronyms lead too. */
const agents = new Set([
  'government', 'state', 'student', 'community', 'industry', 'market', 'export', 'consumer', 'youth', 'women', 'woman',
  'investor', 'donor', 'citizen', 'volunteer', 'teacher', 'family', 'data', 'design', 'peer', 'user', 'patient',
  'customer', 'army', 'military', 'police', 'civilian', 'church', 'union', 'worker', 'employee', 'parent', 'member'
])

/** First parts after which `lead` is the noun or the metal: `female-lead roles`, `zinc-lead mines`, `co-lead authors`. */
const notLeaders = new Set([
  'co', 'female', 'male', 'zinc', 'tin', 'copper', 'silver', 'iron', 'gold', 'antimony', 'bismuth', 'cadmium', 'nickel',
  'arsenic', 'uranium', 'graphite', 'pencil', 'single', 'dual', 'double', 'triple', 'multi', 'twin'
])

function isLeader(part: string): boolean {
  const lower = part.toLowerCase()
  if (notLeaders.has(lower) || /\d/u.test(part)) return false
  return agents.has(lower) || /^\p{Lu}/u.test(part)
}

/** `NATO-lead`: a compound ending in `-lead`, in any of its cases. */
const leadCompound = /^(.+)-(lead|Lead|LEAD)$/u

export default defineRule({
  meta: {
    id: 'word-confusion',
    description: 'A real word written for another where the context makes it certain (`NATO-lead missions` for `NATO-led`).',
    url: 'https://github.com/copydesk/copydesk/blob/main/docs/rules/word-confusion.md',
    category: 'spelling',
    fixable: true,
    defaultSeverity: 'warn',
    options: {}
  },
  plugin() {
    return (tree: Root, file: VFile) => {
      for (const sentence of sentencesIn(tree)) {
        const children = sentence.children
        for (let index = 0; index < children.length; index++) {
          const child = children[index]
          if (child.type !== 'WordNode') continue
          const word = nodeText(child)
          // Most words end in no `-lead`: a look at the hyphen's place spares the expression.
          if (word.length < 6 || word.charCodeAt(word.length - 5) !== 0x2d) continue
          const compound = leadCompound.exec(word)
          if (!compound) continue
          const leader = compound[1].split('-').at(-1)!
          if (!isLeader(leader)) continue
          const next = adjacentWord(sentence, index, 1)
          if (!next || !ledThings.has(nodeText(next).toLowerCase())) continue
          const led = {lead: 'led', Lead: 'Led', LEAD: 'LED'}[compound[2]]!
          const expected = `${compound[1]}-${led}`
          const place = child.position!
          const message = file.message(`Unexpected \`${word}\`, expected \`${expected}\``, {place, ruleId: 'word-confusion', source: 'copydesk'})
          message.actual = word
          message.messageId = 'lead-for-led'
          message.note = `Before \`${nodeText(next)}\`, \`${compound[1]}-…\` says who led it: the past participle \`led\`, not \`lead\`.`
          if (isVerbatim(file, place, word)) certainFix(message, expected)
          else message.expected = [expected]
        }
      }
    }
  }
})
