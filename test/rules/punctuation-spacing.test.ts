import {describe, expect, it} from 'vitest'
import rule from '../../rules/punctuation-spacing.js'
import {OptionsError, validateOptions} from '../../src/rule.js'
import {RuleTester, runCase, type ExpectedFinding} from '../../src/testing.js'

const tester = new RuleTester()
const md = 'article.md'

/** A missing space after `mark` at `line:column`; the fix inserts the space. */
const missing = (line: number, column: number, mark: string): ExpectedFinding => ({
  line, column, endLine: line, endColumn: column + 1, message: `Missing space after \`${mark}\``, expected: [`${mark} `]
})
/** A doubled space from `column` to `endColumn`; the fix leaves one space. */
const doubled = (line: number, column: number, endColumn: number, after = 'between words'): ExpectedFinding => ({
  line, column, endLine: line, endColumn, message: `Unexpected doubled space ${after}`, expected: [' ']
})
/** Spaces before `mark` from `column` to `endColumn`; the fix removes them. */
const before = (line: number, column: number, endColumn: number, mark: string): ExpectedFinding => ({
  line, column, endLine: line, endColumn, message: `Unexpected space before \`${mark}\``, expected: ['']
})

describe('punctuation-spacing: missing space after punctuation', () => {
  tester.run(rule, {
    invalid: [
      {text: 'The alliance ensures security,NATO said.\n', errors: [missing(1, 30, ',')], output: 'The alliance ensures security, NATO said.\n'},
      {text: 'We value regional stability,Albania added.\n', errors: [missing(1, 28, ',')], output: 'We value regional stability, Albania added.\n'},
      {text: 'They doubled their efforts.Proposed changes followed.\n', errors: [missing(1, 27, '.')], output: 'They doubled their efforts. Proposed changes followed.\n'},
      // A full stop after a short word.
      {text: 'That was the end.We left.\n', errors: [missing(1, 17, '.')], output: 'That was the end. We left.\n'},
      {text: 'He stepped in.It was late.\n', errors: [missing(1, 14, '.')], output: 'He stepped in. It was late.\n'},
      {text: 'We saw him.As usual he waved.\n', errors: [missing(1, 11, '.')], output: 'We saw him. As usual he waved.\n'},
      // `; : ! ?` between words.
      {text: 'Look at this;then at that.\n', errors: [missing(1, 13, ';')], output: 'Look at this; then at that.\n'},
      {text: 'Note this:the plan works.\n', errors: [missing(1, 10, ':')], output: 'Note this: the plan works.\n'},
      {text: 'Stop it!Now we go.\n', errors: [missing(1, 8, '!')], output: 'Stop it! Now we go.\n'},
      {text: 'Did it work?Maybe not.\n', errors: [missing(1, 12, '?')], output: 'Did it work? Maybe not.\n'},
      // A mark after a number when a word follows.
      {text: 'In 2023,the economy grew.\n', errors: [missing(1, 8, ',')], output: 'In 2023, the economy grew.\n'},
      {text: 'In the 1990s,when it began.\n', errors: [missing(1, 13, ',')], output: 'In the 1990s, when it began.\n'},
      {text: 'The F-16,which flew, landed.\n', errors: [missing(1, 9, ',')], output: 'The F-16, which flew, landed.\n'},
      {text: 'It closed in 2023;then it opened.\n', errors: [missing(1, 18, ';')], output: 'It closed in 2023; then it opened.\n'},
      {text: 'It cost $2,000.The rest was paid.\n', errors: [missing(1, 15, '.')], output: 'It cost $2,000. The rest was paid.\n'},
      {text: 'See Figure 3.Results follow.\n', errors: [missing(1, 13, '.')], output: 'See Figure 3. Results follow.\n'},
      {
        name: 'every mark in one long run without spaces; the dots of a dotted name are not sentence ends',
        text: 'They met in Albania,kosovo,and,Croatia,then left.\nSee java.util.List,then go.\n',
        errors: [missing(1, 20, ','), missing(1, 27, ','), missing(1, 31, ','), missing(1, 39, ','), missing(2, 19, ',')],
        output: 'They met in Albania, kosovo, and, Croatia, then left.\nSee java.util.List, then go.\n'
      },
      {
        name: 'the examples from the README',
        text: 'We met in Albania,kosovo,and Croatia.\nNote:This is important.\nThe alliance (NATO),which grew, met.\n',
        errors: [missing(1, 18, ','), missing(1, 25, ','), missing(2, 5, ':'), missing(3, 20, ',')],
        output: 'We met in Albania, kosovo, and Croatia.\nNote: This is important.\nThe alliance (NATO), which grew, met.\n'
      },
      {
        name: 'a top-level domain that is also a sentence opener is a missing space',
        text: 'Looking back at history.In 1950 it changed.\nSave the animals.It matters.\nGive it to him.Me too.\n',
        errors: [missing(1, 24, '.'), missing(2, 17, '.'), missing(3, 15, '.')],
        output: 'Looking back at history. In 1950 it changed.\nSave the animals. It matters.\nGive it to him. Me too.\n'
      },
      {
        name: 'a comma right before an opening quote or parenthesis',
        text: 'He said,“Hello there.”\nShe answered,(quietly) that it was late.\n',
        errors: [missing(1, 8, ','), missing(2, 13, ',')],
        output: 'He said, “Hello there.”\nShe answered, (quietly) that it was late.\n'
      }
    ]
  })
})

