/**
 * The command line: `copydesk [paths or globs...]`. Exit codes: 0 clean, 1
 * findings at error level (or too many warnings), 2 usage, config or I/O error.
 */
import fs from 'node:fs'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {builtinRules} from '../rules/index.js'
import {ConfigError, parseRuleFlag, ConfigFinder, type RuleSetting} from './config.js'
import {infoCommand, initCommand} from './cli-info.js'
import {configForFile, loadConfigFile} from './load-config.js'
import {findFiles} from './files.js'
import {configErrorReason, lintFile, NOT_LINTED} from './lint.js'
import {CONFIG_ERROR, decodeArticle, FILE_ERROR, INTERNAL_ERROR} from './read.js'
import {formats, reportChunks, type Format} from './report.js'
import {knownCategories, parseFixTypes} from './fix.js'
import {fixRun, type FixRun} from './fix-run.js'
import type {AnyRule} from './rule.js'
import {GitError} from './scale/changed.js'
import {checkScaleValues, comparesSignaturesOnly, lintListed, scaleHelp, scaleOptions, ScaleUsageError, writeReport} from './scale/cli.js'
import type {ProgressTarget} from './scale/progress.js'
import {SignaturesError} from './scale/signatures.js'
import {copydeskVersion} from './version.js'
import path from 'node:path'

export const EXIT_CLEAN = 0
export const EXIT_FINDINGS = 1
export const EXIT_TROUBLE = 2

const help = `Usage: copydesk [options] [paths or globs...]

Lints articles (.txt, .md, .markdown). With no paths, lints the current folder
recursively, skipping node_modules, .git and what .copydeskignore lists.

Options:
  -f, --format <name>        Report format: ${formats.join(', ')} (default: stylish)
  -c, --config <file>        Use this config file for every file (no search)
      --rule <id=severity>   Set a rule: spelling=off, punctuation-spacing=warn,
                             'spelling=["warn",{"words":["Tirana"]}]'; repeatable
      --quiet                Report errors only
      --max-warnings <n>     Exit 1 when there are more than n warnings
      --stdin, -             Lint standard input
      --stdin-filename <p>   Name (and format) of standard input, e.g. news.md
      --color, --no-color    Force or disable colors in stylish output
      --fix                  Repair what is certain, in place; report what remains
                             (with --stdin: print the fixed text, report on stderr)
      --fix-dry-run          Print the repairs as a unified diff; write nothing
                             (the report goes to stderr)
      --fix-type <list>      Categories to repair, e.g. spacing,table (default: all
                             but spelling): ${knownCategories(builtinRules).join(', ')}
      --list-rules           List the rules (with plugins' rules) and exit
      --explain <rule>       Show a rule's docs and exit
      --init                 Write a commented starter .copydeskrc.yaml here
${scaleHelp}  -h, --help                 Show this help
  -v, --version              Show the version

Config: .copydeskrc.json, .copydeskrc.yaml, copydesk.config.js or a "copydesk"
key in package.json, found upward from each file.
Exit codes: 0 clean, 1 errors (or too many warnings), 2 usage, config or I/O error.

Rules: ${builtinRules.map((rule) => rule.meta.id).join(', ')}
`

/** Streams the CLI writes to; tests can pass their own. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  stdin: () => Promise<Buffer>
  cwd: string
  isTTY: boolean
  /** Where a progress bar may be drawn (stderr); none in tests. */
  progress?: ProgressTarget
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: async () => {
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  },
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  progress: {isTTY: Boolean(process.stderr.isTTY), columns: process.stderr.columns, write: (text) => process.stderr.write(text)}
}

class UsageError extends Error {}

