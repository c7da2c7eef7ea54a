/**
 * One report per defect. A finding marked `removesWholePlace` (a pasted copy of a paragraph, to be
 * deleted) absorbs the other rules' findings inside its range: a lowercase sentence start or a typo
 * in a copy that goes away needs no repair of its own. Its note says what it absorbed, so nothing
 * disappears silently.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** Drops, from `file.messages`, findings that lie inside the range of a `removesWholePlace` finding. */
export function absorbFindingsInRemovedText(file: VFile): void {
  const containers = file.messages.filter((message) => message.removesWholePlace && rangeOf(message))
  if (containers.length === 0) return
  const absorbed = new Map<VFileMessage, string[]>()
  file.messages = file.messages.filter((message) => {
    const container = containers.find((candidate) => candidate.ruleId !== message.ruleId && contains(candidate, message))
    if (!container) return true
    absorbed.set(container, [...(absorbed.get(container) ?? []), message.ruleId ?? 'unknown'])
    return false
  })
  for (const [container, ruleIds] of absorbed) {
    const count = ruleIds.length === 1 ? 'another finding' : `${ruleIds.length} other findings`
    const sentence = `Inside it, ${count} (${[...new Set(ruleIds)].sort().join(', ')}) not reported: deleting the copy settles ${ruleIds.length === 1 ? 'it' : 'them'}.`
    container.note = container.note ? `${container.note} ${sentence}` : sentence
  }
}

interface Range {
  start: {line: number; column: number}
  end: {line: number; column: number}
}

function rangeOf(message: VFileMessage): Range | undefined {
  const place = message.place
  return place && 'start' in place && place.end ? place : undefined
}

/** Whether `inner` starts within `outer`'s range (start inclusive, end exclusive); a file-level message (no line) never does. */
function contains(outer: VFileMessage, inner: VFileMessage): boolean {
  const range = rangeOf(outer)!
  const line = inner.line
  const column = inner.column
  if (line == null || column == null) return false
  const afterStart = line > range.start.line || (line === range.start.line && column >= range.start.column)
  const beforeEnd = line < range.end.line || (line === range.end.line && column < range.end.column)
  return afterStart && beforeEnd
}
