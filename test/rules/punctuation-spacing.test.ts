import {describe, expect, it} from 'vitest'
import rule from '../../rules/punctuation-spacing.js'
import {ConfigError} from '../../src/config.js'
import {OptionsError, validateOptions} from '../../src/rule.js'
import {check, type Found} from '../helpers.js'

const ruleId = 'punctuation-spacing'

/** `[line, column, endLine, endColumn]` of each finding, to compare places compactly. */
const places = (found: Found[]) => found.map(({line, column, endLine, endColumn}) => [line, column, endLine, endColumn])

describe('punctuation-spacing: missing space after punctuation', () => {
  it('flags a comma between two words', async () => {
    expect(await check(ruleId, 'The alliance ensures security,NATO said.\n')).toEqual([
      {ruleId, line: 1, column: 30, endLine: 1, endColumn: 31, reason: 'Missing space after `,`', expected: [', '], fixable: true}
    ])
    expect(await check(ruleId, 'We value regional stability,Albania added.\n')).toEqual([
      {ruleId, line: 1, column: 28, endLine: 1, endColumn: 29, reason: 'Missing space after `,`', expected: [', '], fixable: true}
    ])
  })

  it('flags a full stop between a lowercase letter and a capitalized word', async () => {
    expect(await check(ruleId, 'They doubled their efforts.Proposed changes followed.\n')).toEqual([
      {ruleId, line: 1, column: 27, endLine: 1, endColumn: 28, reason: 'Missing space after `.`', expected: ['. '], fixable: true}
    ])
  })

  it.each([
    ['That was the end.We left.', 17],
    ['He stepped in.It was late.', 14],
    ['We saw him.As usual he waved.', 11]
  ])('flags a full stop after a short word: %j', async (text, column) => {
    expect(await check(ruleId, text + '\n')).toEqual([
      {ruleId, line: 1, column, endLine: 1, endColumn: column + 1, reason: 'Missing space after `.`', expected: ['. '], fixable: true}
    ])
  })

  it.each([
    [';', 'Look at this;then at that.', 13],
    [':', 'Note this:the plan works.', 10],
    ['!', 'Stop it!Now we go.', 8],
    ['?', 'Did it work?Maybe not.', 12]
  ])('flags `%s` between words', async (mark, text, column) => {
    expect(await check(ruleId, text + '\n')).toEqual([
      {ruleId, line: 1, column, endLine: 1, endColumn: column + 1, reason: `Missing space after \`${mark}\``, expected: [`${mark} `], fixable: true}
    ])
  })

  it.each([
    ['In 2023,the economy grew.', ',', 8],
    ['In the 1990s,when it began.', ',', 13],
    ['The F-16,which flew, landed.', ',', 9],
    ['It closed in 2023;then it opened.', ';', 18],
    ['It cost $2,000.The rest was paid.', '.', 15],
    ['See Figure 3.Results follow.', '.', 13]
  ])('flags a mark after a number when a word follows: %j', async (text, mark, column) => {
    expect(await check(ruleId, text + '\n')).toEqual([
      {ruleId, line: 1, column, endLine: 1, endColumn: column + 1, reason: `Missing space after \`${mark}\``, expected: [`${mark} `], fixable: true}
    ])
  })

  it('flags every mark in one long run without spaces, and judges each run on its own', async () => {
    const text = 'They met in Albania,kosovo,and,Croatia,then left.\nSee java.util.List,then go.\n'
    expect(places(await check(ruleId, text))).toEqual([
      [1, 20, 1, 21],
      [1, 27, 1, 28],
      [1, 31, 1, 32],
      [1, 39, 1, 40],
      // The dots of the dotted name are not sentence ends; the comma after it is a missing space.
      [2, 19, 2, 20]
    ])
  })

  it('flags the examples from the README', async () => {
    const text = 'We met in Albania,kosovo,and Croatia.\nNote:This is important.\nThe alliance (NATO),which grew, met.\n'
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 1, column: 18, endLine: 1, endColumn: 19, reason: 'Missing space after `,`', expected: [', '], fixable: true},
      {ruleId, line: 1, column: 25, endLine: 1, endColumn: 26, reason: 'Missing space after `,`', expected: [', '], fixable: true},
      {ruleId, line: 2, column: 5, endLine: 2, endColumn: 6, reason: 'Missing space after `:`', expected: [': '], fixable: true},
      {ruleId, line: 3, column: 20, endLine: 3, endColumn: 21, reason: 'Missing space after `,`', expected: [', '], fixable: true}
    ])
  })

  it('reads a top-level domain that is also a sentence opener as a missing space', async () => {
    const text = 'Looking back at history.In 1950 it changed.\nSave the animals.It matters.\nGive it to him.Me too.\n'
    expect(places(await check(ruleId, text))).toEqual([
      [1, 24, 1, 25],
      [2, 17, 2, 18],
      [3, 15, 3, 16]
    ])
  })

  it('flags a comma right before an opening quote or parenthesis', async () => {
    const found = await check(ruleId, 'He said,“Hello there.”\nShe answered,(quietly) that it was late.\n')
    expect(found).toEqual([
      {ruleId, line: 1, column: 8, endLine: 1, endColumn: 9, reason: 'Missing space after `,`', expected: [', '], fixable: true},
      {ruleId, line: 2, column: 13, endLine: 2, endColumn: 14, reason: 'Missing space after `,`', expected: [', '], fixable: true}
    ])
  })
})

