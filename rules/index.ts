/**
 * The built-in rules, in the order they run. Adding a rule is one file in
 * `rules/` and one line here.
 */
import type {AnyRule} from '../src/rule.js'
import duplicateAcrossFiles from './duplicate-across-files.js'
import duplicateSection from './duplicate-section.js'
import headingCapitalization from './heading-capitalization.js'
import possessiveApostrophe from './possessive-apostrophe.js'
import punctuationSpacing from './punctuation-spacing.js'
import repeatedWords from './repeated-words.js'
import sentenceCapitalization from './sentence-capitalization.js'
import spelling from './spelling.js'
import spellingVariants from './spelling-variants.js'
import tableStructure from './table-structure.js'
import termCapitalization from './term-capitalization.js'
import wordConfusion from './word-confusion.js'

export const builtinRules: readonly AnyRule[] = [
  punctuationSpacing,
  spelling,
  repeatedWords,
  duplicateSection,
  duplicateAcrossFiles,
  tableStructure,
  sentenceCapitalization,
  termCapitalization,
  headingCapitalization,
  possessiveApostrophe,
  spellingVariants,
  wordConfusion
]
