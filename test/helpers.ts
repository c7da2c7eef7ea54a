/** Shared test helpers: lint a text with only the rules under test; make folders of files. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {builtinRules} from '../rules/index.js'
import type {RuleSetting} from '../src/config.js'
import {lint} from '../src/lint.js'

/** The compact form tests assert on. */
export interface Found {
  ruleId: string | undefined
  line: number | undefined
  column: number | undefined
  endLine?: number
  endColumn?: number
  reason: string
  expected?: string[]
}

/** Lints `text` (as `filePath`, default `article.txt`) with only `ruleId` on, with `options` if given. */
export async function check(ruleId: string, text: string, options?: unknown, filePath = 'article.txt'): Promise<Found[]> {
  const rules: Record<string, RuleSetting> = {}
  for (const rule of builtinRules) rules[rule.meta.id] = 'off'
  rules[ruleId] = options === undefined ? 'error' : ['error', options]
  const file = await lint(text, {filePath, rules})
  return file.messages.map(found)
}

export function found(message: VFileMessage): Found {
  const end = message.place && 'end' in message.place ? message.place.end : undefined
  return {
    ruleId: message.ruleId,
    line: message.line,
    column: message.column,
    ...(end ? {endLine: end.line, endColumn: end.column} : {}),
    reason: message.reason,
    ...(message.expected ? {expected: [...message.expected]} : {})
  }
}

/**
 * Makes a function that writes a new temporary folder with the given files (name → content) and
 * returns its path; all of them are removed after the calling test file's tests.
 */
export function temporaryFolders(prefix: string): (files: Record<string, string | Buffer>) => string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  afterAll(() => fs.rmSync(root, {recursive: true, force: true}))
  return (files) => {
    const dir = fs.mkdtempSync(path.join(root, 'case-'))
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
      fs.writeFileSync(path.join(dir, name), content)
    }
    return dir
  }
}