describe('punctuation-spacing: doubled spaces', () => {
  it('flags two spaces between words', async () => {
    expect(await check(ruleId, 'This has  two spaces in it.\n')).toEqual([
      {ruleId, line: 1, column: 9, endLine: 1, endColumn: 11, reason: 'Unexpected doubled space between words', expected: [' '], fixable: true}
    ])
  })

  it('flags a no-break space followed by a space, and two no-break spaces', async () => {
    expect(await check(ruleId, 'See also\u00a0 Balkans for more.\n')).toEqual([
      {ruleId, line: 1, column: 9, endLine: 1, endColumn: 11, reason: 'Unexpected doubled space between words', expected: [' '], fixable: true}
    ])
    expect(places(await check(ruleId, 'It was two\u00a0\u00a0kilometres away.\n'))).toEqual([[1, 11, 1, 13]])
  })

  it('flags a doubled space after a sentence when the document does not use that style', async () => {
    expect(await check(ruleId, 'This ends here.  Then another begins.\n')).toEqual([
      {ruleId, line: 1, column: 16, endLine: 1, endColumn: 18, reason: 'Unexpected doubled space after a sentence', expected: [' '], fixable: true}
    ])
    // A no-break space plus a space after a sentence is doubled too.
    expect(places(await check(ruleId, 'He went home.\u00a0 Then he slept.\n'))).toEqual([[1, 14, 1, 16]])
  })

  it('flags a run of three spaces as one finding covering the whole run', async () => {
    expect(places(await check(ruleId, 'Three   spaces here.\n'))).toEqual([[1, 6, 1, 9]])
  })
})

describe('punctuation-spacing: space before punctuation', () => {
  it('flags a space before a full stop and before a comma', async () => {
    expect(await check(ruleId, 'It was the Program .\n')).toEqual([
      {ruleId, line: 1, column: 19, endLine: 1, endColumn: 20, reason: 'Unexpected space before `.`', expected: [''], fixable: true}
    ])
    expect(await check(ruleId, 'A word , then more.\n')).toEqual([
      {ruleId, line: 1, column: 7, endLine: 1, endColumn: 8, reason: 'Unexpected space before `,`', expected: [''], fixable: true}
    ])
  })

  it('flags a space before `; : ! ?`', async () => {
    const found = await check(ruleId, 'A word ; then more : ok ! yes ? no.\n')
    expect(found.map(({line, column, endColumn, reason, expected, fixable}) => ({line, column, endColumn, reason, expected, fixable}))).toEqual([
      {line: 1, column: 7, endColumn: 8, reason: 'Unexpected space before `;`', expected: [''], fixable: true},
      {line: 1, column: 19, endColumn: 20, reason: 'Unexpected space before `:`', expected: [''], fixable: true},
      {line: 1, column: 24, endColumn: 25, reason: 'Unexpected space before `!`', expected: [''], fixable: true},
      {line: 1, column: 30, endColumn: 31, reason: 'Unexpected space before `?`', expected: [''], fixable: true}
    ])
  })

  it('flags all the spaces before the mark as one finding, not also as a doubled space', async () => {
    expect(await check(ruleId, 'The end   .\n')).toEqual([
      {ruleId, line: 1, column: 8, endLine: 1, endColumn: 11, reason: 'Unexpected space before `.`', expected: [''], fixable: true}
    ])
    // With the space-before check off, the same run is a doubled space.
    expect(await check(ruleId, 'The end   .\n', {spaceBefore: false})).toEqual([
      {ruleId, line: 1, column: 8, endLine: 1, endColumn: 11, reason: 'Unexpected doubled space between words', expected: [' '], fixable: true}
    ])
  })
})

