/**
 * The fix engine: applies the certain fixes of a lint run to the text, and lints again until
 * nothing changes. A message is a certain fix exactly when `certainFix` marked it
 * (`message.fixable`): its `place` (offsets into the file, after any BOM) is replaced by
 * `expected[0]`. Nothing else in the text moves.
 *
 * As in ESLint, fixes that overlap or touch are not applied together: the first (by place) wins,
 * the others wait for the next pass, where the rules see the text the first one made. At most
 * `maxFixPasses` passes run, so two rules that undo each other cannot loop forever.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {ResolvedConfig} from './config.js'
import {lintFile} from './lint.js'
import {lineEndingOf} from './parse/lines.js'
import {createFile} from './read.js'
import type {AnyRule} from './rule.js'

/** How many times at most a text is fixed and linted again (ESLint's number). */
export const maxFixPasses = 10

/** The categories of the built-in rules, in the order the README lists them. */
export const builtinCategories = ['spacing', 'capitalization', 'table', 'duplicate', 'spelling', 'repetition'] as const

/** The categories `--fix-type` accepts: the built-in ones and those of `rules`. */
export function knownCategories(rules: readonly AnyRule[]): string[] {
  return [...new Set([...builtinCategories, ...rules.map((rule) => rule.meta.category as string)])]
}

/**
 * Categories fixed only when asked for by name: a spelling fix comes from the user's own
 * "rejected → accepted" list, so `--fix` alone never touches spelling.
 */
export const optInCategories: ReadonlySet<string> = new Set(['spelling'])

/** One certain fix: replace `[start, end)` of the text with `replacement`. */
export interface Fix {
  start: number
  end: number
  replacement: string
  message: VFileMessage
}

/** The certain fix a message carries in a text of `length` characters, or undefined when it has none that can be trusted. */
export function fixOf(message: VFileMessage, length: number): Fix | undefined {
  if (message.fixable !== true || message.expected?.length !== 1) return undefined
  const place = message.place
  if (!place || !('start' in place)) return undefined
  const start = place.start.offset
  const end = place.end.offset
  if (start === undefined || end === undefined || start < 0 || start > end || end > length) return undefined
  return {start, end, replacement: message.expected[0], message}
}

export interface AppliedFixes {
  text: string
  /** The messages whose fix is in `text`. */
  applied: VFileMessage[]
  /** Certain fixes left out because they overlap or touch one applied before them. */
  skipped: VFileMessage[]
}

/**
 * Applies the certain fixes among `messages` that neither overlap nor touch each other. Line
 * breaks in a replacement are written in the text's own line ending, so a CRLF file stays CRLF.
 */
export function applyFixes(text: string, messages: readonly VFileMessage[]): AppliedFixes {
  const fixes = messages.flatMap((message) => fixOf(message, text.length) ?? [])
  fixes.sort((a, b) => a.start - b.start || a.end - b.end)
  const ending = lineEndingOf(text)
  const applied: VFileMessage[] = []
  const skipped: VFileMessage[] = []
  const parts: string[] = []
  let last: Fix | undefined
  for (const fix of fixes) {
    if (last && fix.start === last.start && fix.end === last.end && fix.replacement === last.replacement) {
      // Two rules asking for the very same repair: it is made once, and both are answered.
      applied.push(fix.message)
      continue
    }
    if (last && fix.start <= last.end) {
      skipped.push(fix.message)
      continue
    }
    parts.push(text.slice(last ? last.end : 0, fix.start), fix.replacement.replace(/\r\n|\n|\r/gu, ending))
    applied.push(fix.message)
    last = fix
  }
  if (applied.length === 0) return {text, applied, skipped}
  parts.push(text.slice(last!.end))
  return {text: parts.join(''), applied, skipped}
}

/**
 * Which messages `--fix` applies: those of rules whose category is in `types`. Without `types`,
 * every category but the opt-in ones (spelling).
 */
export function fixSelector(config: ResolvedConfig, types?: ReadonlySet<string>): (message: VFileMessage) => boolean {
  const categories = new Map(config.rules.map(({rule}) => [rule.meta.id, rule.meta.category as string]))
  return (message) => {
    const category = categories.get(message.ruleId ?? '')
    if (category === undefined) return false
    return types ? types.has(category) : !optInCategories.has(category)
  }
}

/**
 * Parses `--fix-type spacing,table` (repeatable) into a set of categories; `known` lists the
 * categories a run can fix. Throws an Error naming the first unknown one.
 */
export function parseFixTypes(values: readonly string[], known: Iterable<string>): Set<string> {
  const knownSet = new Set(known)
  const types = new Set<string>()
  for (const name of values.flatMap((value) => value.split(',')).map((item) => item.trim())) {
    if (name === '') continue
    if (!knownSet.has(name)) throw new Error(`unknown fix type \`${name}\` (known: ${[...knownSet].join(', ')})`)
    types.add(name)
  }
  if (types.size === 0) throw new Error('--fix-type needs at least one category, e.g. --fix-type spacing,table')
  return types
}

export interface FixedFile {
  /** The file as read, linted: what would be reported without fixing. */
  before: VFile
  /** The file linted in its fixed state: its messages are what remains. `after.value` is the fixed text. */
  after: VFile
  /** How many messages were repaired, over all passes. */
  fixed: number
  /** How many passes changed the text. */
  passes: number
  /** Whether the fixed text differs from the text read. */
  changed: boolean
}

/**
 * Lints `file` with `config`, applies the selected certain fixes, and lints the result again, until
 * a pass applies nothing or `maxFixPasses` passes have run. A file that could not be read is
 * returned as it is.
 */
export async function fixFile(file: VFile, config: ResolvedConfig, select: (message: VFileMessage) => boolean): Promise<FixedFile> {
  const before = await lintFile(file, config)
  if (typeof before.value !== 'string') return {before, after: before, fixed: 0, passes: 0, changed: false}
  const input = before.value
  let after = before
  let text = input
  let fixed = 0
  let passes = 0
  while (passes < maxFixPasses) {
    const result = applyFixes(text, after.messages.filter(select))
    if (result.applied.length === 0) break
    passes++
    fixed += result.applied.length
    text = keepFinalNewline(input, result.text)
    const next = createFile(text, file.path, file.cwd)
    next.data.bom = file.data.bom
    after = await lintFile(next, config)
  }
  return {before, after, fixed, passes, changed: text !== input}
}

/**
 * Gives `output` the final line ending `input` has or lacks: a fix at the end of the file may not
 * add or take away the last newline.
 */
export function keepFinalNewline(input: string, output: string): string {
  const final = /(?:\r\n|\n|\r)$/u
  const had = final.exec(input)?.[0]
  const has = final.exec(output)?.[0]
  if (had && !has) return output + had
  if (!had && has) return output.slice(0, -has.length)
  return output
}