describe('punctuation-spacing: doubled spaces', () => {
  tester.run(rule, {
    invalid: [
      {text: 'This has  two spaces in it.\n', errors: [doubled(1, 9, 11)], output: 'This has two spaces in it.\n'},
      {name: 'a no-break space followed by a space', text: 'See also\u00a0 Balkans for more.\n', errors: [doubled(1, 9, 11)], output: 'See also Balkans for more.\n'},
      {name: 'two no-break spaces', text: 'It was two\u00a0\u00a0kilometres away.\n', errors: [doubled(1, 11, 13)], output: 'It was two kilometres away.\n'},
      {
        name: 'a doubled space after a sentence when the document does not use that style',
        text: 'This ends here.  Then another begins.\n',
        errors: [doubled(1, 16, 18, 'after a sentence')],
        output: 'This ends here. Then another begins.\n'
      },
      {
        name: 'a no-break space plus a space after a sentence',
        text: 'He went home.\u00a0 Then he slept.\n',
        errors: [doubled(1, 14, 16, 'after a sentence')],
        output: 'He went home. Then he slept.\n'
      },
      {name: 'a run of three spaces is one finding covering the whole run', text: 'Three   spaces here.\n', errors: [doubled(1, 6, 9)], output: 'Three spaces here.\n'}
    ]
  })
})

describe('punctuation-spacing: space before punctuation', () => {
  tester.run(rule, {
    invalid: [
      {text: 'It was the Program .\n', errors: [before(1, 19, 20, '.')], output: 'It was the Program.\n'},
      {text: 'A word , then more.\n', errors: [before(1, 7, 8, ',')], output: 'A word, then more.\n'},
      {
        text: 'A word ; then more : ok ! yes ? no.\n',
        errors: [before(1, 7, 8, ';'), before(1, 19, 20, ':'), before(1, 24, 25, '!'), before(1, 30, 31, '?')],
        output: 'A word; then more: ok! yes? no.\n'
      },
      {name: 'all the spaces before the mark are one finding, not also a doubled space', text: 'The end   .\n', errors: [before(1, 8, 11, '.')], output: 'The end.\n'},
      {
        name: 'with the space-before check off, the same run is a doubled space',
        text: 'The end   .\n',
        options: {spaceBefore: false},
        errors: [doubled(1, 8, 11)],
        output: 'The end .\n'
      }
    ]
  })
})

