/**
 * `punctuation-spacing`: a missing space after `, . ; : ! ?` between words
 * (`security,NATO`, `efforts.Proposed`), a doubled space between words, and a
 * space before `, . ; : ! ?`.
 */
import {getArticle} from '../src/parse/article.js'
import {inLiteral, isContiguousInSource, proseRange} from '../src/parse/prose.js'
import {certainFix, defineRule} from '../src/rule.js'
import type {Article, Prose} from '../src/types.js'

// URI schemes and namespace prefixes that legitimately put a letter right after a colon.
const colonPrefixes = new Set([
  'http', 'https', 'ftp', 'sftp', 'ssh', 'git', 'file', 'mailto', 'tel', 'sms', 'urn', 'data', 'javascript',
  'about', 'news', 'irc', 'xmpp', 'xmlns', 'xml', 'xsl', 'xsd', 'svg', 'xlink', 'xs', 'dc', 'rdf', 'og', 'fb', 's3', 'magnet', 'spotify', 'steam'
])

// `Ph.D.`, `Ed.D.`: a single letter and a dot after the dot is an abbreviation, not a new sentence.
// (`U.S.`, `e.g.`, `a.m.` never get here: their letter before the dot is a single letter.)
const abbreviationTail = /^\p{L}\./u

// `report.PDF`, `scan.JPEG`: a file extension in capitals after the dot is a file name, not a new sentence.
// (The literal finder in src/parse/prose.ts only knows extensions in lower case.)
const upperCaseExtension =
  /^(?:MD|MARKDOWN|TXT|JSON|JS|MJS|CJS|TS|TSX|JSX|PY|RB|GO|RS|JAVA|CPP|HTML?|CSS|CSV|TSV|PDF|DOCX?|XLSX?|PPTX?|PNG|JPE?G|GIF|SVG|WEBP|ZIP|GZ|TAR|EXE|YA?ML|XML|TOML|INI|SH|LOG)(?![\p{L}\p{N}_-])/u

const isLetter = (char: string | undefined): boolean => char !== undefined && /\p{L}/u.test(char)
const isUpper = (char: string | undefined): boolean => char !== undefined && /\p{Lu}/u.test(char)
const isDigit = (char: string | undefined): boolean => char !== undefined && /\p{N}/u.test(char)
const isLower = (char: string | undefined): boolean => char !== undefined && /\p{Ll}/u.test(char)

/** A run of non-space characters, with what the checks ask of it. */
interface Token {
  start: number
  end: number
  /** Paths, addresses, queries and identifiers, not prose. */
  codeLike: boolean
  colons: number
  /** How many times a letter, a dot and a letter follow each other (`java.util.List`: 2). */
  dottedNames: number
}

/**
 * Finds the token around an index. Marks are visited left to right, so the last token is kept:
 * a long run without spaces (`a,a,a,…`) is scanned once, not once per mark.
 */
