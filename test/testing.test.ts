/** The rule tester itself: it passes correct cases and fails wrong ones, with a reason. */
import {describe, expect, it} from 'vitest'
import {VFileMessage} from 'vfile-message'
import {builtinRules} from '../rules/index.js'
import {getArticle} from '../src/parse/article.js'
import {inLiteral, proseRange} from '../src/parse/prose.js'
import {certainFix, defineRule} from '../src/rule.js'
import {applyFixes, assertInvalid, assertValid, certainFixes, RuleTester, runCase} from '../src/testing.js'

/** A small custom rule: `utilize` is flagged; the fix is `use`. */
const noUtilize = defineRule({
  meta: {
    id: 'no-utilize',
    description: 'Flags `utilize`.',
    url: 'https://example.com/no-utilize',
    category: 'house-style',
    fixable: true,
    defaultSeverity: 'warn',
    options: {fix: {type: 'boolean', default: true, description: 'Offer `use` as a certain fix.'}}
  },
  plugin(options) {
    return (_tree, file) => {
      const article = getArticle(file)
      for (const prose of article.prose) {
        for (const match of prose.text.matchAll(/\butilize\b/gu)) {
          if (inLiteral(prose.literals, match.index)) continue
          const message = file.message('Unexpected `utilize`, expected `use`', {place: proseRange(prose, article.toPoint, match.index, match.index + 7)})
          if (options.fix) certainFix(message, 'use')
        }
      }
    }
  }
})

const noFixClaim = defineRule({...noUtilize, meta: {...noUtilize.meta, id: 'no-fix-claim', fixable: false}})
const crashing = defineRule({
  meta: {...noUtilize.meta, id: 'crashing', options: {}},
  plugin: () => () => {
    throw new Error('boom')
  }
})

const text = 'We utilize tools.\n'
const finding = {line: 1, column: 4, endLine: 1, endColumn: 11, message: 'Unexpected `utilize`, expected `use`', expected: ['use']}

describe('RuleTester on a custom rule', () => {
  new RuleTester().run(noUtilize, {
    valid: ['We use tools.\n', {text: 'We `utilize` code.\n', filePath: 'a.md', name: 'a code span'}],
    invalid: [
      {text, errors: [finding], output: 'We use tools.\n'},
      {text: '# Title\n\nWe **utilize** it.\n', filePath: 'a.md', errors: [{line: 3, column: 6, message: /utilize/u}], output: '# Title\n\nWe **use** it.\n'},
      {text, options: {fix: false}, errors: [{...finding, expected: null}], output: null}
    ]
  })
})

describe('the tester fails wrong cases', () => {
  it('a valid case with a finding', async () => {
    await expect(assertValid(noUtilize, text)).rejects.toThrow(/a valid text must have no findings/u)
  })

  it('a wrong column, message, end, count or rule id', async () => {
    await expect(assertInvalid(noUtilize, {text, errors: [{...finding, column: 5}], output: 'We use tools.\n'})).rejects.toThrow()
    await expect(assertInvalid(noUtilize, {text, errors: [{...finding, message: 'Other'}], output: 'We use tools.\n'})).rejects.toThrow()
    await expect(assertInvalid(noUtilize, {text, errors: [{...finding, endColumn: 12}], output: 'We use tools.\n'})).rejects.toThrow()
    await expect(assertInvalid(noUtilize, {text, errors: [finding, finding], output: 'We use tools.\n'})).rejects.toThrow()
    await expect(assertInvalid(noUtilize, {text, errors: [{...finding, ruleId: 'other'}], output: 'We use tools.\n'})).rejects.toThrow()
    await expect(assertInvalid(noUtilize, {text, errors: [{...finding, expected: null}], output: 'We use tools.\n'})).rejects.toThrow()
  })

  it('a wrong output, a missing output where the rule fixes, and `output: null` where it fixes', async () => {
    await expect(assertInvalid(noUtilize, {text, errors: [finding], output: 'We employ tools.\n'})).rejects.toThrow(/certain fixes/u)
    await expect(assertInvalid(noUtilize, {text, errors: [finding]})).rejects.toThrow('the rule fixes this text: add `output` with the fixed text, "We use tools.\\n"')
    await expect(assertInvalid(noUtilize, {text, errors: [finding], output: null})).rejects.toThrow()
  })

  it('an invalid case without errors, or an expected finding without line and column', async () => {
    await expect(assertInvalid(noUtilize, {text, errors: []})).rejects.toThrow('an invalid case needs `errors`')
    await expect(assertInvalid(noUtilize, {text, errors: [{line: 1} as never]})).rejects.toThrow('every expected finding needs `line` and `column`')
  })

  it('a rule that throws, and a certain fix from a rule whose meta says it fixes nothing', async () => {
    await expect(runCase(crashing, {text})).rejects.toThrow('rule `crashing` threw: copydesk failed on this file: boom')
    await expect(runCase(noFixClaim, {text})).rejects.toThrow('rule `no-fix-claim` offers a certain fix but its meta says `fixable: false`')
  })
})

describe('applyFixes', () => {
  const fix = (start: number, end: number, replacement: string) => {
    const message = new VFileMessage('x', {place: {start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: end + 1, offset: end}}})
    certainFix(message, replacement)
    return message
  }

  it('applies fixes in source order, and skips one that overlaps or touches an applied one (--fix tries it on the next pass)', () => {
    const messages = [fix(6, 7, ''), fix(0, 3, 'One'), fix(4, 5, '_'), fix(2, 5, 'zzz'), fix(3, 4, '-')]
    const result = applyFixes('abcdefgh', certainFixes(messages))
    expect(result.output).toBe('Oned_fh')
    expect(result.applied.map((applied) => applied.message)).toEqual([messages[1], messages[2], messages[0]])
    expect(result.skipped.map((skipped) => skipped.message)).toEqual([messages[3], messages[4]])
  })

  it('leaves suggestions alone: only messages marked by certainFix count', () => {
    const suggestion = new VFileMessage('x', {place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}}})
    suggestion.expected = ['Z']
    expect(certainFixes([suggestion])).toEqual([])
  })
})

describe('RuleTester on a collection rule (files compared in one run)', () => {
  const rule = builtinRules.find((candidate) => candidate.meta.id === 'duplicate-across-files')!
  const copied = 'This article was produced with the help of our partners at the regional news exchange and may be republished under its licence.'
  const other = 'The ministers also discussed energy prices, the coming elections in the region and the future of the railway line to the coast.'

  new RuleTester().run(rule, {
    valid: [{name: 'different paragraphs', files: {'a.txt': `${copied}\n`, 'b.txt': `${other}\n`}}],
    invalid: [
      {
        name: 'the later copy is flagged, naming the first',
        files: {'a.txt': `${copied}\n`, 'b.txt': `${other}\n${copied}\n`},
        errors: [{path: 'b.txt', line: 2, column: 1, message: /copied from a\.txt:1/u}]
      }
    ]
  })

  it('fails a case whose finding names the wrong file', async () => {
    const files = {'a.txt': `${copied}\n`, 'b.txt': `${copied}\n`}
    await expect(assertInvalid(rule, {files, errors: [{path: 'a.txt', line: 1, column: 1}]})).rejects.toThrow()
    await expect(assertValid(rule, {files})).rejects.toThrow(/a valid text must have no findings/u)
  })
})
