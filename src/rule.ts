/**
 * What a rule is: metadata (id, docs, fixable, options with defaults, default
 * severity) plus an ordinary unified plugin that reads the tree and the
 * article's blocks and calls `file.message(...)`. Built-in and custom rules
 * have exactly this shape.
 */
import type {Root} from 'nlcst'
import type {Plugin, Transformer} from 'unified'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Point, Position} from './types.js'

declare module 'vfile-message' {
  interface VFileMessage {
    /**
     * Set by `certainFix`: replacing the source range of `place` with `expected[0]` is safe, so
     * `--fix` may apply it. `expected` without this flag holds suggestions that a person must choose from.
     */
    fixable?: boolean
    /**
     * Which kind of finding of its rule this is, stable across versions and wordings
     * (`missing-leading-pipe`); a rule that reports several kinds documents its ids.
     */
    messageId?: string
    /**
     * Set by `removesWholePlace`: the finding's remedy deletes all the text at its `place` (a
     * pasted copy of a paragraph), so other rules' findings inside that place are not reported.
     */
    removesWholePlace?: boolean
  }
}

/** How a rule's findings count: `error` fails the run, `warn` reports, `off` disables. */
export type Severity = 'off' | 'warn' | 'error'

/** One option of a rule: its type, default and meaning. */
export type OptionSpec =
  | {type: 'boolean'; default: boolean; description: string}
  | {type: 'number'; default: number; description: string; minimum?: number; maximum?: number; integer?: boolean}
  | {type: 'string'; default: string; description: string; enum?: readonly string[]}
  | {type: 'string[]'; default: readonly string[]; description: string}

export type OptionsSchema = Record<string, OptionSpec>

/** The option values a schema describes. */
export type OptionsOf<S extends OptionsSchema> = {
  [K in keyof S]: S[K] extends {type: 'boolean'}
    ? boolean
    : S[K] extends {type: 'number'}
      ? number
      : S[K] extends {type: 'string'; enum: readonly (infer E)[]}
        ? E
        : S[K] extends {type: 'string'}
          ? string
          : readonly string[]
}

export interface RuleMeta<S extends OptionsSchema = OptionsSchema> {
  /** Kebab-case id, used in config, in messages and in the docs' anchor. */
  id: string
  /** One sentence: what the rule finds. */
  description: string
  /** Where the rule is documented. */
  url: string
  /**
   * The kind of defect it finds, used to select rules and fixes (`--fix-type`). Built-in rules use
   * `spacing`, `capitalization`, `table`, `duplicate`, `spelling` and `repetition`; custom rules may
   * use any of those or a kebab-case name of their own.
   */
  category: string
  /** Whether some of its messages carry one certain replacement (see `certainFix`). */
  fixable: boolean
  /** Severity when the config does not name the rule. */
  defaultSeverity: Exclude<Severity, 'off'>
  options: S
}

export interface Rule<S extends OptionsSchema = OptionsSchema> {
  meta: RuleMeta<S>
  /** The unified plugin; it receives the validated options, defaults filled in. */
  plugin: Plugin<[OptionsOf<S>], Root>
  /**
   * For a rule that looks across the files of a run (a *collection rule*); see `CompareCollection`.
   * Without it, a rule sees one file at a time.
   */
  compare?: CompareCollection<OptionsOf<S>>
}

/**
 * What a collection rule recorded for one file of the run, with that file's path.
 * `data` is exactly what the rule's plugin passed to `recordForCollection` for that file.
 */
export interface CollectionEntry {
  path: string
  data: unknown
}

/** A finding of a collection rule, on one file of the run. */
export interface CollectionFinding {
  /** The file the finding is on: the `path` of one of the entries. */
  path: string
  reason: string
  /** Where in that file: a point or a range, with lines, columns and offsets as in the file's messages. */
  place: Point | Position
  note?: string
  actual?: string
  expected?: string[]
}

/**
 * The cross-file half of a collection rule. The contract, which lets per-file work run anywhere
 * (in worker threads, from a cache, in another shard of the run) and only the comparison run once:
 *
 * 1. The rule's `plugin` runs on each file like any rule's and records what the comparison needs
 *    with `recordForCollection(file, ruleId, data)`. `data` must be plain JSON (it may be computed in
 *    a worker, cached, or written out and read back by another process), and the plugin keeps no
 *    state between files: everything about a file is in its `data`.
 * 2. After every file of a run is linted, `lintFiles` calls `compare(entries, options)` once per
 *    distinct options of the rule, with one entry per file the rule was enabled on with those
 *    options (files with no recorded data are left out), ordered by path; under `--changed-since`
 *    the unchanged files, only compared against, come first (so "the later copy" is a changed file).
 * 3. It returns findings naming a file by its entry's `path`; the engine turns each into a message
 *    on that file, stamped like any other (rule id, source, url, severity of that file's config),
 *    and sorts it into place.
 *
 * `lint(text)` of a single text never calls `compare`: one file has no collection.
 */
export type CompareCollection<O = unknown> = (
  entries: readonly CollectionEntry[],
  options: O
) => CollectionFinding[] | Promise<CollectionFinding[]>

declare module 'vfile' {
  interface DataMap {
    /** Per collection rule (by id): the JSON data its plugin recorded for this file (see `CompareCollection`). */
    collection: Record<string, unknown>
  }
}

