/** Inline control comments in Markdown: disable-next-line, disable-line, disable/enable regions. */
import {describe, expect, it} from 'vitest'
import {lint, lintFiles} from '../src/lint.js'
import {temporaryFolders} from './helpers.js'

/** `ruleId line:column` of each message when `text` is linted as Markdown with every built-in rule on. */
const found = async (text: string, filePath = 'article.md') =>
  (await lint(text, {filePath, rules: {spelling: 'error'}})).messages.map((message) => `${message.ruleId} ${message.line}:${message.column}`)

describe('inline control comments', () => {
  it('disable-next-line switches off the named rules on the next line only', async () => {
    const text = '<!-- copydesk-disable-next-line punctuation-spacing -->\nIt was late,Albania said.\nIt was late,Kosovo said.\n'
    expect(await found(text)).toEqual(['punctuation-spacing 3:12'])
  })

  it('disable-next-line keeps the rules it does not name, and takes several ids', async () => {
    const text = '<!-- copydesk-disable-next-line spelling -->\nIt was the the end,Albania said.\n'
    expect(await found(text)).toEqual(['repeated-words 2:8', 'punctuation-spacing 2:19'])
    const both = '<!-- copydesk-disable-next-line spelling, repeated-words punctuation-spacing -->\nIt was the the end,Albania said.\n'
    expect(await found(both)).toEqual([])
  })

  it('disable-next-line without ids switches off every rule on that line', async () => {
    expect(await found('<!-- copydesk-disable-next-line -->\nIt was the the end,Albania said.\n')).toEqual([])
  })

  it('disable and enable make a region, for named rules or all', async () => {
    const text = [
      'It was late,first.',
      '',
      '<!-- copydesk-disable punctuation-spacing -->',
      '',
      'It was late,second. It was the the third.',
      '',
      '<!-- copydesk-enable punctuation-spacing -->',
      '',
      'It was late,fourth.',
      '',
      '<!-- copydesk-disable -->',
      '',
      'It was the the fifth,here.',
      '',
      '<!-- copydesk-enable -->',
      '',
      'It was the the sixth.',
      ''
    ].join('\n')
    expect(await found(text)).toEqual(['punctuation-spacing 1:12', 'repeated-words 5:28', 'punctuation-spacing 9:12', 'repeated-words 17:8'])
  })

  it('a region without an end lasts to the end of the file', async () => {
    expect(await found('Fine text,here.\n\n<!-- copydesk-disable repeated-words -->\n\nThe the end.\n\nThe the end.\n')).toEqual(['punctuation-spacing 1:10'])
  })

  it('disable-line as inline HTML switches off rules on its own line', async () => {
    const text = 'It was late,Albania said. <!-- copydesk-disable-line punctuation-spacing -->\nIt was late,Kosovo said.\n'
    expect(await found(text)).toEqual(['punctuation-spacing 2:12'])
  })

  it('a comment that spans lines disables the line after its end', async () => {
    const text = '<!--\n  copydesk-disable-next-line repeated-words\n-->\nThe the end.\nThe the end.\n'
    expect(await found(text)).toEqual(['repeated-words 5:1'])
  })

  it('is not read from code, from other comments, or from plain-text files', async () => {
    const code = '```\n<!-- copydesk-disable -->\n```\n\nThe the end.\n\n`<!-- copydesk-disable -->` The the end.\n'
    expect(await found(code)).toEqual(['repeated-words 5:1', 'repeated-words 7:29'])
    expect(await found('<!-- copydesk-disabled -->\nThe the end.\n')).toEqual(['repeated-words 2:1'])
    expect(await found('<!-- copydesk-disable-next-line -->\nThe the end.\n', 'article.txt')).toContain('repeated-words 2:1')
  })

  it('also hides what a collection rule finds at the end of a run (duplicate-across-files)', async () => {
    const copied = 'This article was produced with the help of our partners at the regional news exchange and may be republished under its licence.'
    const dir = temporaryFolders('copydesk-inline-')({
      'a.md': `${copied}\n`,
      'b.md': `<!-- copydesk-disable-next-line duplicate-across-files -->\n${copied}\n`,
      'c.md': `${copied}\n`
    })
    const files = await lintFiles(['a.md', 'b.md', 'c.md'], {cwd: dir, rules: {spelling: 'off'}})
    expect(files.map((file) => file.messages.filter((message) => message.ruleId === 'duplicate-across-files').map((message) => message.line))).toEqual([[], [], [1]])
  })
})
