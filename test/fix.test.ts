/** The fix engine: which fixes are applied together (src/apply-fixes.ts), the re-lint loop and fix types (src/fix.ts). */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {builtinRules} from '../rules/index.js'
import {resolveConfig} from '../src/config.js'
import {applyFixes, certainFixes} from '../src/apply-fixes.js'
import {fixFile, fixSelector, keepFinalNewline, knownCategories, maxFixPasses, parseFixTypes} from '../src/fix.js'
import {createFile} from '../src/read.js'
import {certainFix, defineRule, type AnyRule} from '../src/rule.js'

/** A message on `text` for `[start, end)`, with a certain fix to `replacement` unless `fixable` is false. */
function message(text: string, start: number, end: number, replacement: string, fixable = true): VFileMessage {
  const file = new VFile({value: text})
  const point = (offset: number) => ({line: 1, column: offset + 1, offset})
  const made = file.message('test', {place: {start: point(start), end: point(end)}})
  if (fixable) certainFix(made, replacement)
  else made.expected = [replacement]
  return made
}

/** `applyFixes` on the certain fixes of `messages`, with the messages of the applied and skipped ones. */
function apply(text: string, messages: VFileMessage[]) {
  const result = applyFixes(text, certainFixes(messages, text.length))
  return {output: result.output, applied: result.applied.map((fix) => fix.message), skipped: result.skipped.map((fix) => fix.message)}
}

describe('applyFixes', () => {
  it('replaces the range of each certain fix and leaves the rest of the text alone', () => {
    const text = 'a,b  c d'
    const fixes = [message(text, 1, 2, ', '), message(text, 3, 5, ' '), message(text, 5, 6, 'C')]
    // The fix of `c` (5–6) touches the doubled space (3–5): it waits for the next pass.
    expect(apply(text, fixes)).toEqual({output: 'a, b c d', applied: [fixes[0], fixes[1]], skipped: [fixes[2]]})
  })

  it('applies fixes in order of place, whatever the order of the messages', () => {
    const text = 'one,two,three'
    expect(apply(text, [message(text, 7, 8, ', '), message(text, 3, 4, ', ')]).output).toBe('one, two, three')
  })

  it('skips the later of two overlapping fixes and of two insertions at one place, and makes an identical fix from two rules once', () => {
    const text = 'the the the'
    const overlapping = apply(text, [message(text, 0, 7, 'the'), message(text, 4, 11, 'the')])
    expect(overlapping.output).toBe('the the')
    expect(overlapping.skipped).toHaveLength(1)
    const insertions = apply(text, [message(text, 3, 3, ','), message(text, 3, 3, ';')])
    expect(insertions.output).toBe('the, the the')
    expect(insertions.skipped).toHaveLength(1)
    const twice = apply(text, [message(text, 0, 7, 'the'), message(text, 0, 7, 'the')])
    expect(twice).toMatchObject({output: 'the the', skipped: []})
    expect(twice.applied).toHaveLength(2)
  })

  it('ignores suggestions, several expected values, and places outside the text', () => {
    const text = 'teh cat'
    const suggestion = message(text, 0, 3, 'the', false)
    const several = message(text, 0, 3, 'the')
    several.expected = ['the', 'tech']
    const outside = message(text, 5, 12, 'x')
    const backwards = message(text, 3, 1, 'x')
    const noPlace = new VFile({value: text}).message('no place')
    noPlace.fixable = true
    noPlace.expected = ['x']
    expect(certainFixes([suggestion, several, outside, backwards, noPlace], text.length)).toEqual([])
  })

  it('writes line breaks of a replacement in the text’s own line ending', () => {
    const crlf = 'a|b\r\nc|d\r\n'
    expect(apply(crlf, [message(crlf, 3, 3, '\n|-|-|')]).output).toBe('a|b\r\n|-|-|\r\nc|d\r\n')
    const lf = 'a|b\nc|d\n'
    expect(apply(lf, [message(lf, 3, 3, '\r\n|-|-|')]).output).toBe('a|b\n|-|-|\nc|d\n')
  })
})

describe('keepFinalNewline', () => {
  it('keeps the final line ending the input had, and adds none it lacked', () => {
    expect(keepFinalNewline('a\r\n', 'b')).toBe('b\r\n')
    expect(keepFinalNewline('a', 'b\n')).toBe('b')
    expect(keepFinalNewline('a\n', 'b\n')).toBe('b\n')
    expect(keepFinalNewline('a', 'b')).toBe('b')
  })
})

/** A config with only the given rules, at error. */
function configOf(rules: readonly AnyRule[]) {
  return resolveConfig({}, undefined, {}, rules)
}

const spacingOnly = configOf(builtinRules.filter((rule) => rule.meta.id === 'punctuation-spacing'))
const spacingAndRepeats = configOf(builtinRules.filter((rule) => ['punctuation-spacing', 'repeated-words'].includes(rule.meta.id)))