describe('punctuation-spacing: places', () => {
  it('reports lines other than the first in a plain-text file, each line its own block', async () => {
    const text = 'First line is fine.\nSecond line,has one.\nThird  line has another.\nThe fourth line is fine .\n'
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 2, column: 12, endLine: 2, endColumn: 13, reason: 'Missing space after `,`', expected: [', '], fixable: true},
      {ruleId, line: 3, column: 6, endLine: 3, endColumn: 8, reason: 'Unexpected doubled space between words', expected: [' '], fixable: true},
      {ruleId, line: 4, column: 24, endLine: 4, endColumn: 25, reason: 'Unexpected space before `.`', expected: [''], fixable: true}
    ])
  })

  it('points into the original Markdown file although markup is stripped', async () => {
    const text = '# Title\n\nFirst paragraph is here.\n\nThe **alliance** ensures security,NATO said and  more.\n\nIt was the **Program** .\n'
    expect(await check(ruleId, text, undefined, 'article.md')).toEqual([
      {ruleId, line: 5, column: 34, endLine: 5, endColumn: 35, reason: 'Missing space after `,`', expected: [', '], fixable: true},
      {ruleId, line: 5, column: 48, endLine: 5, endColumn: 50, reason: 'Unexpected doubled space between words', expected: [' '], fixable: true},
      {ruleId, line: 7, column: 23, endLine: 7, endColumn: 24, reason: 'Unexpected space before `.`', expected: [''], fixable: true}
    ])
  })

  it('skips a link destination in Markdown and still places what follows it', async () => {
    const text = 'See [the docs](https://example.com/a,b) and *stress*,here.\n'
    expect(await check(ruleId, text, undefined, 'article.md')).toEqual([
      {ruleId, line: 1, column: 53, endLine: 1, endColumn: 54, reason: 'Missing space after `,`', expected: [', '], fixable: true}
    ])
  })

  it('reports spaces across dropped link markup without a fix, so that no fix can delete the markup', async () => {
    // The prose is `Read   the docs`: the `[` sits between the spaces in the source.
    expect(await check(ruleId, 'Read  [ the docs](http://x.org) now.\n', undefined, 'article.md')).toEqual([
      {ruleId, line: 1, column: 5, endLine: 1, endColumn: 9, reason: 'Unexpected doubled space between words'}
    ])
  })

  it('keeps the words on either side of an image apart', async () => {
    expect(await check(ruleId, 'The logo![logo](a.png),here and there.\n', undefined, 'article.md')).toEqual([])
    expect(places(await check(ruleId, 'The logo ![logo](a.png) here,and there.\n', undefined, 'article.md'))).toEqual([[1, 29, 1, 30]])
  })

  it('checks Markdown list items and block quotes', async () => {
    const text = '- A list item,with a typo.\n\n> A quoted  line.\n'
    expect(places(await check(ruleId, text, undefined, 'article.md'))).toEqual([
      [1, 14, 1, 15],
      [3, 11, 3, 13]
    ])
  })
})

