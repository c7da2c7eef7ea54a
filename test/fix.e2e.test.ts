/**
 * End-to-end `--fix`, `--fix-dry-run` and `--fix-type`: spawns the built CLI (`npm test` builds
 * it) on copies of the sample articles and on small files, and checks what is on disk afterwards.
 */
import fs from 'node:fs'
import path from 'node:path'
import {applyPatch, parsePatch} from 'diff'
import {describe, expect, it} from 'vitest'
import type {JsonFile} from '../src/report.js'
import {project, runCli, temporaryFolders} from './helpers.js'

const articles = path.join(project, 'fixtures/articles')
const samples = Object.fromEntries(fs.readdirSync(articles).map((name) => [name, fs.readFileSync(path.join(articles, name))]))

/** Runs the CLI; `spelling: false` turns spelling off where it is not under test (loading its dictionary is most of a run). */
function copydesk(args: string[], options: {cwd: string; input?: string | Buffer; spelling?: boolean}) {
  return runCli([...(options.spelling === false ? ['--rule', 'spelling=off'] : []), ...args], options)
}

const folder = temporaryFolders('copydesk-fix-')

/** Every file of a folder: name → bytes. */
const contents = (dir: string) => Object.fromEntries(fs.readdirSync(dir).sort().map((name) => [name, fs.readFileSync(path.join(dir, name))]))

/** Sets every file's mtime a day back, so that a rewrite in the same second still shows. */
function ageFiles(dir: string): Record<string, number> {
  const past = new Date(Date.now() - 86_400_000)
  for (const name of fs.readdirSync(dir)) fs.utimesSync(path.join(dir, name), past, past)
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.statSync(path.join(dir, name)).mtimeMs]))
}

describe('--fix on the sample articles', () => {
  it('repairs the spacing typos in place, and nothing else', () => {
    const dir = folder(samples)
    const mtimes = ageFiles(dir)
    const run = copydesk(['--fix', '--fix-type', 'spacing', '--format', 'json', '.'], {cwd: dir})
    expect(run.stderr).toMatch(/^copydesk: repaired \d+ findings in 4 files\n$/u)
    const after = contents(dir)
    const text = (name: string) => after[name].toString('utf8')
    expect(text('001_6b5fe14106b636da.txt')).toContain('regional stability, Albania, kosovo, and Croatia have formalized')
    expect(text('001_6b5fe14106b636da.txt')).toContain('streamline efforts. Proposed collab')
    expect(text('002_e36ab20001b25aaa.txt')).toContain('See also Balkans Unite')
    expect(text('003_287d5748283477f1.txt')).not.toMatch(/[a-z][,.][A-Z][a-z]/u)
    // 000 has nothing to fix: not rewritten, its mtime stays.
    expect(after['000_857782d85a314702.txt']).toEqual(samples['000_857782d85a314702.txt'])
    expect(fs.statSync(path.join(dir, '000_857782d85a314702.txt')).mtimeMs).toBe(mtimes['000_857782d85a314702.txt'])
    // Spacing fixes add and remove spaces only (002 has a doubled space made of a space and a
    // no-break space): without spaces, every line is as it was.
    for (const [name, bytes] of Object.entries(samples)) {
      const before = bytes.toString('utf8').split('\n')
      const now = text(name).split('\n')
      expect(now).toHaveLength(before.length)
      for (let index = 0; index < before.length; index++) expect(now[index].replace(/[ \u00a0]/gu, '')).toBe(before[index].replace(/[ \u00a0]/gu, ''))
    }
    // What remains is reported, and none of it is a fixable spacing finding.
    const files = JSON.parse(run.stdout) as JsonFile[]
    expect(files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'punctuation-spacing')).toEqual([])
  })

  it('repairs every category but spelling, and leaves nothing for a second --fix to do', () => {
    const dir = folder(samples)
    expect(copydesk(['--fix', '.'], {cwd: dir}).stderr).toMatch(/^copydesk: repaired [1-9]\d* findings/u)
    const once = contents(dir)
    // Spacing typos, lowercased names and broken table pipes are repaired.
    expect(once['001_6b5fe14106b636da.txt'].toString('utf8')).toContain('regional stability, Albania, Kosovo, and Croatia have')
    expect(once['001_6b5fe14106b636da.txt'].toString('utf8')).toContain('reported by Anadolu Agency')
    expect(once['001_6b5fe14106b636da.txt'].toString('utf8')).toContain('\n| Potential Outcomes | Impacts on Stability |\n|---|---|\n| Enhanced Defense Capabilities |')
    const mtimes = ageFiles(dir)
    const again = copydesk(['--fix', '.'], {cwd: dir})
    expect(again.stderr).toBe('copydesk: repaired 0 findings in 0 files\n')
    expect(contents(dir)).toEqual(once)
    expect(Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.statSync(path.join(dir, name)).mtimeMs]))).toEqual(mtimes)
  })
})