/** Records, for a collection rule, the JSON data its `compare` will get for this file. */
export function recordForCollection(file: VFile, ruleId: string, data: unknown): void {
  file.data.collection ??= {}
  file.data.collection[ruleId] = data
}

/** A rule of any options schema, as held in registries and configs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>

/** Declares a rule; the identity function, there for types and to check the metadata once. */
export function defineRule<S extends OptionsSchema>(rule: Rule<S>): Rule<S> {
  if (!/^[a-z][a-z\d]*(?:-[a-z\d]+)*$/u.test(rule.meta.id)) {
    throw new Error(`copydesk: rule id \`${rule.meta.id}\` must be kebab-case`)
  }
  if (!/^[a-z][a-z\d]*(?:-[a-z\d]+)*$/u.test(rule.meta.category)) {
    throw new Error(`copydesk: category \`${rule.meta.category}\` of rule \`${rule.meta.id}\` must be kebab-case`)
  }
  return rule
}

/**
 * Marks `message` as having exactly one safe repair: its `place` (a range with offsets into the
 * original file) is replaced by `replacement`. Use it only where no reader could want anything
 * else; give uncertain suggestions in `message.expected` without calling this.
 */
export function certainFix(message: VFileMessage, replacement: string): void {
  message.expected = [replacement]
  message.fixable = true
}

/**
 * Marks `message` as one whose remedy is deleting all the text at its `place` (a range): a copy of
 * a paragraph that should not be there. The engine then drops other rules' findings inside that
 * range, because a copy that is deleted needs no other repair, and one defect should get one
 * report; the message's note says how many it absorbed (see `src/absorb.ts`).
 */
export function removesWholePlace(message: VFileMessage): void {
  message.removesWholePlace = true
}

/** Thrown for options that do not fit a rule's schema; `key` names the offending option. */
export class OptionsError extends Error {
  constructor(
    message: string,
    readonly key?: string
  ) {
    super(message)
    this.name = 'OptionsError'
  }
}

/** Checks raw options against a rule's schema and fills in defaults. */
export function validateOptions<S extends OptionsSchema>(meta: RuleMeta<S>, raw: unknown): OptionsOf<S> {
  if (raw === undefined || raw === null) raw = {}
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new OptionsError(`options of rule \`${meta.id}\` must be an object`)
  }
  const given = raw as Record<string, unknown>
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(meta.options, key)) {
      const known = Object.keys(meta.options)
      throw new OptionsError(
        `unknown option \`${key}\` for rule \`${meta.id}\`` + (known.length ? ` (known: ${known.join(', ')})` : ' (it takes none)'),
        key
      )
    }
  }
  const result: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(meta.options)) {
    const value = Object.hasOwn(given, key) ? given[key] : spec.default
    const fail = (expected: string): never => {
      throw new OptionsError(`option \`${key}\` of rule \`${meta.id}\` must be ${expected}, got ${JSON.stringify(value)}`, key)
    }
    switch (spec.type) {
      case 'boolean':
        if (typeof value !== 'boolean') fail('true or false')
        break
      case 'number':
        if (typeof value !== 'number' || Number.isNaN(value)) fail('a number')
        if (spec.integer && !Number.isInteger(value)) fail('a whole number')
        if (spec.minimum !== undefined && (value as number) < spec.minimum) fail(`at least ${spec.minimum}`)
        if (spec.maximum !== undefined && (value as number) > spec.maximum) fail(`at most ${spec.maximum}`)
        break
      case 'string':
        if (typeof value !== 'string') fail('a string')
        if (spec.enum && !spec.enum.includes(value as string)) fail(`one of ${spec.enum.map((x) => `"${x}"`).join(', ')}`)
        break
      case 'string[]':
        if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) fail('a list of strings')
        break
    }
    result[key] = value
  }
  return result as OptionsOf<S>
}

/**
 * Wraps a rule's plugin so that every message it adds carries the rule's id,
 * copydesk's source, the docs URL and the configured severity. A wrapped retext
 * plugin (retext-repeated-words) thereby reports like any other rule.
 */
export function stampedPlugin(rule: AnyRule, severity: Exclude<Severity, 'off'>, source = 'copydesk'): Plugin<[unknown], Root> {
  return function (this: unknown, options: unknown) {
    const inner = (rule.plugin as unknown as (this: unknown, options: unknown) => Transformer<Root> | void).call(this, options)
    if (typeof inner !== 'function') return undefined
    return async function (tree: Root, file: VFile): Promise<void> {
      const before = file.messages.length
      await runTransformer(inner, tree, file)
      for (let index = before; index < file.messages.length; index++) {
        const message = file.messages[index]
        message.ruleId = rule.meta.id
        message.source = source
        message.url ??= rule.meta.url
        message.fatal = severity === 'error'
      }
    }
  } as Plugin<[unknown], Root>
}

async function runTransformer(transformer: Transformer<Root>, tree: Root, file: VFile): Promise<void> {
  if (transformer.length >= 3) {
    await new Promise<void>((resolve, reject) => {
      transformer(tree, file, (error?: Error | null) => {
        if (error) reject(error)
        else resolve()
        return undefined
      })
    })
    return
  }
  await (transformer as (tree: Root, file: VFile) => unknown)(tree, file)
}
