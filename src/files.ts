/**
 * Which files to lint: paths, folders and globs from the command line, minus
 * `node_modules`, `.git` and what `.copydeskignore` (gitignore syntax) lists.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {glob, isDynamicPattern} from 'tinyglobby'

/** The extensions linted when a folder (or nothing) is given. */
export const articleExtensions = ['txt', 'md', 'markdown'] as const

const alwaysIgnored = ['**/node_modules/**', '**/.git/**']

export interface FileList {
  /** Files to lint, relative to `cwd` where possible, sorted, without duplicates. */
  files: string[]
  /** Globs that matched nothing. (A plain path that does not exist is kept in `files`: reading it says `File not found`.) */
  unmatched: string[]
  /** Files named explicitly but ignored by `.copydeskignore`. */
  ignored: string[]
}

async function loadIgnore(cwd: string): Promise<Ignore> {
  const rules = ignore()
  try {
    rules.add(await fs.readFile(path.join(cwd, '.copydeskignore'), 'utf8'))
  } catch {
    // No ignore file: nothing extra is ignored.
  }
  return rules
}

async function kind(target: string): Promise<'file' | 'dir' | undefined> {
  try {
    const stats = await fs.stat(target)
    return stats.isDirectory() ? 'dir' : 'file'
  } catch {
    return undefined
  }
}

/** Expands the command line's paths and globs (default: the current folder) into files. */
export async function findFiles(patterns: readonly string[], cwd: string): Promise<FileList> {
  const rules = await loadIgnore(cwd)
  const isIgnored = (file: string) => {
    const relative = path.relative(cwd, path.resolve(cwd, file))
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && rules.ignores(relative.split(path.sep).join('/'))
  }
  const found = new Set<string>()
  const unmatched: string[] = []
  const ignored: string[] = []
  const extensions = `{${articleExtensions.join(',')}}`
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const dynamic = isDynamicPattern(pattern)
    const type = dynamic ? undefined : await kind(path.resolve(cwd, pattern))
    // A plain path that does not exist is kept: reading it reports `File not found` on that file.
    if (type === 'file' || (!dynamic && type === undefined)) {
      if (isIgnored(pattern)) ignored.push(pattern)
      else found.add(path.normalize(pattern))
      continue
    }
    const globPattern = type === 'dir' ? `${pattern.replace(/\\/gu, '/').replace(/\/$/u, '')}/**/*.${extensions}` : pattern.replace(/\\/gu, '/')
    const matches = await glob(globPattern, {cwd, ignore: alwaysIgnored, dot: false, onlyFiles: true, expandDirectories: false})
    const kept = matches.filter((file) => !isIgnored(file))
    if (kept.length === 0 && matches.length === 0) unmatched.push(pattern)
    for (const file of kept) found.add(path.normalize(file))
  }
  return {files: [...found].sort(), unmatched, ignored}
}
