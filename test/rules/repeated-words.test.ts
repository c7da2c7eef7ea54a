import {describe, expect, it} from 'vitest'
import rule, {sameButForCase} from '../../rules/repeated-words.js'
import {RuleTester, type ExpectedFinding} from '../../src/testing.js'
import {generatedWords} from '../helpers.js'

const tester = new RuleTester()

/** `word word` from `column` to `endColumn`; the fix keeps one `word`. */
const repeat = (line: number, column: number, endColumn: number, word: string): ExpectedFinding => ({
  line, column, endLine: line, endColumn, message: `Unexpected repeated \`${word}\`, remove one occurrence`, expected: [word]
})

describe('repeated-words', () => {
  tester.run(rule, {
    invalid: [
      {
        name: 'a word written twice: the place covers both, the fix keeps one',
        text: 'Heading Line\nIt was the the best plan of all, and everyone agreed on it.\n',
        errors: [repeat(2, 8, 15, 'the')],
        output: 'Heading Line\nIt was the best plan of all, and everyone agreed on it.\n'
      },
      {
        name: 'no fix when the repeat spans dropped Markdown markup (a link)',
        text: 'It was the [the](https://example.com) best plan of all.\n',
        filePath: 'article.md',
        errors: [{line: 1, column: 8, endLine: 1, endColumn: 16, message: /`the`/u, expected: null}],
        output: null
      },
      {
        name: 'no fix when the repeat spans dropped Markdown markup (emphasis)',
        text: 'It was the **the** best plan of all.\n',
        filePath: 'article.md',
        errors: [{line: 1, column: 8, endLine: 1, endColumn: 17, expected: null}],
        output: null
      },
      {
        name: 'repeats in list items and table cells',
        text: '- This is is a list item that repeats.\n| Name | Note |\n|---|---|\n| A | to to go |\n',
        errors: [repeat(1, 8, 13, 'is'), repeat(4, 7, 12, 'to')],
        output: '- This is a list item that repeats.\n| Name | Note |\n|---|---|\n| A | to go |\n'
      },
      {
        name: '`is is` and `her her` outside the constructions that allow them',
        text: 'It is is wrong.\nI know what he did, and it is is wrong.\nThe problem is is that it fails.\nShe lost her her keys.\n',
        errors: [repeat(1, 4, 9, 'is'), repeat(2, 28, 33, 'is'), repeat(3, 13, 18, 'is'), repeat(4, 10, 17, 'her')],
        output: 'It is wrong.\nI know what he did, and it is wrong.\nThe problem is that it fails.\nShe lost her keys.\n'
      },
      {
        name: 'a capitalized repeat outside quotes and a doubled preposition after a noun',
        text: 'The the report was late.\nThe talks went on in in the capital for a week.\n',
        errors: [
          {line: 1, column: 1, endLine: 1, endColumn: 8, expected: ['The']},
          repeat(2, 19, 24, 'in')
        ],
        output: 'The report was late.\nThe talks went on in the capital for a week.\n'
      },
      {
        name: 'a doubled function word even inside quoted speech',
        text: 'Killpath said, “You were expected to to my office an hour ago.”\n',
        errors: [repeat(1, 35, 40, 'to')],
        output: 'Killpath said, “You were expected to my office an hour ago.”\n'
      },
      {
        name: 'an idiomatic double once the `allow` list is emptied',
        text: 'It was a very very long day for all of us.\n',
        options: {allow: []},
        errors: [repeat(1, 10, 19, 'very')],
        output: 'It was a very long day for all of us.\n'
      }
    ],
    valid: [
      {name: 'legitimate doubles', text: 'The best exhibition they had had since the war was that that year.\n'},
      {name: 'names and initials', text: 'Duran Duran played, and D. D. Jones came along.\n'},
      {name: 'repeats across blocks', text: 'The report ended with the word plan\nplan ahead is the title of the next line, which is its own block.\n'},
      {name: 'runs of three', text: 'It narrows down down down and finally there is nothing left of it.\n'},
      {name: 'idiomatic doubles', text: 'The crowd cheered “Hubba hubba” and waved bye bye to the band.\n'},
      {name: 'reduplications', text: 'The cheerleaders shook their pom pom and the chef grilled mahi mahi, blah blah.\n'},
      {name: 'a stutter in quoted speech', text: 'I said, “Wait wait” to Charlie, and he grinned at me.\n'},
      {name: 'an echo in quoted speech', text: '“I coulda let her go go,” he said, and looked away.\n'},
      {name: 'a particle before a preposition', text: 'When we got back, Pops let us in in the dark and said nothing.\n'},
      {name: '`is is` closing a wh-clause', text: 'What it is is a problem for the whole region.\nWhatever it was was gone by the morning.\n'},
      {name: '`is is` after `all`', text: 'All he wants is is a fair chance at the job.\n'},
      {name: '`her her` after a verb with two objects', text: 'She gave her her keys and told her her schedule.\n'},
      {name: 'an idiomatic double allowed by default', text: 'It was a very very long day for all of us.\n'}
    ]
  })
})

describe('sameButForCase', () => {
  it('tells words apart as comparing them lowercased does', () => {
    const words = [...generatedWords(11, 3000), 'The', 'THE', 'İs', 'i̇s', 'Straße', 'STRASSE', 'ΣΑΣ', 'σας', '@a', '`a']
    words.forEach((word, index) => {
      const others = [words[index + 1] ?? '', word.toUpperCase(), word.toLowerCase(), word.charAt(0).toUpperCase() + word.slice(1)]
      for (const other of others) expect(sameButForCase(word, other), `${word} ${other}`).toBe(word.toLowerCase() === other.toLowerCase())
    })
  })
})