describe('punctuation-spacing: places', () => {
  tester.run(rule, {
    invalid: [
      {
        name: 'lines other than the first in a plain-text file, each line its own block',
        text: 'First line is fine.\nSecond line,has one.\nThird  line has another.\nThe fourth line is fine .\n',
        errors: [missing(2, 12, ','), doubled(3, 6, 8), before(4, 24, 25, '.')],
        output: 'First line is fine.\nSecond line, has one.\nThird line has another.\nThe fourth line is fine.\n'
      },
      {
        name: 'places in the original Markdown file although markup is stripped',
        text: '# Title\n\nFirst paragraph is here.\n\nThe **alliance** ensures security,NATO said and  more.\n\nIt was the **Program** .\n',
        filePath: md,
        errors: [missing(5, 34, ','), doubled(5, 48, 50), before(7, 23, 24, '.')],
        output: '# Title\n\nFirst paragraph is here.\n\nThe **alliance** ensures security, NATO said and more.\n\nIt was the **Program**.\n'
      },
      {
        name: 'a link destination is skipped in Markdown, and what follows it is placed right',
        text: 'See [the docs](https://example.com/a,b) and *stress*,here.\n',
        filePath: md,
        errors: [missing(1, 53, ',')],
        output: 'See [the docs](https://example.com/a,b) and *stress*, here.\n'
      },
      {
        name: 'spaces across dropped link markup are reported without a fix, so that no fix can delete the markup',
        // The prose is `Read   the docs`: the `[` sits between the spaces in the source.
        text: 'Read  [ the docs](http://x.org) now.\n',
        filePath: md,
        errors: [{line: 1, column: 5, endLine: 1, endColumn: 9, message: 'Unexpected doubled space between words', expected: null}],
        output: null
      },
      {
        name: 'the words on either side of an image stay apart',
        text: 'The logo ![logo](a.png) here,and there.\n',
        filePath: md,
        errors: [missing(1, 29, ',')],
        output: 'The logo ![logo](a.png) here, and there.\n'
      },
      {
        name: 'Markdown list items and block quotes',
        text: '- A list item,with a typo.\n\n> A quoted  line.\n',
        filePath: md,
        errors: [missing(1, 14, ','), doubled(3, 11, 13)],
        output: '- A list item, with a typo.\n\n> A quoted line.\n'
      },
      {
        name: 'the same text as in the code spans below, outside code spans',
        text: 'Use security,NATO and the end.We and the word , or x  y too.\n',
        filePath: md,
        errors: [missing(1, 13, ','), missing(1, 30, '.'), before(1, 46, 47, ','), doubled(1, 53, 55)],
        output: 'Use security, NATO and the end. We and the word, or x y too.\n'
      },
      {
        name: 'a doubled space inside the text of a table cell',
        text: '| Name  | Note |\n|---|---|\n| two  spaces | y |\n',
        errors: [doubled(3, 6, 8)],
        output: '| Name  | Note |\n|---|---|\n| two spaces | y |\n'
      },
      {
        name: 'a doubled space inside the text of a Markdown table cell',
        text: '| Name  | Note |\n|---|---|\n| two  spaces | y |\n',
        filePath: md,
        errors: [doubled(3, 6, 8)],
        output: '| Name  | Note |\n|---|---|\n| two spaces | y |\n'
      }
    ],
    valid: [
      {text: 'The logo![logo](a.png),here and there.\n', filePath: md}
    ]
  })
})

describe('punctuation-spacing: look-alikes that are not flagged', () => {
  tester.run(rule, {
    valid: [
      {name: 'numbers with separators', text: 'It cost 2,000 dollars, 3.5 percent of 1,000,000 in all.\n'},
      {name: 'times and ratios', text: 'We met at 10:30 and agreed on a 3:1 split.\n'},
      {name: 'initialisms', text: 'The U.S. and the U.S.A. are large.\n'},
      {name: 'Latin abbreviations', text: 'Some, e.g. these, i.e. the ones here, at 9 a.m. today.\n'},
      {name: 'abbreviations with two letters before the dot', text: 'She is a Ph.D. student and he is not.\n'},
      {name: 'initials', text: 'J.R.R. Tolkien once lived in Washington, D. C. for a while.\n'},
      {name: 'a URL with a comma', text: 'Visit https://example.com/a,b today.\n'},
      {name: 'domains', text: 'Visit example.com, Amazon.com and www.Example.Com today.\n'},
      {name: 'e-mail addresses', text: 'Mail john.doe@example.com or Jane.Roe@Example.org for details.\n'},
      {name: 'file names', text: 'Open report.PDF and index.html now.\n'},
      {name: 'file names with other capitalized extensions', text: 'Attach scan.JPEG and notes.DOCX to the mail.\n'},
      {name: 'dotted identifiers', text: 'Use java.util.List and www.Example.Com in code.\n'},
      {name: 'version strings, dotted names and ranges', text: 'Use v1.2.3 of Node.js, see README.md and pages 1-10 today.\n'},
      {name: 'initials before a name and glued initials', text: 'J. B. Brady met The U.S.Army there.\n'},
      {name: 'colon prefixes', text: 'Write http:Example, tel:Office, mailto:Editor or xmlns:xlink in the field.\n'},
      {name: 'an ellipsis between words', text: 'Wait...What happened? Well...I think so. Wait..What now?\n'},
      {name: 'an ellipsis character', text: 'Oh…What now?\n'},
      {name: 'a spaced ellipsis', text: 'He paused ... then spoke, and so on ...\n'},
      {name: 'HTML entities', text: 'Tom &amp; Jerry and R&amp;D agreed, and AT&amp;T too.\n'},
      {name: 'a single no-break space between words', text: 'A single\u00a0NBSP here, 10\u00a0km away.\n'},
      {name: 'emoticons', text: 'Smile :) and :-) and ;) and :] are fine.\n'},
      {name: 'numbers with letters around them', text: 'Plot x1,y1 and x2,y2; use 2,000 units, 3.5 kg and 1.2.3 here.\n'},
      {name: 'a number before a single capital or a dotted version', text: 'See Section 3.B and version 1.2.Beta today.\n'},
      {name: 'punctuation inside Markdown code spans', text: 'Use `a,b` and `x.Y` here.\n', filePath: md},
      {name: 'look-alikes inside Markdown code spans', text: 'Use `security,NATO` and `the end.We` and `the word ,` or `x  y` too.\n', filePath: md},
      {name: 'indentation and trailing spaces', text: '   Indented line here.\nTrailing spaces here.   \nAnd a normal line.\n'},
      {name: 'indentation and trailing spaces in a nested Markdown list', text: '- An item\n  - A nested item here.   \n', filePath: md},
      {name: 'padding between the pipes and the text of table cells', text: '| Name  | Note |\n|---|---|\n| A  |  to go |\n'},
      {name: 'padding in Markdown table cells', text: '| Name  | Note |\n|---|---|\n| A  |  to go |\n', filePath: md}
    ]
  })
})

