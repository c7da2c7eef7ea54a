/**
 * `spelling`: unknown words, checked by retext-spell with dictionary-en.
 *
 * Names are not typos: a capitalized word in the middle of a sentence, an
 * acronym, or a word with digits is not checked. Words where capitals are
 * automatic (the start of a sentence, list item, label text or table cell) are
 * checked, unless the document also uses the word capitalized mid-sentence.
 */
import dictionary from 'dictionary-en'
import type {Paragraph, Root, Sentence, SentenceContent, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import nspell, {type NSpell} from 'nspell'
import retextSpell from 'retext-spell'
import type {Transformer} from 'unified'
import type {VFile} from 'vfile'
import {englishSpeller} from '../src/dictionary.js'
import {defineRule} from '../src/rule.js'

type SpellTransformer = (tree: Root, file: VFile, next: (error?: Error) => void) => void

interface Checker {
  /** retext-spell, which finds the unknown words. */
  transform: SpellTransformer
  /** Bounded suggestions, cached per word. */
  suggest: (word: string) => string[]
  /** Which of these words the dictionary does not know (by `spellingKey`). */
  unknownOf: (words: readonly Word[]) => Set<string>
  /**
   * Whether each word checked so far in this run is known, by `spellingKey`. retext-spell asks
   * the dictionary about every occurrence of every word; with this, each distinct word is looked
   * up once per run, and retext-spell only sees the sentences that hold an unknown word.
   */
  known: Map<string, boolean>
}

/** A word as retext-spell reports it: its text, with straight apostrophes. */
const spellingKey = (word: Word): string => toString(word).replaceAll('’', "'")

// One checker per personal word list for the whole process: building the dictionary is the expensive part.
const checkers = new Map<string, Checker>()

function checkerFor(words: readonly string[]): Checker {
  const key = [...words].sort().join('\n')
  let checker = checkers.get(key)
  if (!checker) {
    const attacher = retextSpell as unknown as (options: object) => SpellTransformer
    // `max: -1` turns off retext-spell's own suggestions: nspell's `suggest` takes
    // hundreds of milliseconds on a long unknown name. Ours are bounded (see `suggester`).
    // `ignoreLiteral: false`: copydesk decides which words are mentions (see `isMention`).
    const personal = key || undefined
    const transform = attacher({dictionary, personal, max: -1, ignoreLiteral: false})
    checker = {transform, suggest: suggester(personal), unknownOf: unknownWords(transform), known: new Map()}
    checkers.set(key, checker)
  }
  return checker
}

/**
 * Asks retext-spell which of `words` it does not know, all in one sentence, so that each word is
 * judged exactly as retext-spell judges it in the text (`well-known` by its parts, apostrophes
 * normalized). retext-spell only calls `message` on the file it is given, so a minimal stand-in
 * for the file collects the unknown words without building messages.
 */
function unknownWords(transform: SpellTransformer): (words: readonly Word[]) => Set<string> {
  return (words) => {
    const unknown = new Set<string>()
    const children: SentenceContent[] = []
    for (const word of words) {
      if (children.length > 0) children.push({type: 'WhiteSpaceNode', value: ' '})
      children.push(word)
    }
    const tree: Root = {type: 'RootNode', children: [{type: 'ParagraphNode', children: [{type: 'SentenceNode', children}]}]}
    const collector = {
      message() {
        const record: {actual?: string; expected?: string[]; url?: string} = {}
        records.push(record)
        return record
      }
    }
    const records: Array<{actual?: string}> = []
    transform(tree, collector as unknown as VFile, () => undefined)
    for (const record of records) if (record.actual) unknown.add(record.actual)
    return unknown
  }
}

/**
 * Suggests dictionary words one edit away (a transposed, dropped, doubled or wrong letter): a few
 * hundred lookups, about a millisecond per word, where nspell's full search can take hundreds.
 *
 * The candidates are checked by an nspell instance of our own, built on the first suggestion
 * (about 0.15 s and 16 MB, from the same dictionary and personal words as retext-spell's). Checking
 * them through retext-spell instead costs a syntax-tree walk per word, and retext-spell caches
 * every unknown word it sees: hundreds of candidates per suggestion, kept for the whole run.
 */
function suggester(personal: string | undefined): (word: string) => string[] {
  const cache = new Map<string, string[]>()
  let speller: NSpell | undefined
  const known = (candidate: string): boolean => {
    if (!speller) {
      // Without personal words, the process's one dictionary speller (shared with the capitalization rules).
      speller = personal ? nspell(dictionary).personal(personal) : englishSpeller()
    }
    // retext-spell checks words with straight apostrophes.
    return speller.correct(candidate.replaceAll('’', "'"))
  }
  return (word) => {
    let result = cache.get(word)
    if (result) return result
    const capital = isCapitalized(word)
    const lower = capital ? word.charAt(0).toLowerCase() + word.slice(1) : word
    const costs = new Map<string, number>()
    for (const [candidate, cost] of edits(lower)) {
      const cased = capital ? candidate.charAt(0).toUpperCase() + candidate.slice(1) : candidate
      if ((costs.get(cased) ?? Infinity) > cost) costs.set(cased, cost)
    }
    result = [...costs]
      .filter(([candidate]) => known(candidate))
      .sort((a, b) => a[1] - b[1])
      .slice(0, 5)
      .map(([candidate]) => candidate)
    cache.set(word, result)
    return result
  }
}

const vowels = new Set(['a', 'e', 'i', 'o', 'u', 'y'])

/**
 * Words one edit away, each with a cost that ranks the likely typos first:
 * a transposition, then a vowel for a vowel or a doubled or dropped double
 * letter, then any other dropped or extra letter, then any other wrong letter.
 */
function* edits(word: string): Generator<[string, number]> {
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  for (let index = 0; index + 1 < word.length; index++) {
    yield [word.slice(0, index) + word[index + 1] + word[index] + word.slice(index + 2), 0]
  }
  for (let index = 0; index <= word.length; index++) {
    for (const letter of letters) {
      const doubled = letter === word[index - 1] || letter === word[index]
      yield [word.slice(0, index) + letter + word.slice(index), doubled ? 1 : 2]
    }
  }
  for (let index = 0; index < word.length; index++) {
    yield [word.slice(0, index) + word.slice(index + 1), word[index] === word[index + 1] || word[index] === word[index - 1] ? 1 : 2]
  }
  for (let index = 0; index < word.length; index++) {
    for (const letter of letters) {
      if (letter === word[index]) continue
      yield [word.slice(0, index) + letter + word.slice(index + 1), vowels.has(letter) && vowels.has(word[index]) ? 1 : 3]
    }
  }
}

const hasLower = (value: string) => /\p{Ll}/u.test(value)
const isCapitalized = (value: string) => /^\p{Lu}/u.test(value)

/** The word without a possessive ending: `NATO’s` → `NATO`. */
const stem = (value: string) => value.replace(/['’]s$/u, '')

/** Whether a word is a name-like token that spelling should leave alone wherever it stands. */
function alwaysSkipped(value: string): boolean {
  const base = stem(value)
  if (/\d/u.test(base)) return true
  // Acronyms and all-caps emphasis.
  if (base.length >= 2 && !hasLower(base)) return true
  // Letters outside English's alphabet in a capitalized word: a foreign name (`Đukanović`).
  if (isCapitalized(base) && /[^\p{ASCII}]/u.test(base.normalize('NFC'))) return true
  // Mixed case inside the word: `iPhone`, `McDonald`, `YouTube`.
  if (/\p{Ll}\p{Lu}/u.test(base)) return true
  return false
}

/** Words whose capital is automatic: first in a sentence, after a colon, an opening quote or a dash. */
function automaticCapitals(sentence: Sentence): Set<Word> {
  const result = new Set<Word>()
  let expectCapital = true
  for (const child of sentence.children) {
    if (child.type === 'WordNode') {
      if (expectCapital) result.add(child)
      expectCapital = false
    } else if (child.type === 'PunctuationNode' || child.type === 'SymbolNode') {
      const value = toString(child)
      if (/^[:“‘"'(—–-]$/u.test(value)) expectCapital = true
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
 * a word is mentioned, not used, and often on purpose not in any dictionary. (retext-spell's own
 * literal test is off: it also skips words between commas or after a colon, as in `, hoewver,`,
 * where typos are common.)
 */
function isMention(sentence: Sentence, index: number): boolean {
  const before = neighbour(sentence, index, -1)
  const after = neighbour(sentence, index, 1)
  if (!before || !after || before.type === 'WordNode' || after.type === 'WordNode') return false
  const closer = closers[toString(before)]
  return closer !== undefined && toString(after) === closer
}

/** The sentences of a tree, in order. */
function* sentencesIn(tree: Root): Generator<Sentence> {
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) if (sentence.type === 'SentenceNode') yield sentence
  }
}

/** Capitalized words the document uses mid-sentence: evidence that they are names. */
function midSentenceNames(tree: Root): Set<string> {
  const names = new Set<string>()
  for (const sentence of sentencesIn(tree)) {
    const automatic = automaticCapitals(sentence)
    for (const child of sentence.children) {
      if (child.type === 'WordNode' && !automatic.has(child)) {
        const value = stem(toString(child))
        if (isCapitalized(value)) names.add(value)
      }
    }
  }
  return names
}

/** A copy of the tree in which words spelling must not check are `SourceNode`s. */
function checkableTree(tree: Root): Root {
  const names = midSentenceNames(tree)
  const prune = (sentence: Sentence): Sentence => {
    const automatic = automaticCapitals(sentence)
    const children = sentence.children.map((child, index): SentenceContent => {
      if (child.type !== 'WordNode') return child
      const value = toString(child)
      const skip =
        alwaysSkipped(value) ||
        isMention(sentence, index) ||
        (isCapitalized(value) && (!automatic.has(child) || names.has(stem(value))))
      return skip ? {type: 'SourceNode', value, position: child.position} : child
    })
    return {...sentence, children}
  }
  return {
    ...tree,
    children: tree.children.map((paragraph) =>
      paragraph.type === 'ParagraphNode'
        ? ({...paragraph, children: paragraph.children.map((child) => (child.type === 'SentenceNode' ? prune(child) : child))} as Paragraph)
        : paragraph
    )
  }
}

/**
 * The part of a checkable tree that retext-spell still has to see: the sentences that hold a word
 * the dictionary does not know, each whole, so that retext-spell reports the word with its
 * sentence as it would in the full tree.
 */
function unknownOnly(tree: Root, checker: Checker): Root {
  const fresh = new Map<string, Word>()
  const sentences = [...sentencesIn(tree)].map((sentence) => {
    const keys: string[] = []
    for (const child of sentence.children) {
      if (child.type !== 'WordNode') continue
      const key = spellingKey(child)
      keys.push(key)
      if (!checker.known.has(key) && !fresh.has(key)) fresh.set(key, child)
    }
    return {sentence, keys}
  })
  if (fresh.size > 0) {
    const unknown = checker.unknownOf([...fresh.values()])
    for (const key of fresh.keys()) checker.known.set(key, !unknown.has(key))
  }
  const children: Paragraph[] = sentences
    .filter(({keys}) => keys.some((key) => checker.known.get(key) === false))
    .map(({sentence}) => ({type: 'ParagraphNode', children: [sentence]}))
  return {...tree, children}
}

const options = {
  words: {type: 'string[]', default: [], description: 'Personal dictionary: words to accept (hunspell forms such as `Stoltenberg` or `blog/S` work).'}
} as const

export default defineRule({
  meta: {
    id: 'spelling',
    description: 'Unknown words, checked with retext-spell and dictionary-en; names and acronyms are left alone.',
    url: 'https://github.com/copydesk/copydesk#spelling',
    category: 'spelling',
    fixable: false,
    defaultSeverity: 'warn',
    options
  },
  plugin(settings) {
    const checker = checkerFor(settings.words)
    const transformer: Transformer<Root> = (tree, file, next) => {
      const before = file.messages.length
      checker.transform(unknownOnly(checkableTree(tree), checker), file, (error) => {
        for (let index = before; index < file.messages.length; index++) {
          const message = file.messages[index]
          const word = message.actual ?? ''
          const suggestions = checker.suggest(word)
          message.expected = suggestions
          // vfile-reporter prints `message.message`, which the constructor copied from `reason`.
          message.reason = `Unexpected unknown word \`${word}\`` + (suggestions.length > 0 ? `, expected for example ${suggestions.map((x) => `\`${x}\``).join(', ')}` : '')
          message.message = message.reason
        }
        next(error)
      })
    }
    return transformer
  }
})