describe('punctuation-spacing: look-alikes that are not flagged', () => {
  it.each([
    ['numbers with separators', 'It cost 2,000 dollars, 3.5 percent of 1,000,000 in all.'],
    ['times and ratios', 'We met at 10:30 and agreed on a 3:1 split.'],
    ['initialisms', 'The U.S. and the U.S.A. are large.'],
    ['Latin abbreviations', 'Some, e.g. these, i.e. the ones here, at 9 a.m. today.'],
    ['abbreviations with two letters before the dot', 'She is a Ph.D. student and he is not.'],
    ['initials', 'J.R.R. Tolkien once lived in Washington, D. C. for a while.'],
    ['a URL with a comma', 'Visit https://example.com/a,b today.'],
    ['domains', 'Visit example.com, Amazon.com and www.Example.Com today.'],
    ['e-mail addresses', 'Mail john.doe@example.com or Jane.Roe@Example.org for details.'],
    ['file names', 'Open report.PDF and index.html now.'],
    ['file names with other capitalized extensions', 'Attach scan.JPEG and notes.DOCX to the mail.'],
    ['dotted identifiers', 'Use java.util.List and www.Example.Com in code.'],
    ['version strings, dotted names and ranges', 'Use v1.2.3 of Node.js, see README.md and pages 1-10 today.'],
    ['initials before a name and glued initials', 'J. B. Brady met The U.S.Army there.'],
    ['colon prefixes', 'Write http:Example, tel:Office, mailto:Editor or xmlns:xlink in the field.'],
    ['an ellipsis between words', 'Wait...What happened? Well...I think so. Wait..What now?'],
    ['an ellipsis character', 'Oh…What now?'],
    ['a spaced ellipsis', 'He paused ... then spoke, and so on ...'],
    ['HTML entities', 'Tom &amp; Jerry and R&amp;D agreed, and AT&amp;T too.'],
    ['a single no-break space between words', 'A single\u00a0NBSP here, 10\u00a0km away.'],
    ['emoticons', 'Smile :) and :-) and ;) and :] are fine.'],
    ['numbers with letters around them', 'Plot x1,y1 and x2,y2; use 2,000 units, 3.5 kg and 1.2.3 here.'],
    ['a number before a single capital or a dotted version', 'See Section 3.B and version 1.2.Beta today.']
  ])('%s', async (_name, text) => {
    expect(await check(ruleId, text + '\n')).toEqual([])
  })

  it('does not flag punctuation inside Markdown code spans', async () => {
    expect(await check(ruleId, 'Use `a,b` and `x.Y` here.\n', undefined, 'article.md')).toEqual([])
    const text = 'Use `security,NATO` and `the end.We` and `the word ,` or `x  y` too.\n'
    expect(await check(ruleId, text, undefined, 'article.md')).toEqual([])
  })

  it('does flag the same text outside code spans in Markdown', async () => {
    const text = 'Use security,NATO and the end.We and the word , or x  y too.\n'
    expect(places(await check(ruleId, text, undefined, 'article.md'))).toEqual([
      [1, 13, 1, 14],
      [1, 30, 1, 31],
      [1, 46, 1, 47],
      [1, 53, 1, 55]
    ])
  })

  it('does not count indentation or trailing spaces as doubled spaces', async () => {
    const text = '   Indented line here.\nTrailing spaces here.   \nAnd a normal line.\n'
    expect(await check(ruleId, text)).toEqual([])
    const markdown = '- An item\n  - A nested item here.   \n'
    expect(await check(ruleId, markdown, undefined, 'article.md')).toEqual([])
  })

  it('does not flag padding between the pipes and the text of table cells', async () => {
    const text = '| Name  | Note |\n|---|---|\n| A  |  to go |\n'
    expect(await check(ruleId, text)).toEqual([])
    expect(await check(ruleId, text, undefined, 'article.md')).toEqual([])
  })

  it('still flags a doubled space inside the text of a table cell', async () => {
    const text = '| Name  | Note |\n|---|---|\n| two  spaces | y |\n'
    const expected = [{ruleId, line: 3, column: 6, endLine: 3, endColumn: 8, reason: 'Unexpected doubled space between words', expected: [' '], fixable: true}]
    expect(await check(ruleId, text)).toEqual(expected)
    expect(await check(ruleId, text, undefined, 'article.md')).toEqual(expected)
  })
})

