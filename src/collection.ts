/**
 * The second pass of a run: after every file is linted, each collection rule compares what it
 * recorded per file (see `CompareCollection` in rule.ts) and its findings become messages.
 */
import type {VFile} from 'vfile'
import {VFileMessage, type Options} from 'vfile-message'
import type {ResolvedConfig} from './config.js'
import {isHidden} from './inline-control.js'
import {INTERNAL_ERROR} from './read.js'
import type {AnyRule, CollectionEntry, CollectionFinding, CompareCollection, Severity} from './rule.js'
import {withoutStackTraces} from './traceless.js'

/** A file of the run with the config it was linted under (none when it could not be linted). */
export interface LintedFile {
  file: VFile
  config?: ResolvedConfig
  /**
   * Whether the file is only compared against and accepted as it is (`--changed-since`: unchanged
   * since the ref). Settled files come first in `compare`'s entries, so a copy between a settled
   * and a changed file is reported on the changed one, whatever their paths.
   */
  settled?: boolean
}

interface Group {
  rule: AnyRule
  options: unknown
  entries: CollectionEntry[]
  /** Each entry's file and its severity for this rule, by path. */
  targets: Map<string, {file: VFile; severity: Exclude<Severity, 'off'>; settled: boolean}>
}

/**
 * Where a finding's message goes: by default onto its file (`file.messages`); a run that keeps its
 * files' results on disk writes it there instead.
 */
export type MessageSink = (file: VFile, message: VFileMessage) => void

const onFile: MessageSink = (file, message) => {
  file.messages.push(message)
}

/**
 * Runs `compare` of every collection rule enabled on any of `linted`, once per distinct options,
 * and adds the findings to their files as messages (or hands them to `sink`). Returns the files
 * that got messages.
 *
 * A file's collection data is read only when its rule's `compare` asks for its entry's `data`, so
 * `file.data.collection` may define its values as getters that load them (see `run.ts`).
 */
export async function compareCollection(linted: readonly LintedFile[], sink: MessageSink = onFile): Promise<Set<VFile>> {
  const groups = new Map<string, Group>()
  for (const {file, config, settled} of linted) {
    if (!config || file.path === undefined) continue
    const collection = file.data.collection
    if (!collection) continue
    for (const {rule, severity, options} of config.rules) {
      if (!rule.compare || !recorded(collection, rule.meta.id)) continue
      const key = JSON.stringify([rule.meta.id, options])
      let group = groups.get(key)
      if (!group) {
        group = {rule, options, entries: [], targets: new Map()}
        groups.set(key, group)
      }
      // The same path twice (named twice on the command line) is one file of the collection.
      if (group.targets.has(file.path)) continue
      const id = rule.meta.id
      group.entries.push({
        path: file.path,
        get data() {
          return collection[id]
        }
      })
      group.targets.set(file.path, {file, severity, settled: settled === true})
    }
  }
  const changed = new Set<VFile>()
  for (const group of groups.values()) {
    const settled = (entry: CollectionEntry): number => (group.targets.get(entry.path)!.settled ? 0 : 1)
    group.entries.sort((a, b) => settled(a) - settled(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    let findings: CollectionFinding[]
    try {
      findings = await (group.rule.compare as CompareCollection)(group.entries, group.options)
      const stray = findings.find((finding) => !group.targets.has(finding.path))
      if (stray) throw new Error(`it reported on \`${stray.path}\`, which is not in its collection`)
    } catch (error) {
      // As with a per-file rule that throws: a fatal message on the files it governs, not a crash
      // that would lose every other finding of the run.
      for (const {file} of group.targets.values()) {
        const message = messageOn(file, `copydesk failed comparing this file with the others (\`${group.rule.meta.id}\`): ${(error as Error).message}`, {
          ruleId: INTERNAL_ERROR,
          source: 'copydesk'
        })
        message.fatal = true
        sink(file, message)
        changed.add(file)
      }
      continue
    }
    for (const finding of findings) {
      const target = group.targets.get(finding.path)!
      if (isHidden(target.file, group.rule.meta.id, lineOf(finding.place))) continue
      sink(target.file, findingMessage(target.file, group.rule, target.severity, finding))
      changed.add(target.file)
    }
  }
  return changed
}

/** Whether a collection rule recorded something for the file: a value, or a getter that loads one. */
function recorded(collection: Record<string, unknown>, id: string): boolean {
  const property = Object.getOwnPropertyDescriptor(collection, id)
  return property !== undefined && (property.get !== undefined || property.value !== undefined)
}

/** A message about `file`, as `file.message` makes it, but not added to it. */
function messageOn(file: VFile, reason: string, options: Options): VFileMessage {
  const message = withoutStackTraces(() => new VFileMessage(reason, options))
  if (file.path) {
    message.name = `${file.path}:${message.name}`
    message.file = file.path
  }
  message.fatal = false
  return message
}

/** Turns a finding into a message on its file, stamped as `stampedPlugin` stamps per-file messages. */
function findingMessage(file: VFile, rule: AnyRule, severity: Exclude<Severity, 'off'>, finding: CollectionFinding): VFileMessage {
  const message = messageOn(file, finding.reason, {place: finding.place, ruleId: rule.meta.id, source: 'copydesk'})
  message.url = rule.meta.url
  message.fatal = severity === 'error'
  if (finding.note !== undefined) message.note = finding.note
  if (finding.actual !== undefined) message.actual = finding.actual
  if (finding.expected !== undefined) message.expected = [...finding.expected]
  return message
}

/** The line a finding starts on. */
const lineOf = (place: CollectionFinding['place']): number => ('start' in place ? place.start.line : place.line)
