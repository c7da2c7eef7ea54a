/**
 * Applies certain fixes to a text: each message marked by `certainFix` replaces the source range
 * of its `place` with `expected[0]`. Pure: text and messages in, text out.
 */
import type {VFileMessage} from 'vfile-message'

/** A certain fix: the range of the original text to replace, and what replaces it. */
export interface CertainFix {
  start: number
  end: number
  replacement: string
}

/** The certain fixes among `messages`, in source order. Messages without `fixable` or without offsets are skipped. */
export function certainFixes(messages: readonly VFileMessage[]): CertainFix[] {
  const fixes: CertainFix[] = []
  for (const message of messages) {
    const place = message.place && 'start' in message.place ? message.place : undefined
    const replacement = message.expected?.[0]
    if (!message.fixable || replacement === undefined || place?.start.offset === undefined || place.end.offset === undefined) continue
    fixes.push({start: place.start.offset, end: place.end.offset, replacement})
  }
  return fixes.sort((a, b) => a.start - b.start || a.end - b.end)
}

/**
 * Replaces each fix's range in `text`. Where two fixes overlap, the later one is left out (as
 * ESLint does in one pass): applying both could delete what the other inserted.
 */
export function applyFixes(text: string, fixes: readonly CertainFix[]): {output: string; applied: number} {
  let output = ''
  let done = 0
  let applied = 0
  for (const fix of fixes) {
    if (fix.start < done) continue
    output += text.slice(done, fix.start) + fix.replacement
    done = fix.end
    applied++
  }
  return {output: output + text.slice(done), applied}
}
