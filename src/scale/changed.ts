/**
 * `--changed-since <ref>`: the files that differ from what they were at the point where the current
 * branch left `ref` (the merge base, as a pull request's diff shows them), plus uncommitted and
 * untracked ones, so a pull request lints what it changes.
 */
import {execFile} from 'node:child_process'
import path from 'node:path'
import {promisify} from 'node:util'

const run = promisify(execFile)

/** Thrown when git cannot answer (not a repository, unknown ref); the CLI reports it as a usage error. */
export class GitError extends Error {}

async function git(args: string[], cwd: string): Promise<string> {
  try {
    const {stdout} = await run('git', args, {cwd, maxBuffer: 256 * 1024 * 1024})
    return stdout
  } catch (error) {
    const detail = String((error as {stderr?: string}).stderr ?? (error as Error).message).trim().split('\n')[0]
    throw new GitError(`--changed-since: git ${args[0]} failed: ${detail}`)
  }
}

/** Absolute paths of the files changed since `ref` (added, copied, modified, renamed; not deleted). */
export async function changedSince(ref: string, cwd: string): Promise<Set<string>> {
  const root = (await git(['rev-parse', '--show-toplevel'], cwd)).trim()
  const base = (await git(['merge-base', ref, 'HEAD'], cwd)).trim()
  const changed = await git(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT', base, '--'], cwd)
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name', ':/'], cwd)
  const files = new Set<string>()
  for (const name of `${changed}\0${untracked}`.split('\0')) if (name) files.add(path.resolve(root, name))
  return files
}
