/** Shared test helpers: lint a text with only the rules under test; make folders of files. */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Nodes} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {fileURLToPath} from 'node:url'
import {afterAll} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {builtinRules} from '../rules/index.js'
import {lintWithRule} from '../src/run-rule.js'
import {toFinding, type Finding} from '../src/testing.js'

/** The compact form tests assert on: a `Finding` whose message is called `reason`, as on vfile messages. */
export type Found = Omit<Finding, 'message'> & {reason: string}

/** Lints `text` (as `filePath`, default `article.txt`) with only the built-in rule `ruleId`, with `options` if given. */
export async function check(ruleId: string, text: string, options?: unknown, filePath = 'article.txt'): Promise<Found[]> {
  return (await messagesOf(ruleId, text, options, filePath)).map(found)
}

/** As `check`, but the messages themselves (with `note`, `messageId`, `place` offsets). */
export async function messagesOf(ruleId: string, text: string, options?: unknown, filePath = 'article.txt'): Promise<VFileMessage[]> {
  const rule = builtinRules.find((candidate) => candidate.meta.id === ruleId)
  if (!rule) throw new Error(`no built-in rule \`${ruleId}\``)
  return (await lintWithRule(rule, text, {options, filePath})).messages
}

export function found(message: VFileMessage): Found {
  const {message: reason, ...rest} = toFinding(message)
  return {...rest, reason}
}

/** The project's root folder. */
export const project = fileURLToPath(new URL('..', import.meta.url))

/** Runs the built CLI (`bin/copydesk.js`; `npm test` builds first) and returns its exit code and output. */
export function runCli(args: string[], options: {cwd?: string; input?: string | Buffer} = {}): {code: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [path.join(project, 'bin/copydesk.js'), ...args], {
    cwd: options.cwd ?? project,
    input: options.input,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/**
 * Makes a function that writes a new temporary folder with the given files (name → content) and
 * returns its path; all of them are removed after the calling test file's tests.
 */
export function temporaryFolders(prefix: string): (files: Record<string, string | Buffer>) => string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  afterAll(() => fs.rmSync(root, {recursive: true, force: true}))
  return (files) => {
    const dir = fs.mkdtempSync(path.join(root, 'case-'))
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
      fs.writeFileSync(path.join(dir, name), content)
    }
    return dir
  }
}

const atoms = [
  'word', 'Word', 'the', 'NATO', 'U.S.', 'e.g.', '2,000', '3.5', ',', '.', ';', ':', '!', '?', ' ', '  ', '\n', '\n\n', '\r\n',
  '|', ' | ', '---', '- ', '* ', '1. ', '# ', '## ', '`code`', '`', '*', '**', '_', '[link](http://x.com/a,b)', '[ spaced](u)',
  '<b>', '&amp;', '&nbsp;', '\\', '> ', '“', '”', '’', "'", '"', '(', ')', 'Đukanović', '🙂', '\t', '    ', '```', '~~~', '---\n',
  ':-:', '|---|', 'http://a.b/c', 'x@y.com', 'and and', 'The the', '\u00a0', '…', '...', 'Title Line', '[^1]', '![img](a.png)',
  '<!-- c -->', '+++', '\\|', 'In 2023,the', 'end.Next'
]

/** A small linear congruential generator: the same seed gives the same texts on every machine. */
export function generator(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

/**
 * Texts made of Markdown markup, numbers, abbreviations, table pipes, quotes and odd characters,
 * the same for the same seed on every machine: input for property tests.
 */
export function generatedTexts(seed: number, count: number): string[] {
  const random = generator(seed)
  const result: string[] = []
  for (let n = 0; n < count; n++) {
    let text = ''
    const length = 1 + Math.floor(random() * 80)
    for (let index = 0; index < length; index++) text += atoms[Math.floor(random() * atoms.length)]
    result.push(text)
  }
  return result
}

/** Texts of random code units, weighted towards the ones that decide tokens: marks, spaces, line endings, surrogates. */
export function randomTexts(seed: number, count: number): string[] {
  const random = generator(seed)
  const pick = (units: string): string => units[Math.floor(random() * units.length)]
  const texts: string[] = []
  for (let n = 0; n < count; n++) {
    let text = ''
    const length = Math.floor(random() * 120)
    for (let index = 0; index < length; index++) {
      const choice = random()
      if (choice < 0.3) text += pick('abcXYZ019')
      else if (choice < 0.5) text += pick(' \t\n\r\u00a0\u2003')
      else if (choice < 0.75) text += pick(`.,;:!?'’"“”-–—…/&@()[]_*#%+=<>\\|~\``)
      else if (choice < 0.85) text += pick('\ud83c\udf89\ud83d\ude00')
      else text += String.fromCharCode(Math.floor(random() * 0x10000))
    }
    texts.push(text)
  }
  return texts
}

// Characters of every kind a word's fast paths tell apart: ASCII small and capital letters, marks,
// digits, accented and other scripts' letters in both cases, letters whose case changes their
// length (`İ`, `ß`), titlecase (`ǅ`), combining marks and a letter outside the BMP.
const wordCharacters = [
  'a', 'e', 's', 'z', 'A', 'S', 'Z', '@', '[', '`', '{', '-', '.', "'", '’', '0', '9', 'é', 'É', 'ß', 'İ', 'ı', 'ǅ', 'σ', 'Σ', 'ς',
  'ж', 'Ж', 'ª', '\u0301', '\u00a0', '𝐀', '中'
]

/** Short strings of `wordCharacters`, the same for the same seed on every machine: input for word-level property tests. */
export function generatedWords(seed: number, count: number): string[] {
  const random = generator(seed)
  const result: string[] = []
  for (let n = 0; n < count; n++) {
    let word = ''
    const length = Math.floor(random() * 7)
    for (let index = 0; index < length; index++) word += wordCharacters[Math.floor(random() * wordCharacters.length)]
    result.push(word)
  }
  return result
}

const markdown = unified().use(remarkParse).use(remarkGfm)

/**
 * The inline markup of a Markdown text, in order: each node that is not plain text (links, images,
 * code, emphasis, HTML, footnote references), with what it points to or holds. A fix must keep it.
 */
export function inlineMarkup(text: string): string[] {
  const found: string[] = []
  const visit = (node: Nodes): void => {
    if (['link', 'image', 'inlineCode', 'emphasis', 'strong', 'delete', 'html', 'footnoteReference'].includes(node.type)) {
      found.push(`${node.type}${'url' in node ? ` ${node.url}` : ''}${node.type === 'inlineCode' || node.type === 'html' ? ` ${node.value}` : ''}`)
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(markdown.parse(text))
  return found
}