describe('punctuation-spacing: double spacing after sentences as a house style', () => {
  it('skips two spaces after sentences when the document mostly uses them (at least three)', async () => {
    const text = 'The first sentence ends here.  The second one follows.\nA new line starts.  It goes on.\nThe last line ends.  And  then.\n'
    // Only the doubled space between words is flagged.
    expect(await check(ruleId, text)).toEqual([
      {ruleId, line: 3, column: 25, endLine: 3, endColumn: 27, reason: 'Unexpected doubled space between words', expected: [' '], fixable: true}
    ])
  })

  it('flags them when there are fewer than three', async () => {
    const found = await check(ruleId, 'One.  Two.  Three is here. Four.\n')
    expect(found.map(({column, reason}) => [column, reason])).toEqual([
      [5, 'Unexpected doubled space after a sentence'],
      [11, 'Unexpected doubled space after a sentence']
    ])
  })

  it('flags them when single spacing is the majority', async () => {
    const text = 'It ends.  Then more.  Then again.  Yet it goes on. So it is. And it was. Then it stopped. Done.\n'
    expect(places(await check(ruleId, text))).toEqual([
      [1, 9, 1, 11],
      [1, 21, 1, 23],
      [1, 34, 1, 36]
    ])
  })
})

describe('punctuation-spacing: options', () => {
  const text = 'The alliance said,NATO is  strong , they said.\n'

  it('reports all three kinds by default', async () => {
    const found = await check(ruleId, text)
    expect(found.map(({column, reason}) => [column, reason])).toEqual([
      [18, 'Missing space after `,`'],
      [26, 'Unexpected doubled space between words'],
      [34, 'Unexpected space before `,`']
    ])
  })

  it('`missingSpace: false` turns off only the missing-space check', async () => {
    const found = await check(ruleId, text, {missingSpace: false})
    expect(found.map(({column}) => column)).toEqual([26, 34])
  })

  it('`doubledSpace: false` turns off only the doubled-space check', async () => {
    const found = await check(ruleId, text, {doubledSpace: false})
    expect(found.map(({column}) => column)).toEqual([18, 34])
    expect(await check(ruleId, 'This ends here.  Then another begins.\n', {doubledSpace: false})).toEqual([])
  })

  it('`spaceBefore: false` turns off only the space-before check', async () => {
    const found = await check(ruleId, text, {spaceBefore: false})
    expect(found.map(({column}) => column)).toEqual([18, 26])
  })

  it('accepts explicit defaults and an empty object', async () => {
    expect(await check(ruleId, text, {missingSpace: true, doubledSpace: true, spaceBefore: true})).toHaveLength(3)
    expect(await check(ruleId, text, {})).toHaveLength(3)
  })

  it('rejects an option of the wrong type: lint throws a ConfigError', async () => {
    const result = check(ruleId, text, {missingSpace: 'yes'})
    await expect(result).rejects.toBeInstanceOf(ConfigError)
    await expect(check(ruleId, text, {missingSpace: 'yes'})).rejects.toThrow(
      '--rule punctuation-spacing.missingSpace: option `missingSpace` of rule `punctuation-spacing` must be true or false, got "yes"'
    )
  })

  it('rejects an unknown option, naming the known ones', async () => {
    await expect(check(ruleId, text, {bogus: true})).rejects.toThrow(
      '--rule punctuation-spacing.bogus: unknown option `bogus` for rule `punctuation-spacing` (known: missingSpace, doubledSpace, spaceBefore)'
    )
  })

  it('rejects options that are not an object', async () => {
    await expect(check(ruleId, text, 'yes')).rejects.toThrow('options of rule `punctuation-spacing` must be an object')
  })

  it('validateOptions fills in defaults and throws OptionsError with the offending key', () => {
    expect(validateOptions(rule.meta, undefined)).toEqual({missingSpace: true, doubledSpace: true, spaceBefore: true})
    expect(validateOptions(rule.meta, {spaceBefore: false})).toEqual({missingSpace: true, doubledSpace: true, spaceBefore: false})
    expect(() => validateOptions(rule.meta, {doubledSpace: 1})).toThrow(OptionsError)
    try {
      validateOptions(rule.meta, {doubledSpace: 1})
    } catch (error) {
      expect((error as OptionsError).key).toBe('doubledSpace')
    }
  })
})
