/**
 * Text edits for table repairs, and how several edits on one row become one certain fix.
 *
 * A repair is computed as small edits (insert `| ` before a row, delete a trailing ` |`). A
 * message's fix replaces its place, which should not be empty, and fixes on one row must not
 * overlap or touch (a fixer applies one of two touching fixes and leaves the other for the next
 * run), so an insertion takes in the character it is attached to, and edits whose ranges meet are
 * combined into one.
 */

/** Replaces the file's text from `from` to `to` (offsets, `to` exclusive) with `text`; `from === to` inserts. */
export interface Edit {
  from: number
  to: number
  text: string
  /** For an insertion: the character it is reported with, the one after it (`next`) or before it (`previous`). */
  attach?: 'next' | 'previous'
}

/** The same change over a range of at least one character: an insertion takes in the character it is attached to. */
export function widen(edit: Edit, source: string): Edit {
  if (edit.from < edit.to) return edit
  if (edit.attach === 'previous' && edit.from > 0) {
    return {from: edit.from - 1, to: edit.to, text: source[edit.from - 1] + edit.text}
  }
  if (edit.to < source.length) return {from: edit.from, to: edit.to + 1, text: edit.text + source[edit.to]}
  return edit
}

/** One edit doing all of `edits` (raw, not overlapping; insertions at one point apply in the given order), over the range their widened forms span. */
export function combine(edits: readonly Edit[], source: string): Edit {
  const widened = edits.map((edit) => widen(edit, source))
  const from = Math.min(...widened.map((edit) => edit.from))
  const to = Math.max(...widened.map((edit) => edit.to))
  const ordered = edits.map((edit, order) => ({edit, order})).sort((a, b) => a.edit.from - b.edit.from || a.order - b.order)
  let text = ''
  let cursor = from
  for (const {edit} of ordered) {
    text += source.slice(cursor, edit.from) + edit.text
    cursor = Math.max(cursor, edit.to)
  }
  return {from, to, text: text + source.slice(cursor, to)}
}

/**
 * Groups items by whether their widened edits overlap or touch: each group is one fix. Items come
 * back in groups of their original order; items without an edit are left out.
 */
export function clusters<T extends {edit?: Edit}>(items: readonly T[], source: string): T[][] {
  const withEdits = items
    .map((item, order) => ({item, order, range: item.edit ? widen(item.edit, source) : undefined}))
    .filter((entry) => entry.range !== undefined)
    .sort((a, b) => a.range!.from - b.range!.from || a.order - b.order)
  const groups: Array<{end: number; members: typeof withEdits}> = []
  for (const entry of withEdits) {
    const last = groups.at(-1)
    if (last && entry.range!.from <= last.end) {
      last.members.push(entry)
      last.end = Math.max(last.end, entry.range!.to)
    } else {
      groups.push({end: entry.range!.to, members: [entry]})
    }
  }
  return groups.map((group) => group.members.sort((a, b) => a.order - b.order).map((entry) => entry.item))
}
