/** One way for the capitalization rules to report a word written in the wrong case. */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {isContiguousInSource, isVerbatim, proseRange} from '../parse/prose.js'
import {certainFix} from '../rule.js'
import type {Article, Prose} from '../types.js'

export interface Recase {
  prose: Prose
  /** The range of `prose.text` to replace: a word, or the words of a heading from the first to the last wrong one. */
  start: number
  end: number
  reason: string
  replacement: string
  /** Whether the replacement is the only right one; otherwise it is a suggestion. */
  certain: boolean
  note?: string
}

/**
 * Reports a recasing on `file`: the message covers exactly the range, and carries the replacement
 * (as a certain fix when it is certain) when the range is its source verbatim.
 */
export function reportRecase(file: VFile, article: Article, recase: Recase): VFileMessage {
  const {prose, start, end} = recase
  const place = proseRange(prose, article.toPoint, start, end)
  const message = file.message(recase.reason, {place})
  message.actual = prose.text.slice(start, end)
  if (recase.note) message.note = recase.note
  // Across dropped markup (`[link](url)1`) or a character reference (`&amp;`) there is no
  // replacement for the range at all, not even a suggestion.
  if (!isContiguousInSource(prose, start, end) || !isVerbatim(file, place, message.actual)) return message
  if (recase.certain) certainFix(message, recase.replacement)
  else message.expected = [recase.replacement]
  return message
}
