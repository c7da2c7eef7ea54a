/**
 * End-to-end: spawns the built CLI (`bin/copydesk.js`, run `npm run build` first;
 * `npm test` does) and checks its output, exit codes and error paths.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtinRules} from '../rules/index.js'
import type {JsonFile} from '../src/report.js'
import {project, runCli, temporaryFolders} from './helpers.js'

const articles = path.join(project, 'fixtures/articles')
const copydesk = runCli

function json(args: string[], options?: {cwd?: string; input?: string}) {
  const result = copydesk(['--format', 'json', ...args], options)
  return {...result, files: JSON.parse(result.stdout) as JsonFile[]}
}

const folder = temporaryFolders('copydesk-e2e-')

const clean = 'A Clean Heading\nThis paragraph is spelled well and spaced well, and it says nothing wrong.\n'

describe('the sample articles', () => {
  const run = json([articles])
  const spacing = (name: string) =>
    run.files
      .find((file) => file.path.endsWith(name))!
      .messages.filter((message) => message.ruleId === 'punctuation-spacing')
      .map((message) => `${message.line}:${message.column}`)

  it('exits 1 and reports every file as plain JSON', () => {
    expect(run.code).toBe(1)
    expect(run.files.map((file) => path.basename(file.path))).toEqual(fs.readdirSync(articles).sort())
    for (const message of run.files.flatMap((file) => file.messages)) {
      expect(Object.keys(message).sort()).toEqual(
        expect.arrayContaining(['column', 'endColumn', 'endLine', 'fatal', 'line', 'reason', 'ruleId', 'severity', 'source'])
      )
      expect(message.source).toBe('copydesk')
      expect(JSON.stringify(message)).not.toMatch(/"(?:type|children|ancestors)"/)
    }
  })

  it('flags every missing space after punctuation in 001, and nothing else', () => {
    // stability,Albania,kosovo,and · alliances,aiming · outcomes,including · challenges,ranging · cooperation,fostering
    // security,Albania,Kosovo,and · exercises,fostering · Albania,Kosovo,and Croatia,several · Additionally,establishing
    // information,bolstering · efforts.Proposed · Europe.The · partners.As
    expect(spacing('001_6b5fe14106b636da.txt')).toEqual([
      '3:49', '3:57', '3:64', '8:246', '18:349', '20:110', '21:119', '28:241', '28:249', '28:256', '30:280',
      '39:89', '39:96', '39:108', '39:290', '39:396', '43:330', '63:440', '63:592'
    ])
  })

  it('flags the missing spaces in 003 and 004, and nothing in 000 and 002', () => {
    expect(spacing('003_287d5748283477f1.txt')).toEqual(['1:71', '1:129', '1:282', '1:873', '3:84', '3:94', '17:114', '20:60', '33:13', '45:153', '58:154', '69:201'])
    expect(spacing('004_b654fcc19b0d3be5.txt')).toEqual(['1:42', '1:142', '1:157', '22:171', '22:456', '23:108'])
    expect(spacing('000_857782d85a314702.txt')).toEqual([])
    // 002's only doubled space is the scraper's `See also  Balkans Unite` line.
    expect(spacing('002_e36ab20001b25aaa.txt')).toEqual(['31:9'])
  })

  it('finds the typos of the samples and leaves their names alone', () => {
    const flagged = (ruleId: string) => run.files.flatMap((file) => file.messages.filter((message) => message.ruleId === ruleId).map((message) => message.actual))
    const words = flagged('spelling')
    expect([...new Set(words)].sort()).toEqual(['Sence', 'coudl', 'thes'])
    expect([...new Set(flagged('possessive-apostrophe'))].sort()).toEqual(['Montenegros', 'NATOs'])
    for (const name of ['Stoltenberg', 'Đukanović', 'KFOR', 'NATO’s', 'Tirana', 'Montenegro', 'Sofia']) expect(words).not.toContain(name)
  })

  it('never writes to the files it lints', () => {
    const before = fs.readdirSync(articles).map((name) => [name, fs.statSync(path.join(articles, name)).mtimeMs, fs.readFileSync(path.join(articles, name), 'utf8')])
    copydesk([articles])
    const after = fs.readdirSync(articles).map((name) => [name, fs.statSync(path.join(articles, name)).mtimeMs, fs.readFileSync(path.join(articles, name), 'utf8')])
    expect(after).toEqual(before)
  })
})

describe('exit codes', () => {
  it('0 for a clean file, with the stylish report saying so', () => {
    const dir = folder({'clean.txt': clean})
    const result = copydesk(['clean.txt'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('clean.txt: no issues found')
  })

  it('0 for warnings only, 1 once they pass --max-warnings', () => {
    const dir = folder({'warn.txt': 'A Heading Here\nThe goverment said it was fine and nobody argued with that.\n'})
    expect(copydesk(['warn.txt'], {cwd: dir}).code).toBe(0)
    const strict = copydesk(['warn.txt', '--max-warnings', '0'], {cwd: dir})
    expect(strict.code).toBe(1)
    expect(strict.stderr).toContain('more than --max-warnings 0')
  })

  it('1 for errors; --quiet keeps errors and drops warnings', () => {
    const dir = folder({'bad.txt': 'The goverment met in Sofia,and the talks went on.\n'})
    const result = json(['bad.txt', '--quiet'], {cwd: dir})
    expect(result.code).toBe(1)
    expect(result.files[0].messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([['punctuation-spacing', 1, 27]])
  })

  it('2 for usage errors, with a one-line reason', () => {
    for (const args of [['--nope'], ['--format', 'xml', 'x.txt'], ['--max-warnings', 'many'], ['--stdin', 'a.txt']]) {
      const result = copydesk(args)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^copydesk: .+\nRun `copydesk --help` for usage\.\n$/)
    }
  })

  it('2 when a glob matches nothing, and the other paths are still linted', () => {
    expect(copydesk(['no/such/*.md'], {cwd: folder({})})).toMatchObject({code: 2, stderr: 'copydesk: no files matching `no/such/*.md`\n'})
    const dir = folder({'bad.txt': 'The talks went on,and on.\n'})
    const result = json(['no/such/*.md', 'bad.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('copydesk: no files matching `no/such/*.md`\n')
    expect(result.files.map((file) => [file.path, file.messages.map((m) => [m.ruleId, m.line, m.column])])).toEqual([['bad.txt', [['punctuation-spacing', 1, 18]]]])
  })

  it('2, quietly, when the reader closes the pipe early (`copydesk … | head`): no stack trace', async () => {
    // Enough findings that the report outgrows a pipe's buffer: the sample articles, five times over.
    const files: Record<string, string> = {}
    for (let copy = 0; copy < 5; copy++) for (const name of fs.readdirSync(articles)) files[`${copy}/${name}`] = fs.readFileSync(path.join(articles, name), 'utf8')
    const dir = folder(files)
    const child = spawn(process.execPath, [path.join(project, 'bin/copydesk.js'), '--format', 'json', '.'], {cwd: dir, stdio: ['ignore', 'pipe', 'pipe']})
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    // Read the first chunk, then go away, as `head -c` does.
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code).toBe(2)
    expect(stderr).toBe('')
  })

  it('130 when interrupted, leaving no temporary file behind', async () => {
    const files: Record<string, string> = {}
    for (let copy = 0; copy < 20; copy++) for (const name of fs.readdirSync(articles)) files[`${copy}/${name}`] = fs.readFileSync(path.join(articles, name), 'utf8')
    const dir = folder(files)
    const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'))
    const child = spawn(process.execPath, [path.join(project, 'bin/copydesk.js'), '--jobs', '1', '--format', 'json', '.'], {cwd: dir, stdio: 'ignore', env: {...process.env, TMPDIR: tmp}})
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
    // Interrupt it once its results are going to its temporary file.
    while (fs.readdirSync(tmp).length === 0 && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(fs.readdirSync(tmp)).toHaveLength(1)
    child.kill('SIGINT')
    expect(await closed).toBe(130)
    expect(fs.readdirSync(tmp)).toEqual([])
  })

  it('2 for a missing file, reported on that file, and the other files are still linted', () => {
    const dir = folder({'bad.txt': 'The talks went on,and on.\n'})
    const result = json(['missing.txt', 'bad.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('')
    expect(result.files.map((file) => [file.path, file.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.reason])])).toEqual([
      ['bad.txt', [['punctuation-spacing', 'error', 1, 18, 'Missing space after `,`']]],
      ['missing.txt', [['file-error', 'error', null, null, 'File not found']]]
    ])
  })
})

describe('configuration', () => {
  it('finds the nearest config upward from each file', () => {
    const text = 'A Heading Here\nThe goverment met in Sofia,and the talks went on.\n'
    const dir = folder({'.copydeskrc.json': '{"rules": {"spelling": "off"}}', 'news/a.txt': text, 'blog/.copydeskrc.yaml': 'rules:\n  punctuation-spacing: "off"\n', 'blog/b.txt': text})
    const result = json(['.'], {cwd: dir})
    const rules = Object.fromEntries(result.files.map((file) => [file.path, file.messages.map((message) => message.ruleId)]))
    expect(rules).toEqual({[path.join('blog', 'b.txt')]: ['spelling'], [path.join('news', 'a.txt')]: ['punctuation-spacing']})
  })

  it('takes --config and --rule, and rejects a broken config with exit 2 naming file and key', () => {
    const dir = folder({'a.txt': 'The goverment met in Sofia,and the talks went on.\n', 'strict.json': '{"rules": {"spelling": ["error", {"words": ["goverment"]}]}}', 'broken.json': '{"rules": {"speling": "off"}}'})
    expect(json(['a.txt', '--config', 'strict.json', '--rule', 'punctuation-spacing=off'], {cwd: dir}).files[0].messages).toEqual([])
    const broken = copydesk(['a.txt', '--config', 'broken.json'], {cwd: dir})
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/^copydesk: config error: broken\.json: rules: unknown rule `speling`/)
    expect(broken.stderr.trim().split('\n')).toHaveLength(1)
    const badJson = folder({'a.txt': clean, '.copydeskrc.json': '{"rules": '})
    const result = copydesk(['a.txt'], {cwd: badJson})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/config error: .*\.copydeskrc\.json: invalid JSON/)
    expect(copydesk(['a.txt', '--rule', 'nope=off'], {cwd: dir}).stderr).toMatch(/--rule: unknown rule `nope`/)
  })

  it('a broken config found upward stops only the files under it: they get a config-error, the rest are linted', () => {
    const dir = folder({'news/a.txt': 'The talks went on,and on.\n', 'drafts/.copydeskrc.json': '{"rules": {"speling": "off"}}', 'drafts/b.txt': clean})
    const result = json(['.'], {cwd: dir})
    expect(result.code).toBe(2)
    const reason = `Not linted: config error: ${path.join(dir, 'drafts', '.copydeskrc.json')}: rules: unknown rule \`speling\` (known: ${builtinRules.map((rule) => rule.meta.id).join(', ')})`
    expect(result.files.map((file) => [file.path, file.messages.map((m) => [m.ruleId, m.severity, m.line, m.reason])])).toEqual([
      [path.join('drafts', 'b.txt'), [['config-error', 'error', null, reason]]],
      [path.join('news', 'a.txt'), [['punctuation-spacing', 'error', 1, 'Missing space after `,`']]]
    ])
    expect(result.stderr).toBe(`copydesk: ${reason.replace('Not linted: ', '')}\n`)
  })
})

describe('files and input', () => {
  it('lints the current folder recursively by default, skipping node_modules, .git and .copydeskignore', () => {
    const dir = folder({
      'a.txt': clean,
      'docs/b.md': '# Title\n\nFine text here.\n',
      'docs/c.markdown': '# Title\n\nFine text here.\n',
      'notes.rst': 'not linted',
      'node_modules/x/readme.md': 'x',
      '.git/x.txt': 'x',
      'drafts/d.txt': 'x',
      '.copydeskignore': 'drafts/\n'
    })
    const result = json([], {cwd: dir})
    expect(result.files.map((file) => file.path)).toEqual(['a.txt', path.join('docs', 'b.md'), path.join('docs', 'c.markdown')])
  })

  it('turns binary, invalid UTF-8, UTF-16, folders-as-files and empty files into messages and lints the rest', () => {
    const dir = folder({
      'bin.txt': Buffer.from([0x48, 0x00, 0x49, 0x00]),
      'latin1.txt': Buffer.from('Line one\nCaf\xe9 au lait\n', 'latin1'),
      'utf16.txt': Buffer.from('\ufeffhello', 'utf16le'),
      'empty.txt': '',
      'good.txt': 'The talks went on,and on.\n'
    })
    const result = json(['.'], {cwd: dir})
    expect(result.code).toBe(2)
    const byName = Object.fromEntries(result.files.map((file) => [file.path, file.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.reason])]))
    expect(byName['bin.txt']).toEqual([['file-error', 'error', null, null, 'Cannot lint a binary file (it contains NUL bytes)']])
    expect(byName['latin1.txt']).toEqual([['file-error', 'error', 2, 4, 'Cannot lint a file that is not valid UTF-8 (first invalid byte 0xe9 at byte 12)']])
    expect(byName['utf16.txt'][0][4]).toMatch(/UTF-16/)
    expect(byName['empty.txt']).toEqual([['empty-file', 'warning', null, null, 'File is empty: nothing to lint']])
    expect(byName['good.txt']).toEqual([['punctuation-spacing', 'error', 1, 18, 'Missing space after `,`']])
    expect(result.stderr).toBe('')
  })

  it('keeps positions right in CRLF files and files with a BOM', () => {
    const text = 'A Short Title\r\nThe first line is fine.\r\nThe talks went on,and on.\r\n'
    const dir = folder({'crlf.txt': text, 'bom.txt': '\ufeff' + text})
    const result = json(['crlf.txt', 'bom.txt'], {cwd: dir})
    for (const file of result.files) {
      expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn])).toEqual([['punctuation-spacing', 3, 18, 3, 19]])
    }
  })

  it('reads standard input, named by --stdin-filename', () => {
    const result = json(['--stdin', '--stdin-filename', 'story.md'], {input: '# Title\n\nSome words,here and `a,b` there.\n'})
    expect(result.code).toBe(1)
    expect(result.files).toEqual([{path: 'story.md', messages: [expect.objectContaining({ruleId: 'punctuation-spacing', line: 3, column: 11})]}])
    expect(json(['-'], {input: clean}).files[0].path).toBe('<stdin>')
  })

  it('prints help and version', () => {
    const help = copydesk(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: copydesk \[options\]/)
    const version = copydesk(['--version'])
    expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')).version)
  })
})
