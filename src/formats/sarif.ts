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

/** The SARIF log of a run, as an object (`formatSarif` serializes it). */
export function toSarif(files: readonly JsonFile[], options: SarifOptions) {
  const known = new Map((options.rules ?? []).map((rule) => [rule.meta.id, rule]))
  const descriptors: RuleDescriptor[] = []
  const indexById = new Map<string, number>()
  const ruleIndex = (message: JsonMessage): number => {
    const id = message.ruleId ?? message.source ?? 'copydesk'
    let index = indexById.get(id)
    if (index === undefined) {
      const rule = known.get(id)
      const descriptor: RuleDescriptor = {id}
      if (rule) descriptor.shortDescription = {text: rule.meta.description}
      const helpUri = rule?.meta.url ?? message.url
      if (helpUri) descriptor.helpUri = helpUri
      if (rule) descriptor.defaultConfiguration = {level: rule.meta.defaultSeverity === 'error' ? 'error' : 'warning'}
      index = descriptors.push(descriptor) - 1
      indexById.set(id, index)
    }
    return index
  }
  const results = files.flatMap((file) => {
    const artifactLocation = artifactLocationOf(file.path)
    return file.messages.map((message) => {
      const region = regionOf(message)
      const index = ruleIndex(message)
      const result: Record<string, unknown> = {
        ruleId: descriptors[index].id,
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
  })
  return {
    $schema: sarifSchemaUri,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {driver: {name: 'copydesk', version: options.version, informationUri: 'https://github.com/copydesk/copydesk', rules: descriptors}},
        columnKind: 'utf16CodeUnits' as const,
        results
      }
    ]
  }
}

export function formatSarif(files: readonly JsonFile[], options: SarifOptions): string {
  return JSON.stringify(toSarif(files, options), null, 2) + '\n'
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
