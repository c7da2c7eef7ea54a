/**
 * The name policy: which words are evidence of a name rather than candidates for a typo.
 *
 * - A capitalized word in the middle of a sentence is a name (`Stoltenberg`, `Tirana`).
 * - Where capitals are automatic (the start of a sentence, list item or table cell, any word of a
 *   heading, after a colon, quote or dash) a capitalized word is a name when the document also
 *   uses it mid-sentence; otherwise it is checked, so `Sence 1999` in a table is caught.
 * - Acronyms and all-caps words (`KFOR`), words with digits (`F-35`), inner capitals (`iPhone`) and
 *   capitalized words with letters outside English's alphabet (`Đukanović`) are never checked.
 * - A word mentioned alone in quotes or brackets (`the word “wohaw”`) is not used, only mentioned.
 */
import type {Root, Sentence, SentenceContent, Word} from 'nlcst'
import {withoutPossessive} from '../../src/capitalization/case.js'
import {derived, remember} from '../../src/derived.js'
import type {Article} from '../../src/types.js'
import {nodeText} from '../../src/parse/prose.js'

// The expressions asked about every word are made once: a literal in a function is a new object at each call.
const lowercaseLetter = /\p{Ll}/u
const capitalFirst = /^\p{Lu}/u
const digit = /\d/u
const nonAscii = /[^\p{ASCII}]/u
const innerCapital = /\p{Ll}\p{Lu}/u

export const hasLower = (value: string): boolean => lowercaseLetter.test(value)
/** Whether a word starts with a capital letter (`\p{Lu}`); an ASCII first letter is told by its code. */
export function isCapitalized(value: string): boolean {
  const code = value.charCodeAt(0)
  return code < 0x80 ? code >= 0x41 && code <= 0x5a : capitalFirst.test(value)
}

/** The word without a possessive ending: `NATO’s` → `NATO`. */
export {withoutPossessive}

/** Whether a word is a name-like token that spelling leaves alone wherever it stands. */
export function alwaysSkipped(value: string): boolean {
  const base = withoutPossessive(value)
  if (digit.test(base)) return true
  // Acronyms and all-caps emphasis.
  if (base.length >= 2 && !hasLower(base)) return true
  // Letters outside English's alphabet in a capitalized word: a foreign name (`Đukanović`).
  if (isCapitalized(base) && nonAscii.test(base.normalize('NFC'))) return true
  // Mixed case inside the word: `iPhone`, `McDonald`, `YouTube`.
  if (innerCapital.test(base)) return true
  return false
}

// The marks after which a capital is automatic (made once, not once per mark).
const opensCapital = /^[:“‘"'(—–-]$/u

/**
 * Words whose capital is automatic: first in a sentence, after a colon, an opening quote or a
 * dash, and every word of a heading (title case).
 */
export function automaticCapitals(sentence: Sentence, inHeading = false): Set<Word> {
  const result = new Set<Word>()
  if (inHeading) {
    for (const child of sentence.children) if (child.type === 'WordNode') result.add(child)
    return result
  }
  let expectCapital = true
  for (const child of sentence.children) {
    if (child.type === 'WordNode') {
      if (expectCapital) result.add(child)
      expectCapital = false
    } else if (child.type === 'PunctuationNode' || child.type === 'SymbolNode') {
      if (opensCapital.test(nodeText(child))) expectCapital = true
    }
  }
  return result
}

const closers: Record<string, string> = {'“': '”', '‘': '’', '"': '"', "'": "'", '(': ')', '[': ']', '«': '»'}

/** The first sibling of `sentence.children[index]` in direction `step` that is not white space. */
function neighbour(sentence: Sentence, index: number, step: 1 | -1): SentenceContent | undefined {
  for (let at = index + step; at >= 0 && at < sentence.children.length; at += step) {
    if (sentence.children[at].type !== 'WhiteSpaceNode') return sentence.children[at]
  }
  return undefined
}

/**
 * Whether a word stands alone in quotes or brackets: the word `“wohaw”`, a term `(colchicum)`. Such
 * a word is mentioned, not used, and often on purpose not in any dictionary. (Words between commas
 * or after a colon, which retext-spell also treats as literal, are checked: `, hoewver,`.)
 */
export function isMention(sentence: Sentence, index: number): boolean {
  const before = neighbour(sentence, index, -1)
  const after = neighbour(sentence, index, 1)
  if (!before || !after || before.type === 'WordNode' || after.type === 'WordNode') return false
  const closer = closers[nodeText(before)]
  return closer !== undefined && nodeText(after) === closer
}

/**
 * The sentences of a tree, in order. Several rules read them: they are listed once per tree (rules
 * do not change the tree), where a generator per rule made an iteration result per sentence.
 */
export const sentencesIn = derived(function sentencesIn(tree: Root): readonly Sentence[] {
  const sentences: Sentence[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type === 'ParagraphNode') for (const sentence of paragraph.children) if (sentence.type === 'SentenceNode') sentences.push(sentence)
  }
  return sentences
})