describe('--fix-dry-run', () => {
  it('prints a unified diff that makes what --fix makes, writes nothing, and reports on stderr', () => {
    const dir = folder(samples)
    const mtimes = ageFiles(dir)
    const dry = copydesk(['--fix-dry-run', '.'], {cwd: dir})
    expect(dry.code).toBe(0)
    expect(contents(dir)).toEqual(samples)
    expect(Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.statSync(path.join(dir, name)).mtimeMs]))).toEqual(mtimes)
    const patches = parsePatch(dry.stdout)
    expect(patches.map((patch) => patch.oldFileName)).toEqual(['a/001_6b5fe14106b636da.txt', 'a/002_e36ab20001b25aaa.txt', 'a/003_287d5748283477f1.txt', 'a/004_b654fcc19b0d3be5.txt'])
    expect(dry.stderr).toContain('warning Unexpected unknown word')
    expect(dry.stderr).toMatch(/copydesk: would repair \d+ findings in 4 files, wrote nothing\n$/u)
    copydesk(['--fix', '.'], {cwd: dir})
    for (const patch of patches) {
      const name = patch.oldFileName!.slice(2)
      expect(applyPatch(samples[name].toString('utf8'), patch)).toBe(fs.readFileSync(path.join(dir, name), 'utf8'))
    }
  })
})

describe('--fix and the bytes of a file', () => {
  const typo = 'A Short Heading\nThe talks went on,and the the delegates left.\n'
  const fixed = 'A Short Heading\nThe talks went on, and the delegates left.\n'

  it('keeps CRLF line endings, the BOM, a missing final newline and the file mode', () => {
    const crlf = Buffer.from(`\uFEFF${typo.replace(/\n/gu, '\r\n')}`)
    const dir = folder({'crlf.txt': crlf, 'bare.txt': typo.trimEnd()})
    fs.chmodSync(path.join(dir, 'crlf.txt'), 0o640)
    const run = copydesk(['--fix', '.'], {cwd: dir, spelling: false})
    expect(run.code).toBe(0)
    expect(fs.readFileSync(path.join(dir, 'crlf.txt'))).toEqual(Buffer.from(`\uFEFF${fixed.replace(/\n/gu, '\r\n')}`))
    expect(fs.readFileSync(path.join(dir, 'bare.txt'), 'utf8')).toBe(fixed.trimEnd())
    expect(fs.statSync(path.join(dir, 'crlf.txt')).mode & 0o777).toBe(0o640)
    // No temporary file is left behind.
    expect(fs.readdirSync(dir).sort()).toEqual(['bare.txt', 'crlf.txt'])
  })

  it('--fix-dry-run on a CRLF file with a BOM prints a patch that applies to its bytes', () => {
    const bytes = `\uFEFF${typo.replace(/\n/gu, '\r\n')}`
    const dir = folder({'bom.txt': bytes})
    const dry = copydesk(['--fix-dry-run', 'bom.txt'], {cwd: dir, spelling: false})
    const [patch] = parsePatch(dry.stdout)
    expect(applyPatch(bytes, patch)).toBe(`\uFEFF${fixed.replace(/\n/gu, '\r\n')}`)
    expect(fs.readFileSync(path.join(dir, 'bom.txt'), 'utf8')).toBe(bytes)
  })

  it('writes through a symbolic link, which stays a link', () => {
    const dir = folder({'real.txt': typo})
    fs.symlinkSync('real.txt', path.join(dir, 'link.txt'))
    copydesk(['--fix', 'link.txt'], {cwd: dir, spelling: false})
    expect(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink()).toBe(true)
    expect(fs.readFileSync(path.join(dir, 'real.txt'), 'utf8')).toBe(fixed)
  })

  it('writes a file with several hard links in place, so every name shows the fix', () => {
    const dir = folder({'one.txt': typo})
    fs.linkSync(path.join(dir, 'one.txt'), path.join(dir, 'two.txt'))
    copydesk(['--fix', 'one.txt'], {cwd: dir, spelling: false})
    expect(fs.readFileSync(path.join(dir, 'two.txt'), 'utf8')).toBe(fixed)
    expect(fs.statSync(path.join(dir, 'one.txt')).ino).toBe(fs.statSync(path.join(dir, 'two.txt')).ino)
  })

  it('gives a read-only file a clear error, exits 2, and still fixes the others', () => {
    const dir = folder({'a.txt': typo, 'locked.txt': typo, 'z.txt': typo})
    fs.chmodSync(path.join(dir, 'locked.txt'), 0o444)
    const run = copydesk(['--fix', '--format', 'json', '.'], {cwd: dir, spelling: false})
    expect(run.code).toBe(2)
    const files = JSON.parse(run.stdout) as JsonFile[]
    const locked = files.find((file) => file.path === 'locked.txt')!
    expect(locked.messages.map((message) => [message.ruleId, message.severity, message.reason])).toContainEqual(['file-error', 'error', 'Cannot write fixes: the file is read-only'])
    // It is reported as it stands on disk, unfixed.
    expect(locked.messages.map((message) => message.ruleId)).toEqual(expect.arrayContaining(['punctuation-spacing', 'repeated-words']))
    expect(fs.readFileSync(path.join(dir, 'locked.txt'), 'utf8')).toBe(typo)
    expect(fs.statSync(path.join(dir, 'locked.txt')).mode & 0o777).toBe(0o444)
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(fixed)
    expect(fs.readFileSync(path.join(dir, 'z.txt'), 'utf8')).toBe(fixed)
    expect(run.stderr).toBe('copydesk: repaired 4 findings in 2 files; 1 file could not be written\n')
  })
})

