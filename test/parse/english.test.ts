/**
 * copydesk's parse-english makes the trees the stock parser makes, on generated texts, on texts
 * of random characters (any UTF-16 unit, line endings, surrogates) and on the fixtures.
 */
import fs from 'node:fs'
import path from 'node:path'
import {ParseEnglish} from 'parse-english'
import {describe, expect, it} from 'vitest'
import {EnglishParser, lineBreaksIn} from '../../src/parse/english.js'
import {generatedTexts, randomTexts} from '../helpers.js'

const stock = new ParseEnglish()
const fast = new EnglishParser()

const fixtureTexts = fs
  .readdirSync('fixtures', {recursive: true, encoding: 'utf8'})
  .map((name) => path.join('fixtures', name))
  .filter((file) => fs.statSync(file).isFile())
  .map((file) => fs.readFileSync(file, 'utf8'))

describe('EnglishParser', () => {
  it.each([
    ['generated texts', generatedTexts(11, 600)],
    ['random characters', randomTexts(7, 1000)],
    ['the fixtures, whole and by line', [...fixtureTexts, ...fixtureTexts.flatMap((text) => text.split('\n'))]],
    ['edge cases', ['', ' ', '\n', '\r\n\r\n', 'a', '.', 'a\n\nb', 'Mr. Smith.\n\n\nNew one.', '--', 'w/ that', "rock 'n' roll", '\ud83c']],
    [
      'punctuation merged into words',
      ['AT&T and &c. and R&D', 'well- and ill-kept', 'and/or km/h n/a long/words', 'U.S. and U.K. plans', 'e.g. i.e. 1.5. 1.2.3. a.1.b.', "'tis ol' 'twas 'cause 'em 'n' 'n", 'e-mail x_y a.b:c=d?e@f', 'W/ him, w/o her', '& start', '- start', 'end -', 'a.b.c.d.e.', '²./¹.']
    ]
  ])('parses %s as parse-english does', (_, texts) => {
    for (const text of texts) {
      expect(fast.parse(text), JSON.stringify(text)).toEqual(stock.parse(text))
      expect(fast.tokenizeParagraph(text), JSON.stringify(text)).toEqual(stock.tokenizeParagraph(text))
    }
  })

  it('counts line breaks as splitting at them does', () => {
    for (const text of [...randomTexts(3, 1000), '\r\n', '\r\r\n\n', '\n\r', '']) {
      expect(lineBreaksIn(text)).toBe(text.split(/\r\n|\r|\n/).length - 1)
      expect(lineBreaksIn(text, 2)).toBe(Math.min(2, text.split(/\r\n|\r|\n/).length - 1))
    }
  })
})
