/** When a word that starts a sentence, item or heading may rightly start lowercase. */
import {nameParticles} from './function-words.js'
import type {ProseWord} from './words.js'


/**
 * Whether a lowercase word may stay lowercase where a capital is otherwise expected: a brand or
 * name with inner capitals (`iPhone`, `eBay`), a name particle before a name (`de Gaulle`), a word
 * that starts with a digit (`3rd`), a lone letter other than `a` and `i` (a variable), or an
 * identifier called as a function (`printf(`).
 */
export function mayStartLowercase(word: ProseWord): boolean {
  const {text} = word
  const {text: prose} = word.prose
  if (word.kind !== 'lower') return true
  if (startsWithDigit.test(text)) return true
  if (text.length === 1 && text !== 'a' && text !== 'i') return true
  if (prose[word.end] === '(') return true
  if (nameParticles.has(text) && beforeCapital.test(prose.slice(word.end))) return true
  return false
}

const startsWithDigit = /^\p{N}/u
const beforeCapital = /^\s+\p{Lu}/u