describe('--fix with --stdin', () => {
  it('prints the fixed text, BOM and CRLF kept, and the report on stderr', () => {
    const dir = folder({})
    const run = copydesk(['--fix', '--stdin', '--stdin-filename', 'news.txt'], {cwd: dir, spelling: false, input: Buffer.from('\uFEFFWe left.It rained,then  cleared.\r\nDone.\r\n')})
    expect(run.stdout).toBe('\uFEFFWe left. It rained, then cleared.\r\nDone.\r\n')
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('news.txt: no issues found\n\n1 file: no findings\n')
  })

  it('prints the text unchanged when there is nothing to fix, and reports what remains on stderr', () => {
    const dir = folder({})
    const run = copydesk(['--fix', '-'], {cwd: dir, input: 'The wrold is round.\n'})
    expect(run.stdout).toBe('The wrold is round.\n')
    expect(run.stderr).toContain('Unexpected unknown word `wrold`')
  })
})

describe('fix flags', () => {
  it.each([
    [['--fix', '--fix-dry-run'], 'give either --fix or --fix-dry-run, not both'],
    [['--fix-type', 'spacing'], '--fix-type goes with --fix or --fix-dry-run'],
    [['--fix', '--fix-type', 'spaceing'], 'unknown fix type `spaceing` (known: spacing, ']
  ])('%j is a usage error (exit 2)', (args, reason) => {
    const dir = folder({'a.txt': 'Fine,then.\n'})
    const run = copydesk([...args, '.'], {cwd: dir, spelling: false})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`copydesk: ${reason}`)
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('Fine,then.\n')
  })

  it('--fix-type limits the repairs to the categories named', () => {
    const dir = folder({'a.txt': 'We saw the the end,then left.\n'})
    copydesk(['--fix', '--fix-type', 'repetition', 'a.txt'], {cwd: dir, spelling: false})
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('We saw the end,then left.\n')
    copydesk(['--fix', '--fix-type', 'spacing,repetition', 'a.txt'], {cwd: dir, spelling: false})
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('We saw the end, then left.\n')
  })

  it('exits 1 when errors remain after fixing, 0 when only warnings do', () => {
    const dir = folder({'a.txt': 'The talks went on,and the wrold watched.\n'})
    expect(copydesk(['--fix', 'a.txt'], {cwd: dir}).code).toBe(0)
    expect(copydesk(['--fix', '--fix-type', 'repetition', '--rule', 'spelling=error', 'a.txt'], {cwd: dir}).code).toBe(1)
  })
})
