/**
 * `--format github`: GitHub Actions workflow commands (`::error file=…,line=…::message`), which the
 * runner turns into annotations on the pull request's diff. Escaping follows @actions/core's
 * `issueCommand`: `%`, CR and LF in the message; also `:` and `,` in property values.
 */
import type {JsonFile, JsonMessage} from '../report.js'

const commandBySeverity: Record<JsonMessage['severity'], string> = {error: 'error', warning: 'warning', info: 'notice'}

export function formatGithub(files: readonly JsonFile[]): string {
  let text = ''
  for (const file of files) {
    for (const message of file.messages) {
      const properties: Array<[string, string | number]> = [['file', file.path]]
      if (message.line !== null) {
        properties.push(['line', message.line])
        if (message.column !== null) properties.push(['col', message.column])
        if (message.endLine !== null) properties.push(['endLine', message.endLine])
        if (message.endColumn !== null) properties.push(['endColumn', message.endColumn])
      }
      properties.push(['title', message.ruleId ?? message.source ?? 'copydesk'])
      const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
      text += `::${commandBySeverity[message.severity]} ${list}::${escapeData(message.reason)}\n`
    }
  }
  return text
}

export function escapeData(value: string): string {
  return value.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A')
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/gu, '%3A').replace(/,/gu, '%2C')
}
