/**
 * `copydesk/testing`: a rule tester for vitest, in the spirit of ESLint's RuleTester. A rule's
 * tests are texts it must leave alone (`valid`) and texts it must flag (`invalid`), each with
 * the findings expected (rule id, line, column, optionally the end and the message) and, where
 * the rule offers certain fixes, the text after applying them (`output`).
 *
 * ```ts
 * import {RuleTester} from 'copydesk/testing'
 * import rule from '../rules/no-filler.js'
 *
 * new RuleTester().run(rule, {
 *   valid: ['We cut costs.\n'],
 *   invalid: [{text: 'Needless to say, we cut costs.\n', errors: [{line: 1, column: 1, message: 'Unexpected filler `Needless to say`'}]}]
 * })
 * ```
 */
import {describe, expect, it} from 'vitest'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {applyFixes, certainFixes} from './apply-fixes.js'
import type {AnyRule, Severity} from './rule.js'
import {lintFilesWithRule, lintWithRule} from './run-rule.js'

export {applyFixes, certainFixes, type CertainFix} from './apply-fixes.js'
export {lintFilesWithRule, lintWithRule, type RunRuleOptions} from './run-rule.js'

/** What every case shares. */
export interface TestCase {
  /** The article's text. */
  text: string
  /** Decides Markdown (`.md`) or plain text; default the tester's (`article.txt`). */
  filePath?: string
  /** The rule's options (validated against its schema, defaults filled in). */
  options?: unknown
  /** The test's title; default the text. */
  name?: string
  /** Run only this case (vitest's `it.only`). */
  only?: boolean
}

/**
 * For a rule that compares files (a collection rule, such as `duplicate-across-files`): the files
 * of one run, path → text. Findings name their `path`.
 */
export interface FilesCase {
  files: Record<string, string>
  options?: unknown
  name?: string
  only?: boolean
}

/** A text (or a run of files) the rule must not flag. */
export type ValidCase = string | TestCase | FilesCase

/** One finding an invalid case expects, in the order of the file. */
export interface ExpectedFinding {
  /** Default: the id of the rule under test. */
  ruleId?: string
  line: number
  column: number
  endLine?: number
  endColumn?: number
  /** The reason, exactly, or a pattern it must match. */
  message?: string | RegExp
  /** The `expected` values (the certain fix, or suggestions); `null` for none. */
  expected?: string[] | null
}

/** A text the rule must flag. */
export interface InvalidCase extends TestCase {
  errors: ExpectedFinding[]
  /**
   * The text after applying the case's certain fixes. Required when the rule fixes something;
   * `null` (or the text itself) asserts that it fixes nothing.
   */
  output?: string | null
}

/** A run of files the rule must flag: each expected finding names its file. */
export interface InvalidFilesCase extends FilesCase {
  errors: Array<ExpectedFinding & {path: string}>
  /** Each file's text after the certain fixes (files not named are unchanged); `null`: no fix. */
  output?: Record<string, string> | null
}

export interface RuleTests {
  valid?: ValidCase[]
  invalid?: Array<InvalidCase | InvalidFilesCase>
}

export interface RuleTesterOptions {
  /** The file path cases use unless they give their own; default `article.txt`. */
  filePath?: string
  /** The severity the rule runs at; default `error`. */
  severity?: Exclude<Severity, 'off'>
}

/** The compact form of a finding that cases are compared with. */
export interface Finding {
  /** The file, in a case of several files. */
  path?: string
  ruleId: string | undefined
  line: number | undefined
  column: number | undefined
  endLine?: number
  endColumn?: number
  message: string
  expected?: string[]
  /** True when `expected[0]` is a certain fix (see `certainFix`). */
  fixable?: boolean
}

/** A message as a plain `Finding`. */
export function toFinding(message: VFileMessage): Finding {
  const end = message.place && 'end' in message.place ? message.place.end : undefined
  return {
    ruleId: message.ruleId,
    line: message.line,
    column: message.column,
    ...(end ? {endLine: end.line, endColumn: end.column} : {}),
    message: message.reason,
    ...(message.expected ? {expected: [...message.expected]} : {}),
    ...(message.fixable ? {fixable: true} : {})
  }
}

/** The result of running one case: what a test asserts on. */
export interface CaseResult {
  findings: Finding[]
  /** The text with every certain fix applied (equal to the input when there is none). */
  output: string
  /** How many certain fixes the rule offered. */
  fixes: number
}

/** Runs `rule` alone on a case's text. Framework-free: use it with any test runner. */
export async function runCase(rule: AnyRule, testCase: TestCase, defaults: RuleTesterOptions = {}): Promise<CaseResult> {
  const file = await lintWithRule(rule, testCase.text, {
    filePath: testCase.filePath ?? defaults.filePath,
    options: testCase.options,
    severity: defaults.severity
  })
  return resultOf(rule, file)
}

/** The result of running a case of several files: findings name their file, `output` is per file. */
export interface FilesCaseResult {
  findings: Finding[]
  output: Record<string, string>
  fixes: number
}