function tokenFinder(text: string): (index: number) => Token {
  let last: Token | undefined
  return (index) => {
    if (last && index >= last.start && index < last.end) return last
    let start = index
    while (start > 0 && !/\s/u.test(text[start - 1])) start--
    let end = index
    while (end < text.length && !/\s/u.test(text[end])) end++
    const value = text.slice(start, end)
    last = {
      start,
      end,
      codeLike: /[/\\@=&#_<>{}~^|]|:\/\/|::/u.test(value),
      colons: value.match(/:/gu)?.length ?? 0,
      dottedNames: value.match(/\p{L}\.\p{L}/gu)?.length ?? 0
    }
    return last
  }
}

/** The run of characters matching `characters` directly before `index`. */
function runBefore(text: string, index: number, characters: RegExp): string {
  let start = index
  while (start > 0 && characters.test(text[start - 1])) start--
  return text.slice(start, index)
}

/** The letters directly before `index`. */
const wordBefore = (text: string, index: number): string => runBefore(text, index, /[\p{L}\p{M}]/u)

/** The letters and digits directly before `index` (`1990s`, `2023`, `NATO`). */
const alphanumericBefore = (text: string, index: number): string => runBefore(text, index, /[\p{L}\p{M}\p{N}]/u)

// A word of two letters or more, the start of prose after a mark: `the`, `The`, `NATO`.
const proseWordAfter = /^[“‘(]?\p{L}{2}/u

/** Whether `text[index]` (a punctuation mark with a letter after it) is missing the space after it. */
function missingSpaceAfter(text: string, index: number, tokenAt: (index: number) => Token): boolean {
  const mark = text[index]
  const before = text[index - 1]
  let after = text[index + 1]
  if (mark !== '.' && /[“‘(]/u.test(after ?? '')) after = text[index + 2]
  if (!isLetter(after)) return false
  const token = tokenAt(index)
  if (token.codeLike) return false
  const word = wordBefore(text, index)
  switch (mark) {
    case ',':
    case ';':
      if (mark === ';' && /&[\p{L}\d#]+$/u.test(text.slice(0, index))) return false
      if (word.length >= 2 || /[)\]”’"]/u.test(before ?? '')) return true
      // `In 2023,the`, `the 1990s,when`: a number or a word with digits before the mark, and a word
      // of two letters or more after it (`x1,y1` and `2,000` stay alone).
      return /\p{N}/u.test(alphanumericBefore(text, index)) && proseWordAfter.test(text.slice(index + 1))
    case ':': {
      if (word.length < 2) return false
      if (colonPrefixes.has(word.toLowerCase())) return false
      // `a:b:c` identifiers and ratios.
      return token.colons === 1
    }
    case '.': {
      // `in 2023.The`, `Figure 3.Results`: a bare number, then a capitalized word with lowercase
      // letters (`3.5`, `1.2.Beta` and `Section 3.B` stay alone).
      if (isDigit(before)) {
        const number = alphanumericBefore(text, index)
        return /^\p{N}+$/u.test(number) && !/\p{N}\.$/u.test(text.slice(0, index - number.length)) && /^\p{Lu}\p{Ll}/u.test(text.slice(index + 1))
      }
      return (
        isLower(before) &&
        // `java.util.List`, `www.Example.Com`: dotted names, not two sentences.
        token.dottedNames === 1 &&
        word.length >= 2 &&
        isUpper(text[index + 1]) &&
        !abbreviationTail.test(text.slice(index + 1, index + 3)) &&
        !upperCaseExtension.test(text.slice(index + 1))
      )
    }
    case '!':
    case '?':
      return word.length >= 2 && isUpper(text[index + 1])
    default:
      return false
  }
}

// Spaces before a mark that ends a clause, right after a word, a number or a closing bracket or
// quote (`endsWord`, tested on the match, not as a lookbehind: an expression that starts with a
// lookbehind tries it at every character of the text, and this one was the rule's main cost).
const spaceBeforeMark = /( +)([,;:!?]|\.(?!\.))(?=$|\s|["”’)\]])/gu
const endsWord = /[\p{L}\p{N})\]”’]$/u

// A mark right before a letter, an opening quote or a bracket: a space may be missing after it.
// This expression and `spaceBeforeMark`, run over every prose unit, are run with `exec` from the
// start of the text, where `matchAll` made a copy of the expression and an iterator per unit
// (neither matches an empty string, so `exec` finds the same matches).
const markBeforeWord = /[,;:!?.](?=[\p{L}“‘(])/gu

/** Whether the document writes two spaces after its sentences as a house style. */
function usesDoubleSentenceSpacing(article: Article): boolean {
  let single = 0
  let double = 0
  for (const prose of article.prose) {
    for (const match of prose.text.matchAll(/\p{Ll}[.!?]["”’)]?( {1,2})\p{Lu}/gu)) {
      if (match[1].length === 2) double++
      else single++
    }
  }
  return double >= 3 && double >= single
}

// Two spaces or no-break spaces between words. Most texts have none of either, which two searches
// tell: the expression's lookbehind is tried at every character.
const doubledSpace = /(?<=\S)(?: [ \u00A0]+|\u00A0[ \u00A0]+)(?=\S)/gu
const mayHaveDoubledSpace = (text: string): boolean => text.includes('  ') || text.includes('\u00A0')

const options = {
  missingSpace: {type: 'boolean', default: true, description: 'Flag a missing space after `, . ; : ! ?` between words.'},
  doubledSpace: {type: 'boolean', default: true, description: 'Flag two or more spaces between words.'},
  spaceBefore: {type: 'boolean', default: true, description: 'Flag a space before `, . ; : ! ?`.'}
} as const

export default defineRule({
  meta: {
    id: 'punctuation-spacing',
    description: 'Missing space after punctuation, doubled spaces, and spaces before punctuation.',
    url: 'https://github.com/copydesk/copydesk#punctuation-spacing',
    category: 'spacing',
    fixable: true,
    defaultSeverity: 'error',
    options
  },
  plugin(settings) {
    return function (_tree, file) {
      const article = getArticle(file)
      // Asked only about a doubled space after a sentence, which most documents do not have.
      let doubleSentenceStyle: boolean | undefined
      const writesDoubleSentenceSpacing = () => (doubleSentenceStyle ??= usesDoubleSentenceSpacing(article))
      const report = (prose: Prose, from: number, to: number, reason: string, expected: string) => {
        const message = file.message(reason, {place: proseRange(prose, article.toPoint, from, to)})
        message.actual = prose.text.slice(from, to)
        // Across dropped markup the source holds more than the prose: no certain fix there.
        if (isContiguousInSource(prose, from, to)) certainFix(message, expected)
      }

      for (const prose of article.prose) {
        const {text, literals} = prose
        if (settings.missingSpace) {
          const tokenAt = tokenFinder(text)
          markBeforeWord.lastIndex = 0
          for (let match; (match = markBeforeWord.exec(text)) !== null; ) {
            const index = match.index
            if (inLiteral(literals, index) || inLiteral(literals, index + 1)) continue
            if (!missingSpaceAfter(text, index, tokenAt)) continue
            report(prose, index, index + 1, `Missing space after \`${match[0]}\``, `${match[0]} `)
          }
        }
        // Spaces before a mark, found first so that a doubled space before a mark (`the end  .`) is
        // reported once, as a space before the mark, and not also as a doubled space with another fix.
        const spacesBefore: Array<{index: number; spaces: number; mark: string}> = []
        if (settings.spaceBefore) {
          spaceBeforeMark.lastIndex = 0
          for (let match; (match = spaceBeforeMark.exec(text)) !== null; ) {
            const index = match.index
            if (!endsWord.test(text.slice(Math.max(0, index - 2), index))) continue
            if (inLiteral(literals, index - 1) || inLiteral(literals, index + match[0].length)) continue
            // `:)`, `;)`, `:]`: an emoticon after a space, not a stray colon or semicolon.
            if (/[:;]/u.test(match[2]) && /[)\]]/u.test(text[index + match[0].length] ?? '')) continue
            spacesBefore.push({index, spaces: match[1].length, mark: match[2]})
          }
        }
        if (settings.doubledSpace && mayHaveDoubledSpace(text)) {
          const beforeMark = new Set(spacesBefore.map(({index}) => index))
          for (const match of text.matchAll(doubledSpace)) {
            const index = match.index
            if (inLiteral(literals, index - 1) || inLiteral(literals, index + match[0].length)) continue
            if (beforeMark.has(index)) continue
            const afterSentence = /[.!?]["”’)]?$/u.test(text.slice(Math.max(0, index - 2), index))
            if (afterSentence && writesDoubleSentenceSpacing()) continue
            report(prose, index, index + match[0].length, afterSentence ? 'Unexpected doubled space after a sentence' : 'Unexpected doubled space between words', ' ')
          }
        }
        for (const {index, spaces, mark} of spacesBefore) {
          report(prose, index, index + spaces, `Unexpected space before \`${mark}\``, '')
        }
      }
    }
  }
})
