/**
 * The fix engine: applies the certain fixes of a lint run to the text (src/apply-fixes.ts), and
 * lints again until nothing changes. A message is a certain fix exactly when `certainFix` marked
 * it (`message.fixable`): its `place` (offsets into the file, after any BOM) is replaced by
 * `expected[0]`. Nothing else in the text moves.
 *
 * Fixes that overlap or touch are not applied together: the first (by place) wins, the others
 * wait for the next pass, where the rules see the text the first one made. At most
 * `maxFixPasses` passes run, so two rules that undo each other cannot loop forever.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {applyFixes, certainFixes} from './apply-fixes.js'
import type {ResolvedConfig} from './config.js'
import {lintFile} from './lint.js'
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
    const result = applyFixes(text, certainFixes(after.messages.filter(select), text.length))
    if (result.applied.length === 0) break
    passes++
    fixed += result.applied.length
    text = keepFinalNewline(input, result.output)
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
