/**
 * End-to-end tests of CI at scale: `--output`, `--jobs`, `--cache`, `--changed-since`, `--shard`.
 * They spawn the built CLI (`npm test` builds it first).
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
// @ts-expect-error: a plain JavaScript module of the benchmark, without types.
import {generateArticles} from '../scripts/bench/collection.js'
import type {JsonFile} from '../src/report.js'
import {cachedResults, indexFile, readIndex, rewriteCached, rewriteComparison} from './cache-files.js'
import {temporaryFolders} from './helpers.js'

const project = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(project, 'bin/copydesk.js')
const articles = path.join(project, 'fixtures/articles')
const folder = temporaryFolders('copydesk-scale-')

function copydesk(args: string[], cwd = project) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', CI: ''}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function json(args: string[], cwd = project) {
  const result = copydesk(['--format', 'json', ...args], cwd)
  return {...result, files: JSON.parse(result.stdout || '[]') as JsonFile[]}
}

/** A folder with `count` generated articles (and the five samples under `samples/`). */
function collection(count: number): string {
  const files: Record<string, string> = Object.fromEntries((generateArticles(count) as Array<[string, string]>).map(([name, text]) => [name, text]))
  for (const name of fs.readdirSync(articles)) files[`samples/${name}`] = fs.readFileSync(path.join(articles, name), 'utf8')
  return folder(files)
}

