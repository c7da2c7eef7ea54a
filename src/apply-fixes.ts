/**
 * Applies certain fixes to a text: each message marked by `certainFix` replaces the source range
 * of its `place` with `expected[0]`. Pure: text and messages in, text out. One pass of `--fix`
 * (src/fix.ts) and the rule tester's `output` (src/testing.ts) are both this.
 */
import type {VFileMessage} from 'vfile-message'
import {lineEndingOf} from './parse/lines.js'

/** A certain fix: the range of the original text to replace, and what replaces it. */
export interface CertainFix {
  start: number
  end: number
  replacement: string
  /** The message the fix comes from (set by `certainFixes`). */
  message?: VFileMessage
}

/**
 * The certain fixes among `messages`, in source order: messages marked `fixable` with exactly one
 * `expected` value and a range of offsets inside a text of `length` characters. Suggestions, and
 * anything a fix could not be trusted with, are left out.
 */
export function certainFixes(messages: readonly VFileMessage[], length = Number.POSITIVE_INFINITY): CertainFix[] {
  const fixes: CertainFix[] = []
  for (const message of messages) {
    if (message.fixable !== true || message.expected?.length !== 1) continue
    const place = message.place && 'start' in message.place ? message.place : undefined
    const start = place?.start.offset
    const end = place?.end.offset
    if (start === undefined || end === undefined || start < 0 || start > end || end > length) continue
    fixes.push({start, end, replacement: message.expected[0], message})
  }
  return fixes.sort((a, b) => a.start - b.start || a.end - b.end)
}

export interface AppliedFixes {
  output: string
  /** The fixes that are in `output`. */
  applied: CertainFix[]
  /** Fixes left out because they overlap or touch one applied before them: `--fix` tries them again on the new text. */
  skipped: CertainFix[]
}

/**
 * Replaces each fix's range in `text`, in source order. As in ESLint, a fix that overlaps or
 * touches one already applied is left out: both were computed on the old text, and applying both
 * could delete what the other inserted, or put two insertions at one place in either order. The
 * same repair asked for twice (two rules, one range, one replacement) is made once. Line breaks
 * in a replacement are written in the text's own line ending, so a CRLF file stays CRLF.
 */
export function applyFixes(text: string, fixes: readonly CertainFix[]): AppliedFixes {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end)
  const ending = lineEndingOf(text)
  const applied: CertainFix[] = []
  const skipped: CertainFix[] = []
  let output = ''
  let last: CertainFix | undefined
  for (const fix of sorted) {
    if (last && fix.start === last.start && fix.end === last.end && fix.replacement === last.replacement) {
      applied.push(fix)
      continue
    }
    if (last && fix.start <= last.end) {
      skipped.push(fix)
      continue
    }
    output += text.slice(last ? last.end : 0, fix.start) + fix.replacement.replace(/\r\n|\n|\r/gu, ending)
    applied.push(fix)
    last = fix
  }
  return {output: output + text.slice(last ? last.end : 0), applied, skipped}
}