describe('fixFile', () => {
  it('lints again after each pass, so that fixes held back by an overlap are made on the new text', async () => {
    // `the the,end`: the repeated word (7–14) and the missing space after `,` (14–15) touch; two passes.
    const result = await fixFile(createFile('We saw the the,end of it.\n', 'a.txt'), spacingAndRepeats, () => true)
    expect(String(result.after.value)).toBe('We saw the, end of it.\n')
    expect(result.passes).toBe(2)
    expect(result.fixed).toBe(2)
    expect(result.changed).toBe(true)
    expect(result.before.messages.map((found) => [found.ruleId, found.column])).toEqual([['repeated-words', 8], ['punctuation-spacing', 15]])
    expect(result.after.messages).toEqual([])
  })

  it('stops after the tenth pass when rules keep asking for changes', async () => {
    const restless = defineRule({
      meta: {id: 'restless', description: 'Always wants one more x.', url: 'https://example.com', category: 'spacing', fixable: true, defaultSeverity: 'error', options: {}},
      plugin() {
        return (_tree, file) => {
          const end = String(file.value).indexOf('\n')
          certainFix(file.message('More x', {place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: end + 1, offset: end}}}), String(file.value).slice(0, end) + 'x')
        }
      }
    })
    const result = await fixFile(createFile('go\n', 'a.txt'), configOf([restless]), () => true)
    expect(result.passes).toBe(maxFixPasses)
    expect(String(result.after.value)).toBe(`go${'x'.repeat(maxFixPasses)}\n`)
    expect(result.after.messages).toHaveLength(1)
  })

  it('leaves alone what an inline comment disables', async () => {
    const text = '<!-- copydesk-disable-next-line punctuation-spacing -->\nWe left.It rained,then.\n\nWe left.It rained,then.\n'
    const result = await fixFile(createFile(text, 'a.md'), spacingOnly, () => true)
    expect(String(result.after.value)).toBe('<!-- copydesk-disable-next-line punctuation-spacing -->\nWe left.It rained,then.\n\nWe left. It rained, then.\n')
  })

  it('keeps the BOM flag and changes nothing in a file with nothing to fix', async () => {
    const file = createFile('\uFEFFA clean line, well spaced.\n', 'a.txt')
    const result = await fixFile(file, spacingOnly, () => true)
    expect(result.changed).toBe(false)
    expect(result.passes).toBe(0)
    expect(result.after.data.bom).toBe(true)
  })

  it('returns a file that could not be read as it is', async () => {
    const unreadable = new VFile({path: 'gone.txt'})
    unreadable.message('File not found', {ruleId: 'file-error'}).fatal = true
    const result = await fixFile(unreadable, spacingOnly, () => true)
    expect(result).toMatchObject({before: unreadable, after: unreadable, changed: false, fixed: 0})
  })
})

describe('fix types', () => {
  const speller = defineRule({
    meta: {id: 'fake-spelling', description: 'Fixes teh.', url: 'https://example.com', category: 'spelling', fixable: true, defaultSeverity: 'warn', options: {}},
    plugin() {
      return (_tree, file) => {
        const at = String(file.value).indexOf('teh')
        if (at >= 0) certainFix(file.message('Unexpected `teh`', {place: {start: {line: 1, column: at + 1, offset: at}, end: {line: 1, column: at + 4, offset: at + 3}}}), 'the')
      }
    }
  })
  const config = configOf([...builtinRules.filter((rule) => rule.meta.id === 'punctuation-spacing'), speller])
  const text = 'We saw teh end,then left.\n'

  it('fixes every category but spelling by default', async () => {
    expect(String((await fixFile(createFile(text, 'a.txt'), config, fixSelector(config))).after.value)).toBe('We saw teh end, then left.\n')
  })

  it('fixes spelling only when asked for by name, and only the categories asked for', async () => {
    expect(String((await fixFile(createFile(text, 'a.txt'), config, fixSelector(config, new Set(['spelling'])))).after.value)).toBe('We saw the end,then left.\n')
    const both = await fixFile(createFile(text, 'a.txt'), config, fixSelector(config, new Set(['spelling', 'spacing'])))
    expect(String(both.after.value)).toBe('We saw the end, then left.\n')
  })

  it('never fixes a message of a rule the config does not run', () => {
    const stray = message('x', 0, 1, 'y')
    stray.ruleId = 'not-a-rule'
    expect(fixSelector(config, new Set(['spacing']))(stray)).toBe(false)
  })

  it('parses --fix-type lists and rejects unknown names', () => {
    const known = knownCategories(builtinRules)
    expect(known).toEqual(expect.arrayContaining(['spacing', 'capitalization', 'table', 'duplicate', 'spelling', 'repetition']))
    expect([...parseFixTypes(['spacing,table', 'repetition'], known)]).toEqual(['spacing', 'table', 'repetition'])
    expect(() => parseFixTypes(['spaceing'], known)).toThrow(/unknown fix type `spaceing` \(known: spacing, /)
    expect(() => parseFixTypes([','], known)).toThrow(/needs at least one category/)
  })
})