/** Runs `rule` alone on a run of files, comparing them when it is a collection rule. */
export async function runFilesCase(rule: AnyRule, testCase: FilesCase, defaults: RuleTesterOptions = {}): Promise<FilesCaseResult> {
  const files = await lintFilesWithRule(rule, testCase.files, {options: testCase.options, severity: defaults.severity})
  const result: FilesCaseResult = {findings: [], output: {}, fixes: 0}
  for (const file of files) {
    const one = resultOf(rule, file)
    const path = file.path
    // A collection rule's findings come after the file's own: put them in reading order.
    result.findings.push(...one.findings.map((finding) => ({path, ...finding})).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)))
    result.output[path] = one.output
    result.fixes += one.fixes
  }
  return result
}

/** What a case asserts on, from a linted file: a crash or a fix the meta does not admit fails it. */
function resultOf(rule: AnyRule, file: VFile): CaseResult {
  const crash = file.messages.find((message) => message.ruleId === 'internal-error')
  if (crash) throw new Error(`rule \`${rule.meta.id}\` threw: ${crash.reason}`)
  const fixes = certainFixes(file.messages)
  if (fixes.length > 0 && !rule.meta.fixable) {
    throw new Error(`rule \`${rule.meta.id}\` offers a certain fix but its meta says \`fixable: false\``)
  }
  return {findings: file.messages.map(toFinding), output: applyFixes(String(file.value), fixes).output, fixes: fixes.length}
}

const isFilesCase = (testCase: ValidCase | InvalidCase | InvalidFilesCase): testCase is FilesCase => typeof testCase === 'object' && 'files' in testCase

const title = (testCase: TestCase | FilesCase): string =>
  testCase.name ?? ('files' in testCase ? Object.keys(testCase.files).join(', ') : JSON.stringify(testCase.text).slice(0, 100))

/** Runs rule tests as vitest suites: one `it` per case, grouped under the rule's id. */
export class RuleTester {
  constructor(private readonly defaults: RuleTesterOptions = {}) {}

  run(rule: AnyRule, tests: RuleTests): void {
    const defaults = this.defaults
    describe(rule.meta.id, () => {
      for (const item of tests.valid ?? []) {
        const testCase = typeof item === 'string' ? {text: item} : item
        ;(testCase.only ? it.only : it)(`valid: ${title(testCase)}`, () => assertValid(rule, testCase, defaults))
      }
      for (const testCase of tests.invalid ?? []) {
        ;(testCase.only ? it.only : it)(`invalid: ${title(testCase)}`, () => assertInvalid(rule, testCase, defaults))
      }
    })
  }
}

/** Fails (with vitest's diff) unless `rule` finds nothing in the case's text (or files). */
export async function assertValid(rule: AnyRule, testCase: ValidCase, defaults: RuleTesterOptions = {}): Promise<void> {
  const {findings} = isFilesCase(testCase)
    ? await runFilesCase(rule, testCase, defaults)
    : await runCase(rule, typeof testCase === 'string' ? {text: testCase} : testCase, defaults)
  expect(findings, 'a valid text must have no findings').toEqual([])
}

/** Fails (with vitest's diff) unless `rule` finds exactly the case's `errors` and fixes the text to its `output`. */
export async function assertInvalid(rule: AnyRule, testCase: InvalidCase | InvalidFilesCase, defaults: RuleTesterOptions = {}): Promise<void> {
  verifyExpectations(testCase)
  const result = isFilesCase(testCase) ? await runFilesCase(rule, testCase, defaults) : await runCase(rule, testCase, defaults)
  // `expected: null` in a case means "no expected values": compare against null, not a missing key.
  const actual = result.findings.map((finding) => ({...finding, expected: finding.expected ?? null}))
  expect(actual).toMatchObject(testCase.errors.map((error) => expectedFinding(rule, error)))
  if (testCase.output === undefined) {
    if (result.fixes > 0) expect.fail(`the rule fixes this text: add \`output\` with the fixed text, ${JSON.stringify(result.output)}`)
  } else {
    const unchanged = isFilesCase(testCase) ? testCase.files : testCase.text
    expect(result.output, 'the text after applying the certain fixes').toEqual(testCase.output === null ? unchanged : isFilesCase(testCase) ? {...testCase.files, ...testCase.output} : testCase.output)
  }
}

/** An invalid case must say where each finding is: a test that names no place can hardly fail. */
function verifyExpectations(testCase: InvalidCase | InvalidFilesCase): void {
  if (!Array.isArray(testCase.errors) || testCase.errors.length === 0) {
    throw new Error('an invalid case needs `errors`: at least one expected finding (a text with none is a valid case)')
  }
  for (const error of testCase.errors) {
    if (typeof error.line !== 'number' || typeof error.column !== 'number') {
      throw new Error(`every expected finding needs \`line\` and \`column\`; got ${JSON.stringify(error)}`)
    }
  }
}

/** The partial `Finding` an expectation stands for, in the shape `toMatchObject` compares. */
function expectedFinding(rule: AnyRule, error: ExpectedFinding & {path?: string}): Record<string, unknown> {
  const wanted: Record<string, unknown> = {ruleId: error.ruleId ?? rule.meta.id, line: error.line, column: error.column}
  if (error.path !== undefined) wanted.path = error.path
  if (error.endLine !== undefined) wanted.endLine = error.endLine
  if (error.endColumn !== undefined) wanted.endColumn = error.endColumn
  if (error.message !== undefined) wanted.message = typeof error.message === 'string' ? error.message : expect.stringMatching(error.message)
  if (error.expected !== undefined) wanted.expected = error.expected
  return wanted
}