/** The word `step` words away from `sentence.children[index]`, when only white space stands between. */
export function adjacentWord(sentence: Sentence, index: number, step: 1 | -1): Word | undefined {
  if (sentence.children[index + step]?.type !== 'WhiteSpaceNode') return undefined
  const word = sentence.children[index + 2 * step]
  return word?.type === 'WordNode' ? word : undefined
}

/** The sentences of a tree, in order (`sentencesIn`), and whether each is (part of) a heading of the article. */
export interface ProseSentences {
  sentences: readonly Sentence[]
  inHeading: readonly boolean[]
}

// Whether each sentence of a tree is in a heading: worked out once per tree, kept on it (see derived.ts).
const IN_HEADING = Symbol('sentences in headings')

export function proseSentences(tree: Root, article?: Article): ProseSentences {
  const sentences = sentencesIn(tree)
  if (!article) return {sentences, inHeading: sentences.map(() => false)}
  let inHeading = (tree as Root & {[IN_HEADING]?: boolean[]})[IN_HEADING]
  if (!inHeading) {
    inHeading = []
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      const block = paragraph.data?.block
      const heading = block !== undefined && article.blocks[block]?.kind === 'heading'
      for (const sentence of paragraph.children) if (sentence.type === 'SentenceNode') inHeading.push(heading)
    }
    remember(tree, IN_HEADING, inHeading)
  }
  return {sentences, inHeading}
}

/** How a document writes its words: evidence for names and for the lowercase slips of names. */
export interface DocumentCasing {
  /** Capitalized words the document uses mid-sentence, without possessive endings. */
  midSentence: Set<string>
  /** Every capitalized word the document uses, lower-cased, without possessive endings. */
  capitalizedLower: Set<string>
}

export function documentCasing(tree: Root, article?: Article): DocumentCasing {
  const midSentence = new Set<string>()
  const capitalizedLower = new Set<string>()
  const {sentences, inHeading} = proseSentences(tree, article)
  for (let index = 0; index < sentences.length; index++) {
    const sentence = sentences[index]
    // Worked out for a capitalized word after the first, whose capital is always automatic.
    let automatic: Set<Word> | undefined
    let first = true
    for (const child of sentence.children) {
      if (child.type !== 'WordNode') continue
      const firstWord = first
      first = false
      const text = nodeText(child)
      // Most words start with a small ASCII letter: not capitalized, whatever their ending.
      const code = text.charCodeAt(0)
      if (code >= 0x61 && code <= 0x7a) continue
      const value = withoutPossessive(text)
      if (!isCapitalized(value)) continue
      capitalizedLower.add(value.toLowerCase())
      if (firstWord) continue
      automatic ??= automaticCapitals(sentence, inHeading[index])
      if (!automatic.has(child)) midSentence.add(value)
    }
  }
  return {midSentence, capitalizedLower}
}