describe('punctuation-spacing: double spacing after sentences as a house style', () => {
  tester.run(rule, {
    invalid: [
      {
        name: 'two spaces after sentences are skipped when the document mostly uses them (three or more); a doubled space between words is not',
        text: 'The first sentence ends here.  The second one follows.\nA new line starts.  It goes on.\nThe last line ends.  And  then.\n',
        errors: [doubled(3, 25, 27)],
        output: 'The first sentence ends here.  The second one follows.\nA new line starts.  It goes on.\nThe last line ends.  And then.\n'
      },
      {
        name: 'flagged when there are fewer than three',
        text: 'One.  Two.  Three is here. Four.\n',
        errors: [doubled(1, 5, 7, 'after a sentence'), doubled(1, 11, 13, 'after a sentence')],
        output: 'One. Two. Three is here. Four.\n'
      },
      {
        name: 'flagged when single spacing is the majority',
        text: 'It ends.  Then more.  Then again.  Yet it goes on. So it is. And it was. Then it stopped. Done.\n',
        errors: [doubled(1, 9, 11, 'after a sentence'), doubled(1, 21, 23, 'after a sentence'), doubled(1, 34, 36, 'after a sentence')],
        output: 'It ends. Then more. Then again. Yet it goes on. So it is. And it was. Then it stopped. Done.\n'
      }
    ]
  })
})

describe('punctuation-spacing: options', () => {
  const text = 'The alliance said,NATO is  strong , they said.\n'
  const all = [missing(1, 18, ','), doubled(1, 26, 28), before(1, 34, 35, ',')]

  tester.run(rule, {
    invalid: [
      {name: 'all three kinds by default', text, errors: all, output: 'The alliance said, NATO is strong, they said.\n'},
      {name: 'explicit defaults', text, options: {missingSpace: true, doubledSpace: true, spaceBefore: true}, errors: all, output: 'The alliance said, NATO is strong, they said.\n'},
      {name: 'an empty options object', text, options: {}, errors: all, output: 'The alliance said, NATO is strong, they said.\n'},
      {name: '`missingSpace: false`', text, options: {missingSpace: false}, errors: [all[1], all[2]], output: 'The alliance said,NATO is strong, they said.\n'},
      {name: '`doubledSpace: false`', text, options: {doubledSpace: false}, errors: [all[0], all[2]], output: 'The alliance said, NATO is  strong, they said.\n'},
      {name: '`spaceBefore: false`', text, options: {spaceBefore: false}, errors: [all[0], all[1]], output: 'The alliance said, NATO is strong , they said.\n'}
    ],
    valid: [{name: '`doubledSpace: false` after a sentence', text: 'This ends here.  Then another begins.\n', options: {doubledSpace: false}}]
  })

  it('rejects an option of the wrong type, naming the rule and the key', async () => {
    const result = runCase(rule, {text, options: {missingSpace: 'yes'}})
    await expect(result).rejects.toBeInstanceOf(OptionsError)
    await expect(runCase(rule, {text, options: {missingSpace: 'yes'}})).rejects.toThrow(
      'option `missingSpace` of rule `punctuation-spacing` must be true or false, got "yes"'
    )
  })

  it('rejects an unknown option, naming the known ones', async () => {
    await expect(runCase(rule, {text, options: {bogus: true}})).rejects.toThrow(
      'unknown option `bogus` for rule `punctuation-spacing` (known: missingSpace, doubledSpace, spaceBefore)'
    )
  })

  it('rejects options that are not an object', async () => {
    await expect(runCase(rule, {text, options: 'yes'})).rejects.toThrow('options of rule `punctuation-spacing` must be an object')
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
