/**
 * `--format sarif`: a SARIF 2.1.0 log (the format GitHub code scanning and other result viewers
 * read). One run; one rule descriptor per rule that reported, with its help URI; one result per
 * finding, with its region (1-based lines, UTF-16 columns, end column exclusive, as copydesk's
 * own positions are). A certain fix becomes a SARIF `fix` replacing that region.
 */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {AnyRule} from '../rule.js'
import type {JsonFile, JsonMessage} from '../report.js'

export const sarifSchemaUri = 'https://json.schemastore.org/sarif-2.1.0.json'

export interface SarifOptions {
  /** copydesk's version, recorded as the tool's. */
  version: string
  /** Rules whose descriptions and default levels the log should carry (others get their id and help URI only). */
  rules?: readonly AnyRule[]
}

const levelBySeverity: Record<JsonMessage['severity'], 'error' | 'warning' | 'note'> = {error: 'error', warning: 'warning', info: 'note'}

interface SarifRegion {
  startLine: number
  startColumn?: number
  endLine?: number
  endColumn?: number
}

interface RuleDescriptor {
  id: string
  shortDescription?: {text: string}
  helpUri?: string
  defaultConfiguration?: {level: 'error' | 'warning'}
}

/**
 * The parts of a log: rule descriptors, registered in the order their rules first report, and
 * results, which refer to their rule's descriptor by index.
 */
class SarifRun {
  readonly descriptors: RuleDescriptor[] = []
  private readonly known: Map<string, AnyRule>
  private readonly indexById = new Map<string, number>()

  constructor(private readonly options: SarifOptions) {
    this.known = new Map((options.rules ?? []).map((rule) => [rule.meta.id, rule]))
  }

  /** The index of the descriptor of the message's rule, registering it on first sight. */
  ruleIndex(message: JsonMessage): number {
    const id = message.ruleId ?? message.source ?? 'copydesk'
    let index = this.indexById.get(id)
    if (index === undefined) {
      const rule = this.known.get(id)
      const descriptor: RuleDescriptor = {id}
      if (rule) descriptor.shortDescription = {text: rule.meta.description}
      const helpUri = rule?.meta.url ?? message.url
      if (helpUri) descriptor.helpUri = helpUri
      if (rule) descriptor.defaultConfiguration = {level: rule.meta.defaultSeverity === 'error' ? 'error' : 'warning'}
      index = this.descriptors.push(descriptor) - 1
      this.indexById.set(id, index)
    }
    return index
  }

  /** The results of a file's messages. */
  results(file: JsonFile): Array<Record<string, unknown>> {
    const artifactLocation = artifactLocationOf(file.path)
    return file.messages.map((message) => {
      const region = regionOf(message)
      const index = this.ruleIndex(message)
      const result: Record<string, unknown> = {
        ruleId: this.descriptors[index].id,
        ruleIndex: index,
        level: levelBySeverity[message.severity],
        message: {text: message.reason},
        locations: [{physicalLocation: region ? {artifactLocation, region} : {artifactLocation}}]
      }
      if (message.fixable && message.expected && region?.endLine !== undefined) {
        result.fixes = [
          {
            description: {text: `Replace with \`${message.expected[0]}\``},
            artifactChanges: [{artifactLocation, replacements: [{deletedRegion: region, insertedContent: {text: message.expected[0]}}]}]
          }
        ]
      }
      return result
    })
  }

  /** The log around `results`. */
  log(results: Array<Record<string, unknown>>) {
    return {
      $schema: sarifSchemaUri,
      version: '2.1.0' as const,
      runs: [
        {
          tool: {driver: {name: 'copydesk', version: this.options.version, informationUri: 'https://github.com/copydesk/copydesk', rules: this.descriptors}},
          columnKind: 'utf16CodeUnits' as const,
          results
        }
      ]
    }
  }
}

/** The SARIF log of a run, as an object (`formatSarif` serializes it). */
export function toSarif(files: readonly JsonFile[], options: SarifOptions) {
  const run = new SarifRun(options)
  return run.log(files.flatMap((file) => run.results(file)))
}

export function formatSarif(files: readonly JsonFile[], options: SarifOptions): string {
  return JSON.stringify(toSarif(files, options), null, 2) + '\n'
}

/**
 * `formatSarif`, in pieces, for files read one at a time: `files` is gone through twice, first for
 * the rule descriptors (which come before the results in the log), then for the results, each
 * written as soon as it is made.
 */
export function* sarifChunks(files: Iterable<JsonFile>, options: SarifOptions): Generator<string> {
  const run = new SarifRun(options)
  for (const file of files) for (const message of file.messages) run.ruleIndex(message)
  // The log with no results, cut where they go: `"results": []` is its last array.
  const empty = JSON.stringify(run.log([]), null, 2) + '\n'
  const cut = empty.lastIndexOf('[]')
  let first = true
  for (const file of files) {
    for (const result of run.results(file)) {
      // A result three levels deep (log, runs, run, results): its lines indented by eight spaces.
      yield `${first ? empty.slice(0, cut + 1) : ','}\n        ${JSON.stringify(result, null, 2).replaceAll('\n', '\n        ')}`
      first = false
    }
  }
  yield first ? empty : `\n      ]${empty.slice(cut + 2)}`
}

function regionOf(message: JsonMessage): SarifRegion | undefined {
  if (message.line === null) return undefined
  const region: SarifRegion = {startLine: message.line}
  if (message.column !== null) region.startColumn = message.column
  if (message.endLine !== null && message.endColumn !== null) {
    region.endLine = message.endLine
    region.endColumn = message.endColumn
  }
  return region
}

/**
 * A relative path becomes a relative URI against `%SRCROOT%` (the checkout, for code scanning), so
 * the log is the same on every machine and logs of shards merge; an absolute path a `file:` URI.
 */
function artifactLocationOf(filePath: string): {uri: string; uriBaseId?: string} {
  if (path.isAbsolute(filePath)) return {uri: pathToFileURL(filePath).href}
  const uri = filePath.split(/[\\/]/u).map(encodeURIComponent).join('/')
  return {uri, uriBaseId: '%SRCROOT%'}
}
