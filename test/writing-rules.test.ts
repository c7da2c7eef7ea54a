/**
 * docs/writing-rules.md, followed step by step: its files are written, its `sh run` commands run,
 * and their output is compared with the `text output` blocks after them. `npm install` is stood in
 * for by linking this project (built by `npm test`) and its vitest and typescript into the
 * tutorial's node_modules, and `npm publish` + install by copying the package's `files`.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {project, temporaryFolders} from './helpers.js'

const tutorial = fs.readFileSync(path.join(project, 'docs/writing-rules.md'), 'utf8')

/** The fenced blocks of the tutorial, in order, with their info strings parsed: `ts file=a.ts`. */
function blocks(markdown: string): Array<{lang: string; attributes: Record<string, string>; flags: string[]; body: string}> {
  return [...markdown.matchAll(/^```(\S*)([^\n]*)\n([^]*?)^```$/gmu)].map((match) => {
    const attributes: Record<string, string> = {}
    const flags: string[] = []
    for (const word of match[2].trim().split(/\s+/u).filter(Boolean)) {
      const equals = word.indexOf('=')
      if (equals > 0) attributes[word.slice(0, equals)] = word.slice(equals + 1)
      else flags.push(word)
    }
    return {lang: match[1], attributes, flags, body: match[3]}
  })
}

/** Links `name` from this project's node_modules (or the project itself) into `folder`'s, with its bin. */
function link(folder: string, name: string, target: string, bin?: [string, string]): void {
  fs.mkdirSync(path.join(folder, 'node_modules/.bin'), {recursive: true})
  fs.symlinkSync(target, path.join(folder, 'node_modules', name), 'dir')
  if (bin) fs.symlinkSync(path.join('..', name, bin[1]), path.join(folder, 'node_modules/.bin', bin[0]))
}

/** `npm install` of the tutorial's devDependencies. */
function installTools(folder: string): void {
  link(folder, 'copydesk', project, ['copydesk', 'bin/copydesk.js'])
  link(folder, 'vitest', path.join(project, 'node_modules/vitest'), ['vitest', 'vitest.mjs'])
  link(folder, 'typescript', path.join(project, 'node_modules/typescript'), ['tsc', 'bin/tsc'])
}

/** `npm publish`, then `npm install` in another project: the package.json and its `files`, copied. */
function installPackage(from: string, folder: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8')) as {name: string; files: string[]}
  const target = path.join(folder, 'node_modules', manifest.name)
  for (const entry of ['package.json', ...manifest.files]) fs.cpSync(path.join(from, entry), path.join(target, entry), {recursive: true})
}

describe('docs/writing-rules.md', () => {
  it('has files to write, commands to run and outputs to compare', () => {
    const all = blocks(tutorial)
    expect(all.filter((block) => block.attributes.file).length).toBeGreaterThanOrEqual(7)
    expect(all.filter((block) => block.flags.includes('run')).length).toBeGreaterThanOrEqual(4)
    expect(all.filter((block) => block.flags.includes('output')).length).toBeGreaterThanOrEqual(2)
  })

  it('works when followed step by step', {timeout: 180_000}, () => {
    const root = temporaryFolders('copydesk-tutorial-')({})
    const installed = new Set<string>()
    let last: {command: string; stdout: string} | undefined
    for (const block of blocks(tutorial)) {
      if (block.attributes.file) {
        const file = path.join(root, block.attributes.file)
        fs.mkdirSync(path.dirname(file), {recursive: true})
        fs.writeFileSync(file, block.body)
      } else if (block.flags.includes('run')) {
        const cwd = path.join(root, block.attributes.cwd)
        if (!installed.has(cwd)) {
          installTools(cwd)
          if (block.attributes.cwd === 'articles') installPackage(path.join(root, 'house-style'), cwd)
          installed.add(cwd)
        }
        for (const command of block.body.split('\n').filter(Boolean)) {
          const result = spawnSync('sh', ['-c', command], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: '1'}})
          expect(result.status, `${command} in ${block.attributes.cwd}:\n${result.stdout}\n${result.stderr}`).toBe(Number(block.attributes.exit ?? 0))
          last = {command, stdout: result.stdout}
        }
      } else if (block.flags.includes('output')) {
        expect(last, 'an output block follows a command').toBeDefined()
        expect(last!.stdout.trimEnd(), `the output of ${last!.command}`).toBe(block.body.trimEnd())
      }
    }
  })
})
