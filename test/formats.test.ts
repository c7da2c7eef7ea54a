/** The report formats: SARIF (validated against the SARIF 2.1.0 schema), GitHub workflow commands, unix lines, the stylish summary. */
import fs from 'node:fs'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {builtinRules} from '../rules/index.js'
import {lint} from '../src/lint.js'
import {escapeData, escapeProperty} from '../src/formats/github.js'
import {summaryLine} from '../src/formats/summary.js'
import {report, reportChunks, toJson, type Format} from '../src/report.js'
import {failed} from '../src/read.js'

const schema = JSON.parse(fs.readFileSync(new URL('schemas/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')) as object
// The schema's `language` pattern has a stray `]`, valid only without the regular expressions' `u` flag.
const ajv = new AjvDraft04({allErrors: true, strict: false, unicodeRegExp: false})
addFormats(ajv)
const validateSarif = ajv.compile(schema)

/** Two linted files: missing spaces (errors, fixable), a typo (warning), and a file that could not be read. */
async function sample(): Promise<VFile[]> {
  const a = await lint('A Heading Here\nThe alliance met,and the the plan was set.Then it ended.\n', {filePath: 'news/a,b.txt'})
  const b = await lint('# Title\n\nThe budgett grew in 2,000 places, e.g. here.\n', {filePath: 'news/b 2.md'})
  const missing = failed('news/gone.txt', undefined, 'File not found')
  return [a, b, missing]
}

const render = async (format: Format) => report(await sample(), {format, version: '1.2.3', rules: builtinRules})

describe('--format sarif', () => {
  it('is valid against the SARIF 2.1.0 schema', async () => {
    const log = JSON.parse(await render('sarif'))
    const valid = validateSarif(log)
    expect(validateSarif.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('the schema check fails on a broken log (the validator is live)', async () => {
    const log = JSON.parse(await render('sarif'))
    log.runs[0].results[0].level = 'fatal'
    expect(validateSarif(log)).toBe(false)
    delete log.runs[0].results[0].level
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0
    expect(validateSarif(log)).toBe(false)
  })

  it('has one rule entry per reporting rule, with its help URI, and results pointing at them', async () => {
    const log = JSON.parse(await render('sarif'))
    const run = log.runs[0]
    expect(log.version).toBe('2.1.0')
    expect(run.tool.driver).toMatchObject({name: 'copydesk', version: '1.2.3'})
    const ids = run.tool.driver.rules.map((rule: {id: string}) => rule.id)
    expect(ids.sort()).toEqual(['file-error', 'punctuation-spacing', 'repeated-words', 'spelling'])
    const spacing = run.tool.driver.rules.find((rule: {id: string}) => rule.id === 'punctuation-spacing')
    expect(spacing).toMatchObject({helpUri: 'https://github.com/copydesk/copydesk#punctuation-spacing', defaultConfiguration: {level: 'error'}})
    expect(spacing.shortDescription.text).toMatch(/\S/)
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId)
  })

  it('gives each result its level, message, file and region (end column exclusive), and a fix where one is certain', async () => {
    const files = await sample()
    const messages = toJson(files).flatMap((file) => file.messages.map((message) => ({file: file.path, ...message})))
    const results = JSON.parse(report(files, {format: 'sarif', version: '1.2.3'})).runs[0].results
    expect(results).toHaveLength(messages.length)
    const comma = results.find((result: {message: {text: string}}) => result.message.text === 'Missing space after `,`')
    expect(comma).toMatchObject({
      ruleId: 'punctuation-spacing',
      level: 'error',
      locations: [{physicalLocation: {artifactLocation: {uri: 'news/a%2Cb.txt', uriBaseId: '%SRCROOT%'}, region: {startLine: 2, startColumn: 17, endLine: 2, endColumn: 18}}}],
      fixes: [{artifactChanges: [{replacements: [{deletedRegion: {startLine: 2, startColumn: 17, endLine: 2, endColumn: 18}, insertedContent: {text: ', '}}]}]}]
    })
    const typo = results.find((result: {ruleId: string}) => result.ruleId === 'spelling')
    expect(typo.level).toBe('warning')
    expect(typo.locations[0].physicalLocation.artifactLocation.uri).toBe('news/b%202.md')
    expect(typo.fixes).toBeUndefined()
    const gone = results.find((result: {ruleId: string}) => result.ruleId === 'file-error')
    expect(gone.locations[0].physicalLocation).toEqual({artifactLocation: {uri: 'news/gone.txt', uriBaseId: '%SRCROOT%'}})
  })

  it('is a valid log with no results for a clean run', async () => {
    const clean = await lint('A clean sentence here.\n', {filePath: 'clean.txt'})
    const log = JSON.parse(report([clean], {format: 'sarif', version: '1.2.3', rules: builtinRules}))
    expect(validateSarif(log)).toBe(true)
    expect(log.runs[0].results).toEqual([])
  })
})

/** Parses a workflow command line back, undoing @actions/core's escaping. */
function parseCommand(line: string) {
  const match = /^::(error|warning|notice) ([^:]*)::(.*)$/u.exec(line)
  if (!match) throw new Error(`not a workflow command: ${line}`)
  const unescape = (value: string) => value.replace(/%3A/gu, ':').replace(/%2C/gu, ',').replace(/%0D/gu, '\r').replace(/%0A/gu, '\n').replace(/%25/gu, '%')
  const properties = Object.fromEntries(match[2].split(',').map((pair) => pair.split('=')).map(([key, value]) => [key, unescape(value)]))
  return {command: match[1], properties, message: unescape(match[3])}
}

describe('--format github', () => {
  it('prints one workflow command per finding that parses back to the finding', async () => {
    const files = await sample()
    const lines = report(files, {format: 'github'}).trimEnd().split('\n')
    const messages = toJson(files).flatMap((file) => file.messages.map((message) => ({file: file.path, ...message})))
    expect(lines).toHaveLength(messages.length)
    lines.forEach((line, index) => {
      const parsed = parseCommand(line)
      const message = messages[index]
      expect(parsed.command).toBe(message.severity === 'error' ? 'error' : message.severity === 'warning' ? 'warning' : 'notice')
      expect(parsed.message).toBe(message.reason)
      expect(parsed.properties.file).toBe(message.file)
      expect(parsed.properties.title).toBe(message.ruleId)
      if (message.line === null) expect(parsed.properties.line).toBeUndefined()
      else
        expect([parsed.properties.line, parsed.properties.col, parsed.properties.endLine, parsed.properties.endColumn].map(Number)).toEqual([
          message.line,
          message.column,
          message.endLine,
          message.endColumn
        ])
    })
    expect(lines[0]).toBe('::error file=news/a%2Cb.txt,line=2,col=17,endLine=2,endColumn=18,title=punctuation-spacing::Missing space after `,`')
  })

  it('escapes what would end a property or the command', () => {
    expect(escapeProperty('a,b:c%d\ne')).toBe('a%2Cb%3Ac%25d%0Ae')
    expect(escapeData('50%: a,b\r\nc')).toBe('50%25: a,b%0D%0Ac')
  })
})

describe('--format unix', () => {
  it('prints file:line:col: message [rule], one line per finding', async () => {
    const lines = (await render('unix')).trimEnd().split('\n')
    expect(lines).toContain('news/a,b.txt:2:17: Missing space after `,` [punctuation-spacing]')
    expect(lines).toContain('news/gone.txt:0:0: File not found [file-error]')
    for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+: .+ \[[a-z-]+\]$/u)
  })
})

describe('--format stylish', () => {
  it('ends with a summary: files, findings by severity, fixable count', async () => {
    const text = await render('stylish')
    const lines = text.trimEnd().split('\n')
    const json = toJson(await sample()).flatMap((file) => file.messages)
    const errors = json.filter((message) => message.severity === 'error').length
    const warnings = json.filter((message) => message.severity === 'warning').length
    const fixable = json.filter((message) => message.fixable).length
    expect(fixable).toBeGreaterThan(0)
    expect(lines.at(-1)).toBe(`3 files: ✖ ${errors} errors, ⚠ ${warnings} warning${warnings === 1 ? '' : 's'} (${fixable} fixable)`)
    // vfile-reporter's own count line is replaced, not repeated.
    expect(text).not.toMatch(/messages \(/u)
  })

  it('says so when there is nothing to report', async () => {
    const clean = await lint('A clean sentence here.\n', {filePath: 'clean.txt'})
    expect(report([clean], {format: 'stylish'}).trimEnd().split('\n')).toEqual(['clean.txt: no issues found', '', '1 file: no findings'])
  })
})

describe('reports of files read one at a time', () => {
  it('are the reports of the same files in an array, in every format, with --quiet too', async () => {
    const files = await sample()
    for (const format of ['json', 'stylish', 'sarif', 'github', 'unix'] as const) {
      for (const quiet of [false, true]) {
        const options = {format, quiet, version: '1.2.3', rules: builtinRules}
        let made = 0
        // Each file made when the report reaches it, as a run reads its results back from disk.
        const oneAtATime = {
          *[Symbol.iterator]() {
            for (const file of files) {
              made++
              yield file
            }
          }
        }
        expect([...reportChunks(oneAtATime, options)].join('')).toBe(report(files, options))
        // SARIF lists the rules before the results: it goes through the files twice.
        expect(made).toBe(format === 'sarif' ? 2 * files.length : files.length)
      }
    }
  })

  it('come in pieces of a file or less, but for stylish', async () => {
    const files = await sample()
    for (const format of ['json', 'sarif', 'github', 'unix'] as const) expect([...reportChunks(files, {format, version: '1.2.3'})].length).toBeGreaterThanOrEqual(files.length)
    for (const format of ['json', 'sarif'] as const) expect([...reportChunks([], {format, version: '1.2.3'})].join('')).toBe(report([], {format, version: '1.2.3'}))
  })
})

describe('--format stylish a file at a time', () => {
  /** Files vfile-reporter must be matched on: multi-line and code-span reasons, infos only, wide characters, a clean file. */
  async function tricky(): Promise<VFile[]> {
    const files = await sample()
    const odd = new VFile({path: 'news/c.txt'})
    odd.message('Two lines:\n\nthe `second` after a blank one\n', {place: {line: 2, column: 3}, ruleId: 'x', source: 's'}).fatal = false
    odd.message('Wide: 漢字 and ``a ` b`` code', {place: {start: {line: 1, column: 1}, end: {line: 1, column: 9}}, ruleId: 'wide-rule-name', source: 'copydesk'})
    const infos = new VFile({path: 'news/d.txt'})
    infos.message('Only an info, ending in blank lines\n\n', {ruleId: 'i', source: 'copydesk'})
    const clean = new VFile({path: 'news/e.txt'})
    // In vfile-reporter's order, as a run's files are.
    return [...files, odd, infos, clean].sort((a, b) => a.path.localeCompare(b.path))
  }

  it('writes what vfile-reporter writes, with and without color and --quiet', async () => {
    const sets = [await tricky(), (await tricky()).slice(3, 5), [new VFile({path: 'clean.txt'})], []]
    for (const files of sets) {
      for (const color of [false, true]) {
        for (const quiet of [false, true]) {
          const options = {format: 'stylish' as const, color, quiet}
          const whole = stylishWhole(files, options)
          expect([...reportChunks(files, options)].join('')).toBe(whole)
        }
      }
    }
  })

  it('comes a file at a time for files in path order, and whole for others', async () => {
    const files = await tricky()
    expect([...reportChunks(files, {format: 'stylish', color: false})].length).toBeGreaterThan(files.length)
    const reversed = [...files].reverse()
    const chunks = [...reportChunks(reversed, {format: 'stylish', color: false})]
    expect(chunks).toHaveLength(1)
    expect(chunks[0]).toBe(stylishWhole(reversed, {format: 'stylish', color: false}))
  })
})

/** copydesk's stylish report as vfile-reporter makes it, all files at once (what `report` did before it streamed). */
function stylishWhole(files: VFile[], options: {color: boolean; quiet?: boolean}): string {
  const shown = options.quiet ? files.map((file) => Object.assign(Object.create(file) as VFile, {messages: file.messages.filter((message) => message.fatal === true)})) : files
  let text = reporter([...shown], {quiet: options.quiet, color: options.color, defaultName: '<stdin>'})
  if (shown.some((file) => file.messages.some((message) => typeof message.fatal === 'boolean'))) text = text.slice(0, text.lastIndexOf('\n')).replace(/\n+$/u, '')
  return (text ? text + '\n\n' : '') + summaryLine(toJson(shown), options.color) + '\n'
}
