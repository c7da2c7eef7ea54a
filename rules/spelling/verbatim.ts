/**
 * Whether a word's source range holds exactly the word: no Markdown markup (`NATO**s**`), escape or
 * character reference inside it. Only then can a fix replace the range and change nothing else.
 */
import type {Position} from 'unist'
import type {VFile} from 'vfile'

export function isVerbatim(file: VFile, place: Position, word: string): boolean {
  const {start, end} = place
  return start.offset !== undefined && end.offset !== undefined && String(file.value).slice(start.offset, end.offset) === word
}
