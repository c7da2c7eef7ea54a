/**
 * `--format unix`: one line per finding, `file:line:col: message [rule]`, the shape compilers
 * print and editors (Vim's `errorformat`, Emacs' compilation mode) and `grep`-style tools read.
 */
import type {JsonFile} from '../report.js'

/** A finding without a place (an unreadable file) is reported at `0:0`, as ESLint's unix format does. */
export function formatUnix(files: readonly JsonFile[]): string {
  let text = ''
  for (const file of files) {
    for (const message of file.messages) {
      text += `${file.path}:${message.line ?? 0}:${message.column ?? 0}: ${oneLine(message.reason)} [${message.ruleId ?? message.source ?? 'copydesk'}]\n`
    }
  }
  return text
}

/** A reason with a line break would break the one-line-per-finding contract. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/gu, ' ')
}
