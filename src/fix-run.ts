/**
 * What the command line does with each file when fixing: fix it in memory (src/fix.ts), then
 * write it back (`--fix`), print a unified diff of it (`--fix-dry-run`), or print the fixed text
 * (`--fix` with `--stdin`). The step plugs into `lintFiles` as its `each`, so files are fixed one
 * at a time and a run over thousands of articles holds no more than one of them.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from './config.js'
import {fixFile, fixSelector} from './fix.js'
import {FILE_ERROR} from './read.js'
import {replaceFile, withBom, WriteError} from './write.js'

/** `write`: in place (`--fix`); `diff`: a unified diff on the output (`--fix-dry-run`); `print`: the fixed text on the output (`--stdin --fix`). */
export type FixMode = 'write' | 'diff' | 'print'

export interface FixRunOptions {
  mode: FixMode
  /** The categories to fix (`--fix-type`); undefined: all but spelling. */
  types?: ReadonlySet<string>
  /** Where diffs and fixed text go. */
  output: (text: string) => void
}

export interface FixRun {
  /** Fixes one file that has been read; returns it linted as it now stands (or, when it could not be written, as it was). */
  each: (file: VFile, config: ResolvedConfig) => Promise<VFile>
  /** One line for stderr: how many findings were repaired in how many files. */
  summary: () => string
}

export function fixRun(options: FixRunOptions): FixRun {
  let findings = 0
  let files = 0
  let failures = 0
  const each = async (file: VFile, config: ResolvedConfig): Promise<VFile> => {
    const result = await fixFile(file, config, fixSelector(config, options.types))
    if (typeof result.before.value !== 'string') return result.after
    const bom = file.data.bom === true
    const original = withBom(result.before.value, bom)
    const fixed = withBom(String(result.after.value), bom)
    if (options.mode === 'print') {
      options.output(fixed)
    } else if (result.changed && options.mode === 'diff') {
      // With the BOM, which is part of the first line on disk: a patch of that line then applies.
      const name = displayPath(file)
      // jsdiff (19 modules) is loaded only by --fix-dry-run, when a file changed.
      const {createTwoFilesPatch, FILE_HEADERS_ONLY} = await import('diff')
      options.output(createTwoFilesPatch(`a/${name}`, `b/${name}`, original, fixed, undefined, undefined, {headerOptions: FILE_HEADERS_ONLY}))
    } else if (result.changed && options.mode === 'write') {
      try {
        await replaceFile(path.resolve(file.cwd, file.path), Buffer.from(original), Buffer.from(fixed))
      } catch (error) {
        if (!(error instanceof WriteError)) throw error
        failures++
        const message = result.before.message(error.message, {ruleId: FILE_ERROR, source: 'copydesk'})
        message.fatal = true
        return result.before
      }
    }
    if (result.changed) {
      findings += result.fixed
      files++
    }
    return result.after
  }
  const summary = (): string => {
    const done = options.mode === 'write' ? 'repaired' : 'would repair'
    const where = `${findings} ${findings === 1 ? 'finding' : 'findings'} in ${files} ${files === 1 ? 'file' : 'files'}`
    const failed = failures > 0 ? `; ${failures} ${failures === 1 ? 'file' : 'files'} could not be written` : ''
    return `copydesk: ${done} ${where}${options.mode === 'diff' ? ', wrote nothing' : ''}${failed}\n`
  }
  return {each, summary}
}

/** The file's path relative to its cwd, with forward slashes, as diff headers show it. */
function displayPath(file: VFile): string {
  const absolute = path.resolve(file.cwd, file.path ?? 'stdin')
  const relative = path.relative(file.cwd, absolute)
  return (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/')
}
