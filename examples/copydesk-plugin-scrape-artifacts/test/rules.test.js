/**
 * The plugin's rules, tested with copydesk's rule tester: texts each rule must flag, with the
 * place and message, and the look-alikes it must leave alone.
 */
import {describe} from 'vitest'
import {RuleTester} from 'copydesk/testing'
import advertisement from '../rules/advertisement.js'
import fillerConclusion from '../rules/filler-conclusion.js'
import relatedLink from '../rules/related-link.js'
import shareButtons from '../rules/share-buttons.js'
import trailingBlankLines from '../rules/trailing-blank-lines.js'

const tester = new RuleTester()
const intro = 'The ministers met in Tirana on Monday to discuss regional security.\n'

describe('related-link', () => {
  tester.run(relatedLink, {
    invalid: [
      {
        name: 'the line from the seed article, with its no-break space',
        text: `${intro}See also\u00a0 Balkans Unite: The Supermarket Boycott Movement Gains Momentum\nThe talks went on.\n`,
        errors: [{line: 2, column: 1, endLine: 2, endColumn: 73, message: 'Unexpected related-link line `See also`: a scraping artifact'}]
      },
      {
        name: 'cues with a colon, a dash or a guillemet',
        text: `${intro}Related: Serbia and Kosovo Agree on Energy Deal\nRead more: Montenegro Joins the Talks\nYou may also like » 10 Things to Know About NATO\n`,
        errors: [
          {line: 2, column: 1, message: 'Unexpected related-link line `Related`: a scraping artifact'},
          {line: 3, column: 1, message: 'Unexpected related-link line `Read more`: a scraping artifact'},
          {line: 4, column: 1, message: 'Unexpected related-link line `You may also like`: a scraping artifact'}
        ]
      },
      {
        name: 'bare link text',
        text: `${intro}Read more\nContinue reading…\n`,
        errors: [
          {line: 2, column: 1, endColumn: 10, message: 'Unexpected `Read more` link text: a scraping artifact'},
          {line: 3, column: 1, message: 'Unexpected `Continue reading…` link text: a scraping artifact'}
        ]
      },
      {
        name: 'a Markdown link after the cue',
        text: `${intro}\nSee also: [Balkans Unite](https://example.com/balkans)\n`,
        filePath: 'article.md',
        errors: [{line: 3, column: 1, endColumn: 55}]
      },
      {
        name: 'a list item',
        text: `${intro}- Related: Serbia and Kosovo Agree on Energy Deal\n`,
        errors: [{line: 2, column: 3}]
      }
    ],
    valid: [
      {name: 'a sentence that starts with a cue', text: `${intro}See also the report by the ministry, which says more.\n`},
      {name: 'a cue followed by lowercase prose', text: `${intro}Read more about how the talks began in the annex\n`},
      {name: 'a long sentence after a cue', text: `${intro}Related: the ministers said that the talks, which began in March, would continue until the end of the year at the latest\n`},
      {name: 'the cue inside a sentence', text: `${intro}Officials urged readers to see also the annex: it lists every measure.\n`},
      {name: 'a table cell', text: '| Name | Note |\n|---|---|\n| Read more | Related: Serbia Deal |\n'},
      {name: 'the words in quotes', text: `${intro}The button said “Read more” in small print.\n`}
    ]
  })
})

describe('advertisement', () => {
  tester.run(advertisement, {
    invalid: [
      {
        text: `${intro}Advertisement\nThe talks went on.\nSTORY CONTINUES BELOW ADVERTISEMENT\n`,
        errors: [
          {line: 2, column: 1, endLine: 2, endColumn: 14, message: 'Unexpected ad label `Advertisement`: a scraping artifact'},
          {line: 3 + 1, column: 1, message: 'Unexpected ad label `STORY CONTINUES BELOW ADVERTISEMENT`: a scraping artifact'}
        ]
      },
      {name: 'Markdown emphasis around the label', text: `${intro}\n*Sponsored content*\n`, filePath: 'article.md', errors: [{line: 3, column: 1, endColumn: 20}]}
    ],
    valid: [
      {name: 'the word in a sentence', text: `${intro}The advertisement ran for a week.\nAdvertisement revenue fell.\n`},
      {name: 'a heading about ads', text: `${intro}Advertisement Rules\nThe new rules on advertisement apply from May.\n`}
    ]
  })
})

