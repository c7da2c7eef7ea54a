/**
 * What `--fix` promises, checked on every sample article (as text and as Markdown, with LF and
 * with CRLF and a BOM) and on generated input full of markup, with every built-in rule on and every
 * category fixed: rules that land later are covered without a new test.
 *
 * - after fixing, linting again finds nothing fixable, and fixing again changes nothing;
 * - every character outside the ranges of the fixes applied is unchanged: each pass's text is
 *   rebuilt from the text between the applied ranges and their replacements, and diffed line by
 *   line (jsdiff, not copydesk): every changed line must hold an applied range;
 * - in Markdown, the inline markup (links, code, emphasis, HTML) is the same after fixing;
 * - a CRLF file with a BOM is fixed exactly as its LF twin, and stays CRLF.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {diffLines} from 'diff'
import {describe, expect, it} from 'vitest'
import {builtinRules} from '../rules/index.js'
import {resolveConfig} from '../src/config.js'
import {applyFixes, certainFixes} from '../src/apply-fixes.js'
import {fixFile, fixSelector, knownCategories, maxFixPasses} from '../src/fix.js'
import {lintFile} from '../src/lint.js'
import {lineEndingOf} from '../src/parse/lines.js'
import {createFile} from '../src/read.js'
import {generatedTexts, inlineMarkup} from './helpers.js'

const articles = fileURLToPath(new URL('../fixtures/articles', import.meta.url))
const samples = fs.readdirSync(articles).map((name) => [name, fs.readFileSync(path.join(articles, name), 'utf8')] as const)

// Every built-in rule at its default, every category (spelling too) selected.
const config = resolveConfig({}, undefined)
const everything = fixSelector(config, new Set(knownCategories(builtinRules)))

/** The line breaks' offsets in `text`, to say which lines a range touches. */
function lineOf(text: string): (offset: number) => number {
  const starts = [0]
  for (const match of text.matchAll(/\r\n|\n|\r/gu)) starts.push(match.index + match[0].length)
  return (offset) => {
    let line = 0
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++
    return line
  }
}

/** The 0-based numbers of the lines of `before` that a line diff (jsdiff) says changed. */
function changedLines(before: string, after: string): number[] {
  const lines: number[] = []
  let line = 0
  for (const part of diffLines(before, after)) {
    if (part.added) continue
    if (part.removed) for (let index = 0; index < part.count; index++) lines.push(line + index)
    line += part.count
  }
  return lines
}

/**
 * Fixes `text` pass by pass as `fixFile` does, and returns the changes that fall outside the
 * ranges of the fixes applied in their pass, the final text, and how many fixes were made.
 */
async function fixChecked(text: string, filePath: string): Promise<{strays: string[]; output: string; fixed: number}> {
  const strays: string[] = []
  let current = text
  let fixed = 0
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const linted = await lintFile(createFile(current, filePath), config)
    const result = applyFixes(current, certainFixes(linted.messages.filter(everything), current.length))
    if (result.applied.length === 0) break
    fixed += result.applied.length
    const ranges = result.applied
    // Character by character: the text between the applied ranges is all there, in order, with
    // each range's replacement (line breaks in the file's own ending) between.
    let rebuilt = ''
    let last = 0
    for (const range of ranges) {
      if (range.start < last) continue // the same repair asked for by two rules
      rebuilt += current.slice(last, range.start) + range.replacement.replace(/\r\n|\n|\r/gu, lineEndingOf(current))
      last = range.end
    }
    rebuilt += current.slice(last)
    if (rebuilt !== result.output) strays.push(`pass ${pass + 1}: the text outside the applied ranges changed`)
    // Line by line, by jsdiff: every line it says changed holds an applied range.
    const line = lineOf(current)
    const touched = new Set(ranges.flatMap((range) => Array.from({length: line(range.end) - line(range.start) + 1}, (_, index) => line(range.start) + index)))
    for (const changed of changedLines(current, result.output)) {
      if (!touched.has(changed)) strays.push(`pass ${pass + 1}: line ${changed + 1} changed without a fix on it`)
    }
    current = result.output
  }
  return {strays, output: current, fixed}
}

/** Checks the promises of `--fix` on one text; returns the fixed text. */
async function checkFix(text: string, filePath: string): Promise<{output: string; fixed: number}> {
  const checked = await fixChecked(text, filePath)
  expect(checked.strays).toEqual([])
  const result = await fixFile(createFile(text, filePath), config, everything)
  expect(String(result.after.value)).toBe(checked.output)
  expect(result.after.messages.filter((message) => everything(message) && message.fixable).map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([])
  const again = await fixFile(createFile(checked.output, filePath), config, everything)
  expect(again.changed).toBe(false)
  expect(again.fixed).toBe(0)
  if (filePath.endsWith('.md')) expect(inlineMarkup(checked.output)).toEqual(inlineMarkup(text))
  return checked
}

describe('--fix on the sample articles', () => {
  it.each(samples)('%s: repairs only inside the reported ranges, leaves nothing fixable, and is idempotent', async (name, text) => {
    const {output, fixed} = await checkFix(text, name)
    // The samples have spacing typos (000 has none); the diff must show them repaired.
    if (!name.startsWith('000')) {
      expect(fixed).toBeGreaterThan(0)
      expect(output).not.toBe(text)
    }
  })

  it.each(samples)('%s as Markdown: the same promises, and the markup is kept', async (name, text) => {
    await checkFix(text, name.replace(/\.txt$/u, '.md'))
  })

  it.each(samples)('%s with CRLF and a BOM: fixed as its LF twin, line endings kept', async (name, text) => {
    const lf = await fixFile(createFile(text, name), config, everything)
    const crlf = await fixFile(createFile(`\uFEFF${text.replace(/\n/gu, '\r\n')}`, name), config, everything)
    expect(String(crlf.after.value)).toBe(String(lf.after.value).replace(/\n/gu, '\r\n'))
    expect(crlf.after.data.bom).toBe(true)
    expect(crlf.fixed).toBe(lf.fixed)
  })
})

describe('--fix on generated input', () => {
  it.each(['article.md', 'article.txt'])('%s: repairs only inside the reported ranges, keeps markup, and is idempotent', async (filePath) => {
    let fixed = 0
    for (const text of generatedTexts(20261126, 60)) fixed += (await checkFix(text, filePath)).fixed
    // The generated texts must exercise the fixes: many, not a handful.
    expect(fixed).toBeGreaterThan(50)
  })
})