/** Messages that mean a file could not be linted at all: exit 2, not 1. */
const troubleRules = new Set([FILE_ERROR, CONFIG_ERROR, INTERNAL_ERROR])

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    return await run(argv, io)
  } catch (error) {
    if (error instanceof UsageError || error instanceof ScaleUsageError || error instanceof GitError) {
      io.stderr(`copydesk: ${error.message}\nRun \`copydesk --help\` for usage.\n`)
      return EXIT_TROUBLE
    }
    if (error instanceof ConfigError) {
      io.stderr(`copydesk: ${configErrorReason(error)}\n`)
      return EXIT_TROUBLE
    }
    if (error instanceof SignaturesError) {
      io.stderr(`copydesk: --signatures-in ${error.message}\n`)
      return EXIT_TROUBLE
    }
    io.stderr(`copydesk: internal error: ${(error as Error).message}\n`)
    if (process.env.COPYDESK_DEBUG) io.stderr(`${(error as Error).stack}\n`)
    return EXIT_TROUBLE
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string', short: 'f', default: 'stylish'},
        config: {type: 'string', short: 'c'},
        rule: {type: 'string', multiple: true, default: []},
        quiet: {type: 'boolean', default: false},
        'max-warnings': {type: 'string'},
        stdin: {type: 'boolean', default: false},
        'stdin-filename': {type: 'string'},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        fix: {type: 'boolean', default: false},
        'fix-dry-run': {type: 'boolean', default: false},
        'fix-type': {type: 'string', multiple: true},
        'list-rules': {type: 'boolean', default: false},
        explain: {type: 'string'},
        init: {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false},
        version: {type: 'boolean', short: 'v', default: false},
        ...scaleOptions
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0])
  }
  const {values, positionals} = parsed
  if (values.help) {
    io.stdout(help)
    return EXIT_CLEAN
  }
  if (values.version) {
    io.stdout(`${copydeskVersion()}\n`)
    return EXIT_CLEAN
  }
  const format = values.format as Format
  if (!formats.includes(format)) throw new UsageError(`unknown format \`${values.format}\` (known: ${formats.join(', ')})`)
  let maxWarnings = -1
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError('--max-warnings takes a whole number')
  }
  checkScaleValues(values)
  const rules: Record<string, RuleSetting> = {}
  for (const flag of values.rule ?? []) {
    const [id, setting] = parseRuleFlag(flag)
    rules[id] = setting
  }
  const fromStdin = values.stdin || positionals.includes('-')
  const patterns = positionals.filter((item) => item !== '-')
  if (fromStdin && patterns.length > 0) throw new UsageError('give either --stdin or paths, not both')
  if (values['stdin-filename'] && !fromStdin) throw new UsageError('--stdin-filename goes with --stdin')
  const cwd = io.cwd
  if (values.init) return initCommand(io)
  if (values['list-rules'] || values.explain !== undefined) {
    const loaded = await loadConfigFile(values.config ?? (await new ConfigFinder().find(cwd)), {cwd, cliRules: rules})
    return infoCommand({list: values['list-rules'] === true, explain: values.explain, format}, loaded.registry, io)
  }
  // Check every config the run will use before linting anything.
  if (values.config) {
    const configPath = path.resolve(cwd, values.config)
    if (!fs.existsSync(configPath)) throw new ConfigError(`${values.config}: no such file`)
  }
  const upfront = await loadConfigFile(values.config, {cwd, cliRules: rules})
  const fixing = fixRunOf(values, fromStdin, io, upfront.registry)
  const each = fixing?.each ?? lintFile

  let files: Iterable<VFile>
  let close = (): void => {}
  let trouble = false
  if (fromStdin) {
    const name = values['stdin-filename']
    const file = decodeArticle(await io.stdin(), name, cwd)
    const configPath = values.config ? path.resolve(cwd, values.config) : await new ConfigFinder().find(path.resolve(cwd, name ? path.dirname(name) : '.'))
    const config = configForFile(await loadConfigFile(configPath, {cwd, cliRules: rules}), name && path.resolve(cwd, name))
    files = [await each(file, config)]
  } else {
    const list = comparesSignaturesOnly(values, patterns) ? {files: [], unmatched: [], ignored: []} : await findFiles(patterns, cwd)
    if (list.unmatched.length > 0) {
      // Like a missing file, a glob that matches nothing is an I/O error, but the other paths are still linted.
      io.stderr(`copydesk: no files matching ${list.unmatched.map((item) => `\`${item}\``).join(', ')}\n`)
      trouble = true
    }
    const run = await lintListed(list.files, values, {cwd, configPath: values.config, rules, progress: io.progress, each: fixing?.each})
    close = run.close
    for (const reason of run.configErrors) io.stderr(`copydesk: ${reason.slice(NOT_LINTED.length)}\n`)
    const ignored = list.ignored.map((name) => {
      const file = new VFile({path: name, cwd})
      const message = file.message('File ignored because of a matching pattern in .copydeskignore', {ruleId: 'ignored-file', source: 'copydesk'})
      message.fatal = false
      return file
    })
    files = {
      *[Symbol.iterator]() {
        yield* run.files
        yield* ignored
      }
    }
  }

  try {
    const color = values['no-color'] ? false : values.color ?? (io.isTTY && !process.env.NO_COLOR)
    // When fixed text or a diff goes to stdout, the report goes to stderr.
    const reportTo = fixing && (fromStdin || values['fix-dry-run']) ? io.stderr : io.stdout
    const outcome = new Outcome()
    const chunks = reportChunks(outcome.counting(files), {format, quiet: values.quiet, color, version: copydeskVersion(), rules: upfront.registry})
    try {
      await writeReport(chunks, values.output, cwd, reportTo)
    } catch (error) {
      io.stderr(`copydesk: cannot write --output ${values.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
      return EXIT_TROUBLE
    }
    if (fixing && !(fromStdin && values.fix)) io.stderr(fixing.summary())

    if (trouble || outcome.trouble) return EXIT_TROUBLE
    if (outcome.errors) return EXIT_FINDINGS
    if (maxWarnings >= 0 && outcome.warnings > maxWarnings) {
      io.stderr(`copydesk: ${outcome.warnings} warnings, more than --max-warnings ${maxWarnings}\n`)
      return EXIT_FINDINGS
    }
    return EXIT_CLEAN
  } finally {
    close()
  }
}