describe('--output', () => {
  it('writes the report to the file, not to stdout, with the same exit code', () => {
    const dir = folder({'a.txt': 'The plan was set,and it held.\n'})
    const result = copydesk(['--format', 'unix', '--output', 'reports/out.txt', 'a.txt'], dir)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(fs.readFileSync(path.join(dir, 'reports/out.txt'), 'utf8')).toBe('a.txt:1:17: Missing space after `,` [punctuation-spacing]\n')
  })

  it('exits 2 with a clear message when the file cannot be written', () => {
    const dir = folder({'a.txt': 'Fine.\n', 'blocker': 'a file, not a folder'})
    const result = copydesk(['--output', 'blocker/out.txt', 'a.txt'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^copydesk: cannot write --output blocker\/out.txt: E[A-Z]+\n$/u)
    expect(result.stderr).not.toMatch(/\n\s+at /u)
  })
})

describe('--jobs', () => {
  // More files than `minFilesForWorkers`, so that --jobs 2 really starts workers.
  const dir = collection(24)

  it('gives output and exit code identical to --jobs 1, in every format', {timeout: 120_000}, () => {
    for (const format of ['json', 'stylish']) {
      const one = copydesk(['--format', format, '--jobs', '1', '.'], dir)
      const two = copydesk(['--format', format, '--jobs', '2', '.'], dir)
      expect(two.stdout).toBe(one.stdout)
      expect(two.code).toBe(one.code)
    }
    const files = JSON.parse(copydesk(['--format', 'json', '--jobs', '3', '.'], dir).stdout) as JsonFile[]
    expect(files).toHaveLength(29)
    expect(files.flatMap((file) => file.messages).length).toBeGreaterThan(100)
  })

  it('is the same on the sample articles, whose results the core tests pin', {timeout: 60_000}, () => {
    expect(copydesk(['--format', 'json', '--jobs', '2', articles]).stdout).toBe(copydesk(['--format', 'json', '--jobs', '1', articles]).stdout)
  })

  it('rejects a value that is not a positive whole number', () => {
    for (const value of ['0', '-1', 'two', '1.5']) {
      const result = copydesk([`--jobs=${value}`, articles])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('--jobs takes a whole number of at least 1')
    }
  })
})

describe('--cache', () => {
  const location = (dir: string) => path.join(dir, 'node_modules/.cache/copydesk')
  const cacheFile = (dir: string) => indexFile(location(dir))
  /** Rewrites every cached reason of `name` so that a replayed result can be told from a fresh one. */
  const poison = (dir: string, name: string) =>
    rewriteCached(location(dir), name, (result) => {
      for (const message of result.messages) message.reason = 'from the cache'
    })
  const reasons = (files: JsonFile[], name: string) => files.find((file) => file.path === name)!.messages.map((message) => message.reason)
  const setup = () => folder({'a.txt': 'The plan was set,and it held.\n', 'b.txt': 'The the plan held.\n'})

  it('replays unchanged files and relints changed ones', () => {
    const dir = setup()
    const first = json(['--cache', 'a.txt', 'b.txt'], dir)
    expect(first.code).toBe(1)
    poison(dir, 'a.txt')
    poison(dir, 'b.txt')
    const replayed = json(['--cache', 'a.txt', 'b.txt'], dir)
    expect(reasons(replayed.files, 'a.txt')).toEqual(['from the cache'])
    expect(replayed.code).toBe(1)
    fs.writeFileSync(path.join(dir, 'b.txt'), 'The plan held.\n')
    const changed = json(['--cache', 'a.txt', 'b.txt'], dir)
    expect(reasons(changed.files, 'a.txt')).toEqual(['from the cache'])
    expect(reasons(changed.files, 'b.txt')).toEqual([])
  })

  it('gives the same report warm as cold', {timeout: 60_000}, () => {
    const dir = collection(20)
    const cold = copydesk(['--format', 'json', '--cache', '.'], dir)
    const warm = copydesk(['--format', 'json', '--cache', '.'], dir)
    expect(warm.stdout).toBe(cold.stdout)
    expect(warm.code).toBe(cold.code)
    expect(copydesk(['--format', 'json', '.'], dir).stdout).toBe(cold.stdout)
  })

  it('replays the cross-file findings of a run of the same, unchanged files, and compares anew when anything differs', () => {
    const paragraph = 'The committee met on Tuesday to settle the budget for the coming year, and its members agreed on every line of it.'
    const dir = folder({'a.txt': `${paragraph}\n`, 'b.txt': `Title\n${paragraph}\n`, 'c.txt': 'Nothing in common here.\n'})
    const across = (files: JsonFile[], name: string) =>
      files.find((file) => file.path === name)!.messages.filter((message) => message.ruleId === 'duplicate-across-files').map((message) => [message.line, message.column, message.reason])
    const cold = json(['--cache', 'a.txt', 'b.txt', 'c.txt'], dir)
    expect(across(cold.files, 'b.txt')).toEqual([[2, 1, 'Unexpected paragraph copied from a.txt:1']])
    expect(readIndex(location(dir)).comparison?.files).toEqual([[1, expect.any(Number)]])
    rewriteComparison(location(dir), (message) => {
      message.reason = 'from the cached comparison'
    })
    // The same files, unchanged: the stored findings, in their place among the file's messages.
    const warm = json(['--cache', 'a.txt', 'b.txt', 'c.txt'], dir)
    expect(across(warm.files, 'b.txt')).toEqual([[2, 1, 'from the cached comparison']])
    expect(warm.code).toBe(cold.code)
    // A file fewer, a changed file, another config: each compares anew.
    for (const [args, change] of [
      [['a.txt', 'b.txt'], () => undefined],
      [['a.txt', 'b.txt', 'c.txt'], () => fs.writeFileSync(path.join(dir, 'c.txt'), 'Still nothing in common.\n')],
      [['--rule', 'duplicate-across-files=error', 'a.txt', 'b.txt', 'c.txt'], () => undefined]
    ] as Array<[string[], () => void]>) {
      json(['--cache', 'a.txt', 'b.txt', 'c.txt'], dir)
      rewriteComparison(location(dir), (message) => {
        message.reason = 'from the cached comparison'
      })
      change()
      const run = json(['--cache', ...args], dir)
      expect(across(run.files, 'b.txt'), args.join(' ')).toEqual([[2, 1, 'Unexpected paragraph copied from a.txt:1']])
    }
  })

  it('compares anew when the stored findings are damaged, and stores them again', () => {
    const paragraph = 'The committee met on Tuesday to settle the budget for the coming year, and its members agreed on every line of it.'
    const dir = folder({'a.txt': `${paragraph}\n`, 'b.txt': `${paragraph}\n`})
    const cold = json(['--cache', 'a.txt', 'b.txt'], dir)
    const {data, comparison} = readIndex(location(dir))
    const dataFile = path.join(location(dir), data)
    const bytes = fs.readFileSync(dataFile)
    bytes[comparison!.offset + 5] ^= 1
    fs.writeFileSync(dataFile, bytes)
    const damaged = json(['--cache', 'a.txt', 'b.txt'], dir)
    expect(damaged.stdout).toBe(cold.stdout)
    expect(readIndex(location(dir)).comparison?.digest).toBe(comparison!.digest)
    expect(json(['--cache', 'a.txt', 'b.txt'], dir).stdout).toBe(cold.stdout)
  })

  it('relints when the config changes', () => {
    const dir = setup()
    json(['--cache', 'a.txt'], dir)
    poison(dir, 'a.txt')
    expect(reasons(json(['--cache', 'a.txt'], dir).files, 'a.txt')).toEqual(['from the cache'])
    fs.writeFileSync(path.join(dir, '.copydeskrc.json'), JSON.stringify({rules: {spelling: 'off'}}))
    expect(reasons(json(['--cache', 'a.txt'], dir).files, 'a.txt')).toEqual(['Missing space after `,`'])
    poison(dir, 'a.txt')
    expect(reasons(json(['--cache', '--rule', 'punctuation-spacing=warn', 'a.txt'], dir).files, 'a.txt')).toEqual(['Missing space after `,`'])
  })

  it('relints everything when the cache comes from another copydesk version', () => {
    const dir = setup()
    json(['--cache', 'a.txt'], dir)
    const cache = poison(dir, 'a.txt')
    cache.version = '0.0.0-older'
    fs.writeFileSync(cacheFile(dir), JSON.stringify(cache))
    expect(reasons(json(['--cache', 'a.txt'], dir).files, 'a.txt')).toEqual(['Missing space after `,`'])
  })

  it('treats a cache of the old format as absent, and replaces it', () => {
    const dir = setup()
    const version = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')).version as string
    // One results.json of every result, as copydesk wrote it before: never replayed, never a crash.
    const old = {version, entries: {'a.txt': {hash: 'h', config: 'c', result: {messages: [{reason: 'from the cache'}]}}}}
    fs.mkdirSync(location(dir), {recursive: true})
    fs.writeFileSync(cacheFile(dir), JSON.stringify(old))
    const result = json(['--cache', 'a.txt'], dir)
    expect(result.code).toBe(1)
    expect(reasons(result.files, 'a.txt')).toEqual(['Missing space after `,`'])
    expect(readIndex(location(dir)).format).toBe(2)
  })

  it('relints what a damaged data file held, and rebuilds the cache', () => {
    const dir = setup()
    const cold = json(['--cache', 'a.txt', 'b.txt'], dir)
    const {data} = poison(dir, 'a.txt')
    poison(dir, 'b.txt')
    const dataFile = path.join(location(dir), data)
    const bytes = fs.readFileSync(dataFile)
    // One byte of a.txt's result changed (entries are in the run's order): a.txt is linted again, b.txt replayed.
    fs.writeFileSync(dataFile, Buffer.concat([bytes.subarray(0, 2), Buffer.from('X'), bytes.subarray(3)]))
    const damaged = json(['--cache', 'a.txt', 'b.txt'], dir)
    expect(reasons(damaged.files, 'a.txt')).toEqual(reasons(cold.files, 'a.txt'))
    expect(reasons(damaged.files, 'b.txt')).toEqual(['from the cache'])
    // Cut short: nothing is replayed.
    poison(dir, 'a.txt')
    const {data: rewritten} = poison(dir, 'b.txt')
    fs.truncateSync(path.join(location(dir), rewritten), 10)
    const truncated = json(['--cache', 'a.txt', 'b.txt'], dir)
    expect(truncated.stdout).toBe(cold.stdout)
    expect(truncated.code).toBe(cold.code)
    expect(json(['--cache', 'a.txt', 'b.txt'], dir).stdout).toBe(cold.stdout)
  })

  it('keeps the cache where --cache-location says, and survives a damaged cache file', () => {
    const dir = setup()
    json(['--cache', '--cache-location', '.cd-cache', 'a.txt'], dir)
    expect(fs.existsSync(path.join(dir, '.cd-cache/results.json'))).toBe(true)
    expect(fs.existsSync(cacheFile(dir))).toBe(false)
    fs.writeFileSync(path.join(dir, '.cd-cache/results.json'), '{not json')
    const result = json(['--cache', '--cache-location', '.cd-cache', 'a.txt'], dir)
    expect(reasons(result.files, 'a.txt')).toEqual(['Missing space after `,`'])
    expect(copydesk(['--cache-location', 'x', 'a.txt'], dir).code).toBe(2)
  })
})

describe('--shard', () => {
  it('splits the files so that every file is linted in exactly one shard', {timeout: 60_000}, () => {
    const dir = collection(30)
    const all = json(['.'], dir).files
    const shards = [1, 2, 3].map((index) => json(['--shard', `${index}/3`, '.'], dir).files)
    const paths = shards.flatMap((files) => files.map((file) => file.path))
    expect([...paths].sort()).toEqual(all.map((file) => file.path).sort())
    expect(new Set(paths).size).toBe(paths.length)
    for (const files of shards) expect(files.length).toBeGreaterThan(0)
    // A shard's findings on its files are the whole run's, but for copies of files in other shards
    // (those are found through signatures, below).
    const perFile = (file: JsonFile) => ({...file, messages: file.messages.filter((message) => message.ruleId !== 'duplicate-across-files')})
    const byPath = new Map(all.map((file) => [file.path, perFile(file)]))
    for (const file of shards.flat()) expect(perFile(file)).toEqual(byPath.get(file.path))
  })

  it('rejects a malformed shard', () => {
    for (const value of ['0/3', '4/3', '1/0', 'a/b', '1']) {
      const result = copydesk(['--shard', value, articles])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('--shard takes i/n')
    }
  })
})

describe('--changed-since', () => {
  const git = (dir: string, ...args: string[]) => {
    const result = spawnSync('git', args, {cwd: dir, encoding: 'utf8', env: {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t'}})
    if (result.status !== 0) throw new Error(result.stderr)
    return result.stdout
  }

  it('lints only files changed since the merge base with the ref: committed, modified, untracked', () => {
    const dir = folder({
      'a.txt': 'The plan was set,and it held.\n',
      'b.txt': 'The plan was set,and it held.\n',
      'news/c.md': 'The plan was set,and it held.\n',
      'news/d.txt': 'The plan was set,and it held.\n'
    })
    git(dir, 'init', '-q', '-b', 'main')
    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'articles')
    git(dir, 'checkout', '-q', '-b', 'feature')
    fs.writeFileSync(path.join(dir, 'news/c.md'), 'The plan was set,and it held well.\n')
    git(dir, 'commit', '-q', '-am', 'edit c')
    fs.writeFileSync(path.join(dir, 'b.txt'), 'The plan was set,and it held fast.\n')
    fs.writeFileSync(path.join(dir, 'e.txt'), 'A new one,here.\n')
    fs.rmSync(path.join(dir, 'news/d.txt'))
    // main moves on after the branch point: its changes are not the branch's.
    git(dir, 'stash', '-q', '-u')
    git(dir, 'checkout', '-q', 'main')
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Changed on main,later.\n')
    git(dir, 'commit', '-q', '-am', 'main moves')
    git(dir, 'checkout', '-q', 'feature')
    git(dir, 'stash', 'pop', '-q')
    const result = json(['--changed-since', 'main', '.'], dir)
    expect(result.files.map((file) => file.path).sort()).toEqual(['b.txt', 'e.txt', path.join('news', 'c.md')])
    expect(result.code).toBe(1)
    const clean = json(['--changed-since', 'HEAD', 'a.txt'], dir)
    expect(clean.files).toEqual([])
    expect(clean.code).toBe(0)
  })

  it('is a usage error outside a git repository or with an unknown ref', () => {
    const dir = folder({'a.txt': 'Fine.\n'})
    const result = copydesk(['--changed-since', 'main', 'a.txt'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^copydesk: --changed-since: git /u)
  })
})

describe('cross-file rules at scale', () => {
  const shared = 'The committee met for six hours on Tuesday and agreed to publish the budget figures before the end of the month.'
  const key = (file: JsonFile) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`)
  const across = (files: JsonFile[]) => files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'duplicate-across-files').map(() => file.path)).sort()

  it('a cached file still takes part in the comparison', () => {
    const dir = folder({'a.txt': `${shared}\n`, 'b.txt': 'Nothing in common with anything else in this small collection of files.\n'})
    expect(across(json(['--cache', 'a.txt', 'b.txt'], dir).files)).toEqual([])
    // Only b changes; a is replayed from the cache, and b is found to copy it.
    fs.writeFileSync(path.join(dir, 'b.txt'), `${shared}\n`)
    expect(cachedResults(path.join(dir, 'node_modules/.cache/copydesk')).get('a.txt')!.collection!['duplicate-across-files']).toBeDefined()
    const second = json(['--cache', 'a.txt', 'b.txt'], dir).files
    expect(across(second)).toEqual(['b.txt'])
    expect(second[1].messages.find((message) => message.ruleId === 'duplicate-across-files')!.reason).toBe('Unexpected paragraph copied from a.txt:1')
  })

  /** A git repository whose one commit holds a paragraph (`old.txt`) and an unrelated file. */
  const committedArticles = (): string => {
    const dir = folder({'old.txt': `${shared}\n`, 'other.txt': 'Nothing in common with anything else in this small collection of files.\n'})
    const git = (...args: string[]) => spawnSync('git', args, {cwd: dir, env: {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t'}})
    git('init', '-q', '-b', 'main')
    git('add', '.')
    git('commit', '-q', '-m', 'articles')
    return dir
  }

  it('--changed-since compares the changed files with the unchanged ones, and reports only the changed', () => {
    const dir = committedArticles()
    // The rule reports a copy on the later of the two paths.
    fs.writeFileSync(path.join(dir, 'written-later.txt'), `${shared}\n`)
    const result = json(['--changed-since', 'HEAD', '.'], dir)
    expect(result.files.map((file) => file.path)).toEqual(['written-later.txt'])
    expect(result.files[0].messages.map((message) => message.reason)).toContain('Unexpected paragraph copied from old.txt:1')
  })

  it('--changed-since reports a copy on the changed file even when its path sorts before the unchanged original', () => {
    const dir = committedArticles()
    fs.writeFileSync(path.join(dir, 'a-new.txt'), `${shared}\n`)
    const result = json(['--changed-since', 'HEAD', '.'], dir)
    expect(result.files.map((file) => file.path)).toEqual(['a-new.txt'])
    const copied = result.files[0].messages.filter((message) => message.ruleId === 'duplicate-across-files')
    expect(copied.map((message) => [message.line, message.column, message.reason])).toEqual([[1, 1, 'Unexpected paragraph copied from old.txt:1']])
    // Without --changed-since both are reported on, and path order decides: the copy is old.txt's.
    const whole = json(['.'], dir)
    expect(whole.files.find((file) => file.path === 'old.txt')!.messages.map((message) => message.reason)).toContain('Unexpected paragraph copied from a-new.txt:1')
  })

  it('shards with --signatures-out, then one run with --signatures-in, report exactly what one run reports', {timeout: 120_000}, () => {
    const dir = collection(24)
    const whole = json(['.'], dir).files.flatMap(key).sort()
    expect(whole.some((line) => line.includes('duplicate-across-files'))).toBe(true)
    const parts: string[] = []
    for (const index of [1, 2, 3]) {
      const shard = json(['--shard', `${index}/3`, '--signatures-out', `sig-${index}.json`, '.'], dir)
      // A shard that writes signatures leaves the comparison to the run that reads them.
      expect(across(shard.files)).toEqual([])
      parts.push(...shard.files.flatMap(key))
    }
    const compared = json(['--signatures-in', 'sig-1.json', '--signatures-in', 'sig-2.json', '--signatures-in', 'sig-3.json'], dir)
    for (const file of compared.files) for (const message of file.messages) expect(message.ruleId).toBe('duplicate-across-files')
    parts.push(...compared.files.flatMap(key))
    expect(parts.sort()).toEqual(whole)
  })

  it('control comments still hide cross-file findings on a file replayed from the cache or read from signatures', () => {
    const hidden = `<!-- copydesk-disable-next-line duplicate-across-files -->\n${shared}\n`
    const dir = folder({'a.md': `${shared}\n`, 'b.md': hidden, 'c.md': `${shared}\n`})
    const flagged = (files: JsonFile[]) => across(files)
    expect(flagged(json(['--cache', '.'], dir).files)).toEqual(['c.md'])
    expect(flagged(json(['--cache', '.'], dir).files)).toEqual(['c.md'])
    json(['--signatures-out', 'ab.json', 'a.md', 'b.md'], dir)
    json(['--signatures-out', 'c.json', 'c.md'], dir)
    expect(flagged(json(['--signatures-in', 'ab.json', '--signatures-in', 'c.json'], dir).files)).toEqual(['c.md'])
  })

  it('rejects a signatures file that is missing or not one', () => {
    const dir = folder({'a.txt': 'Fine.\n', 'not.json': '{"files": []}'})
    const missing = copydesk(['--signatures-in', 'gone.json'], dir)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe('copydesk: --signatures-in gone.json: no such file\n')
    expect(copydesk(['--signatures-in', 'not.json'], dir).stderr).toBe('copydesk: --signatures-in not.json: not a copydesk signatures file\n')
  })
})