describe('share-buttons', () => {
  tester.run(shareButtons, {
    invalid: [
      {
        text: `${intro}Share  Tweet  Email\nShare on Facebook | Share on X\nShare this article\n`,
        errors: [
          {line: 2, column: 1, endColumn: 20, message: 'Unexpected share-button text `Share  Tweet  Email`: a scraping artifact'},
          {line: 3, column: 1, message: 'Unexpected share-button text `Share on Facebook | Share on X`: a scraping artifact'},
          {line: 4, column: 1, message: 'Unexpected share-button text `Share this article`: a scraping artifact'}
        ]
      }
    ],
    valid: [
      {name: 'one button word alone', text: `${intro}Share\nThe talks went on.\n`},
      {name: 'sentences about sharing', text: `${intro}Share the load, the minister said.\nThey will share intelligence on Facebook groups and email.\n`},
      {name: 'a heading with a share word', text: `${intro}Resource Sharing\nThe allies will pool equipment.\n`}
    ]
  })
})

describe('trailing-blank-lines', () => {
  tester.run(trailingBlankLines, {
    invalid: [
      {
        name: 'blank lines after the last line; the fix keeps its line ending',
        text: `${intro}The end.\n\n\n\n`,
        errors: [{line: 3, column: 1, endLine: 6, endColumn: 1, message: 'Unexpected 3 blank lines at the end of the file', expected: ['']}],
        output: `${intro}The end.\n`
      },
      {
        name: 'lines of spaces count as blank, CRLF endings stay CRLF',
        text: 'Some text here.\r\n   \r\n\t\r\n',
        errors: [{line: 2, column: 1, endLine: 4, endColumn: 1, message: 'Unexpected 2 blank lines at the end of the file'}],
        output: 'Some text here.\r\n'
      },
      {
        name: 'a last blank line without a line ending',
        text: 'Some text here.\n\n  ',
        errors: [{line: 2, column: 1, endLine: 3, endColumn: 3, message: 'Unexpected 2 blank lines at the end of the file'}],
        output: 'Some text here.\n'
      },
      {
        name: 'more than `allow`: reported without a fix',
        text: 'Some text here.\n\n\n\n',
        options: {allow: 1},
        errors: [{line: 2, column: 1, message: 'Unexpected 3 blank lines at the end of the file', expected: null}],
        output: null
      }
    ],
    valid: [
      {name: 'one final line ending', text: 'Some text here.\n'},
      {name: 'no final line ending', text: 'Some text here.'},
      {name: 'trailing spaces on the last line are not blank lines', text: 'Some text here.   \n'},
      {name: 'blank lines inside the text', text: 'One.\n\n\n\nTwo.\n'},
      {name: 'within `allow`', text: 'Some text here.\n\n', options: {allow: 1}}
    ]
  })
})

describe('filler-conclusion', () => {
  tester.run(fillerConclusion, {
    invalid: [
      {
        name: 'under a heading that already says so (seed article 000)',
        text: `${intro}In Retrospect\nIn conclusion, the collaborative efforts between Bulgaria and Albania underscore the importance of unity.\n`,
        errors: [
          {
            line: 3,
            column: 1,
            endLine: 3,
            endColumn: 15,
            message: 'Unexpected filler `In conclusion,` under the heading `In Retrospect`, which already says so',
            expected: ['The']
          }
        ]
      },
      {
        name: 'under `To Wrap It Up`, in Markdown',
        text: `# Talks\n\n${intro}\n## To Wrap It Up\n\nIn summary, NATO and Montenegro agreed.\n\nA last word on the talks.\n`,
        filePath: 'article.md',
        errors: [{line: 7, column: 1, endColumn: 12, message: 'Unexpected filler `In summary,` under the heading `To Wrap It Up`, which already says so', expected: null}]
      },
      {
        name: 'opening the final paragraph without a heading',
        text: `${intro}The talks went on for hours and ended late.\nTo sum up, the ministers agreed on most points.\n`,
        errors: [{line: 3, column: 1, message: 'Unexpected filler `To sum up,` opening the final paragraph'}]
      }
    ],
    valid: [
      {name: 'an opener in the middle of the article, under an ordinary heading', text: `Talks Begin\nIn summary, the first day went well.\n${intro}`},
      {name: 'the phrase inside a sentence', text: `${intro}The report, in conclusion, says little.\n`},
      {name: 'a conclusion that opens with what it says', text: `${intro}Conclusion\nThe ministers agreed on most points.\n`},
      {name: 'the final paragraph when `finalParagraph` is off', text: `${intro}In conclusion, the ministers agreed.\n`, options: {finalParagraph: false}},
      {name: 'a list item', text: `${intro}Conclusion\n- In conclusion, this is a list.\n`}
    ]
  })
})