/** What decides the exit code, counted from the messages as the report goes through the files. */
class Outcome {
  /** A file could not be linted (unreadable, broken config, a rule crashed). */
  trouble = false
  /** A finding at error level. */
  errors = false
  warnings = 0

  /** `files`, counted as they are gone through; each pass counts afresh (`sarif` goes through twice). */
  counting(files: Iterable<VFile>): Iterable<VFile> {
    const outcome = this
    return {
      *[Symbol.iterator]() {
        outcome.trouble = false
        outcome.errors = false
        outcome.warnings = 0
        for (const file of files) {
          for (const message of file.messages) {
            if (message.fatal === true) {
              outcome.errors = true
              if (troubleRules.has(message.ruleId ?? '')) outcome.trouble = true
            } else if (message.fatal === false) outcome.warnings++
          }
          yield file
        }
      }
    }
  }
}

/**
 * The fix step the flags ask for, if any: `--fix`, `--fix-dry-run`, `--fix-type`. The fix types
 * known are the built-in categories and those of the rules `registry` holds (the `--config`
 * file's plugins).
 */
function fixRunOf(values: {fix?: boolean; 'fix-dry-run'?: boolean; 'fix-type'?: string[]}, fromStdin: boolean, io: Io, registry: readonly AnyRule[]): FixRun | undefined {
  if (values.fix && values['fix-dry-run']) throw new UsageError('give either --fix or --fix-dry-run, not both')
  if (!values.fix && !values['fix-dry-run']) {
    if (values['fix-type']) throw new UsageError('--fix-type goes with --fix or --fix-dry-run')
    return undefined
  }
  let types: Set<string> | undefined
  if (values['fix-type']) {
    try {
      types = parseFixTypes(values['fix-type'], knownCategories(registry))
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
  }
  const mode = values['fix-dry-run'] ? 'diff' : fromStdin ? 'print' : 'write'
  return fixRun({mode, types, output: io.stdout})
}
