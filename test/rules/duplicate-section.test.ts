import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import rule from '../../rules/duplicate-section.js'
import {lintWithRule} from '../../src/run-rule.js'
import {check} from '../helpers.js'

const ruleId = 'duplicate-section'

/** `[line, column, endLine, endColumn, reason]` per finding. */
async function run(text: string, options?: unknown, filePath = 'article.txt') {
  return (await check(ruleId, text, options, filePath)).map(({ruleId: id, line, column, endLine, endColumn, reason}) => {
    expect(id).toBe(ruleId)
    return [line, column, endLine, endColumn, reason]
  })
}

async function notes(text: string, options?: unknown, filePath = 'article.txt') {
  return (await lintWithRule(rule, text, {options, filePath})).messages.map((message) => message.note)
}

const intro =
  'Albania, Kosovo and Croatia signed a joint declaration on defence cooperation in Tirana on Tuesday, promising regular exercises and shared intelligence.'
const middle = 'The ministers also discussed energy prices, the coming elections in the region and the future of the railway line to the coast.'
const other = 'Critics in Belgrade called the agreement a provocation, while diplomats in Brussels welcomed it as a step towards stability.'
// `intro` with words swapped, dropped and reordered.
const nearIntro =
  'On Tuesday in Tirana, Albania, Kosovo and Croatia signed a joint declaration on defence cooperation, promising regular military exercises and shared intelligence.'

describe('duplicate-section: exact duplicates', () => {
  it('flags a paragraph pasted twice, on the later copy, naming the earlier line', async () => {
    expect(await run(`${intro}\n${middle}\n${intro}\n`)).toEqual([[3, 1, 3, 1 + intro.length, 'Unexpected duplicate of the paragraph at line 1']])
    expect(await notes(`${intro}\n${middle}\n${intro}\n`)).toEqual(['The two are identical once case, spacing, punctuation and quote style are set aside.'])
  })

  it('ignores case, spacing, punctuation and quote style', async () => {
    const changed = intro.toUpperCase().replace(/,/gu, '').replace(/ /gu, '  ').replace('Tirana', '“Tirana”')
    expect(await run(`${intro}\n${middle}\n   ${changed}\n`)).toEqual([[3, 4, 3, 4 + changed.length, 'Unexpected duplicate of the paragraph at line 1']])
  })

  it('flags the third copy against the first, once per copy', async () => {
    expect((await run(`${intro}\n${middle}\n${intro}\n${other}\n${intro}\n`)).map((found) => [found[0], found[4]])).toEqual([
      [3, 'Unexpected duplicate of the paragraph at line 1'],
      [5, 'Unexpected duplicate of the paragraph at line 1']
    ])
  })

  it('flags a list item that comes back in another section', async () => {
    const text = `Plans\n${intro}\n- Joint training of officers from all three armies\n- Shared radar data\nResults\n${middle}\n- Joint training of officers from all three armies.\n`
    const item = 'Joint training of officers from all three armies.'
    expect(await run(text)).toEqual([[7, 3, 7, 3 + item.length, 'Unexpected duplicate of the list item at line 3']])
  })

  it('flags a body row repeated in its table', async () => {
    const header = '| Outcome | Impact on stability |\n|---|---|\n'
    const row = '| Enhanced defence capabilities | Reduced vulnerability to external threats |'
    const text = `${intro}\n${header}${row}\n| Trade | More jobs |\n${row}\n${middle}\n`
    expect(await run(text)).toEqual([[6, 1, 6, 1 + row.length, 'Unexpected duplicate of the table row at line 4']])
  })

  it('leaves a row that another table shares alone, and rows that match prose', async () => {
    const header = '| Outcome | Impact on stability |\n|---|---|\n'
    const row = '| Enhanced defence capabilities | Reduced vulnerability to external threats |'
    const text = `${intro}\n${header}${row}\n${middle}\n${header}| Other outcome | Other impact |\n${row}\nEnhanced defence capabilities: reduced vulnerability to external threats.\n`
    expect(await run(text)).toEqual([])
  })

  it('flags duplicates in Markdown with the right places, from the first to the last character of the text', async () => {
    const text = `# Title\n\n${intro}\n\n## Section\n\n${middle}\n\n* **${intro}**\n`
    expect(await run(text, undefined, 'article.md')).toEqual([[9, 5, 9, 5 + intro.length, 'Unexpected duplicate of the paragraph at line 3']])
  })
})

describe('duplicate-section: near duplicates', () => {
  it('flags a paragraph with words swapped, dropped and reordered, with the similarity in the note', async () => {
    expect(await run(`${intro}\n${middle}\n${nearIntro}\n`)).toEqual([[3, 1, 3, 1 + nearIntro.length, 'Unexpected near duplicate of the paragraph at line 1']])
    expect(await notes(`${intro}\n${middle}\n${nearIntro}\n`)).toEqual(['The two share 94% of their content words (threshold 60%).'])
  })

  it('names the most similar earlier paragraph', async () => {
    // `closer` shares 88% of its content words with `intro` and 83% with `nearIntro`.
    const closer = intro.replace('Tuesday', 'Monday')
    expect((await run(`${nearIntro}\n${intro}\n${middle}\n${closer}\n`)).map((found) => [found[0], found[4]])).toEqual([
      [2, 'Unexpected near duplicate of the paragraph at line 1'],
      [4, 'Unexpected near duplicate of the paragraph at line 2']
    ])
  })

  it('flags a sentence that restates a sentence of an earlier block, pointing at the sentence', async () => {
    const opening =
      'In a significant move towards regional stability, Albania, Kosovo and Croatia have formalized their commitment to enhanced defense collaboration through a joint declaration.'
    const restated =
      'In a significant move aimed at bolstering regional security, Albania, Kosovo and Croatia have reaffirmed their commitment to defense collaboration through a joint declaration.'
    const text = `${opening} The agreement covers training.\n${middle}\nPartnerships\n${restated} It names no budget.\n`
    expect(await run(text)).toEqual([[4, 1, 4, 1 + restated.length, 'Unexpected restatement of a sentence from line 1']])
    expect(await notes(text)).toEqual(['It shares 58% of its content words with “In a significant move towards regional stability, Albania…” (threshold 55%).'])
  })
})

describe('duplicate-section: restatements need more than one echoed sentence', () => {
  const first =
    'Such payments shall be made to small domestic producers of lead as long as the market price for common lead at New York stays below the level set by the Secretary.'
  const parallel =
    'Such payments shall be made to small domestic producers of zinc as long as the market price for prime western zinc at East Saint Louis stays below the level set by the Secretary.'

  const claims =
    'Claims are filed each quarter with the regional office, which checks invoices, weighs shipments, visits mines and publishes a list of approved producers every spring.'
  const appeals =
    'Appeals go to a board of three members appointed for two years, who hear witnesses, read accounts and may order a new audit of any refinery before deciding.'

  it('leaves a parallel sentence in an otherwise different paragraph alone', async () => {
    const text = `${first} ${claims}\n${middle}\n${parallel} ${appeals}\n`
    expect(await run(text)).toEqual([])
  })

  it('flags a sentence repeated word for word, whatever surrounds it', async () => {
    const text = `${first} ${claims}\n${middle}\n${appeals} ${first}\n`
    const column = appeals.length + 2
    expect(await run(text)).toEqual([[3, column, 3, column + first.length, 'Unexpected restatement of a sentence from line 1']])
  })
})

describe('duplicate-section: whole sections', () => {
  const section = `Key Objectives\n${intro}\n- Joint exercises every spring for the three armies and their reserves\n${middle}\n`

  it('reports a repeated heading and body once, as a section, over its whole range', async () => {
    const outlook = 'Talks on a common air-defence system resume in the autumn, when the three governments present their budgets.'
    const text = `Overview\n${other}\n${section}Outlook\n${outlook}\n${section}`
    const found = await run(text)
    expect(found).toEqual([[9, 1, 12, 1 + middle.length, 'Unexpected duplicate of the section at line 3']])
    expect(await notes(text)).toEqual(['Its heading and 3 of its 3 blocks repeat the section “Key Objectives”.'])
  })

  it('reports a repeated Markdown section once', async () => {
    const text = `# News\n\n## Key Objectives\n\n${intro}\n\n${middle}\n\n## Outlook\n\n${other}\n\n## Key Objectives\n\n${intro}\n\n${middle}\n`
    expect(await run(text, undefined, 'article.md')).toEqual([[13, 1, 17, 1 + middle.length, 'Unexpected duplicate of the section at line 3']])
  })

  it('reports the paragraphs, not a section, when the heading differs', async () => {
    const text = `Key Objectives\n${intro}\n${middle}\nOutlook\n${other}\nGoals\n${intro}\n${middle}\n`
    expect((await run(text)).map((found) => [found[0], found[4]])).toEqual([
      [7, 'Unexpected duplicate of the paragraph at line 2'],
      [8, 'Unexpected duplicate of the paragraph at line 3']
    ])
  })

  it('does not flag a repeated standard heading whose body is new', async () => {
    const text = `Key Takeaways\n${intro}\nDetails\n${middle}\nKey Takeaways\n${other}\n`
    expect(await run(text)).toEqual([])
  })
})

describe('duplicate-section: must not flag', () => {
  it('leaves paragraphs that share a topic and a few phrases alone', async () => {
    const a = 'Albania, Kosovo and Croatia signed a joint declaration on defence, promising joint exercises and shared intelligence.'
    const b = 'The joint declaration on defence will be reviewed next year, officials in Zagreb said, and Kosovo hopes NATO will join the exercises.'
    expect(await run(`${a}\n${b}\n`)).toEqual([])
  })

  it('leaves list items in parallel style alone', async () => {
    const text = `${intro}\n- Joint Military Exercises: improving readiness through regular training.\n- Joint Military Training: improving interoperability through regular drills.\n- Joint Cyber Exercises: improving defences through regular simulations.\n`
    expect(await run(text)).toEqual([])
  })

  it('leaves short lines alone: labels, datelines and standard headings', async () => {
    const text = `TIRANA, March 3\n${intro}\nKey Takeaways\n- Read more\nTIRANA, March 3\n${middle}\nKey Takeaways\n- Read more\n${other}\n`
    expect(await run(text)).toEqual([])
  })

  it('leaves a quotation cited twice alone, unless told otherwise', async () => {
    const quote = '“We will defend the agreement we signed, whatever Belgrade says about it,” the minister said.'
    const text = `${quote}\n${intro}\n${middle}\n${quote}\n`
    expect(await run(text)).toEqual([])
    expect(await run(`> ${quote}\n\n${intro}\n\n> ${quote}\n`, undefined, 'article.md')).toEqual([])
    expect(await run(text, {allowQuotations: false})).toEqual([[4, 1, 4, 1 + quote.length, 'Unexpected duplicate of the paragraph at line 1']])
  })

  it('still flags dialogue pasted twice: several quotations are the writer’s text', async () => {
    const dialogue = '“Are you coming?” she asked. “Not today,” he said, “the roads are closed and the bridge is under water again.”'
    expect(await run(`${dialogue}\n${intro}\n${dialogue}\n`)).toEqual([[3, 1, 3, 1 + dialogue.length, 'Unexpected duplicate of the paragraph at line 1']])
  })

  it('leaves the header rows of different tables alone', async () => {
    const table = '| Country | Troops | Budget |\n|---|---|---|\n'
    expect(await run(`${table}| Albania | 8,000 | 2% |\n${intro}\n${table}| Kosovo | 5,000 | 1% |\n`)).toEqual([])
  })

  it('leaves numbers, abbreviations and URLs that differ alone: only words are compared', async () => {
    const a = 'The U.S. pledged $2,000,000 in 2023, e.g. for radar, see https://example.com/a for the full list of items.'
    const b = 'Kosovo pledged 3.5% more in 2024, i.e. for drones, see example.org for what was bought and when it arrived.'
    expect(await run(`${a}\n${b}\n`)).toEqual([])
  })
})

describe('duplicate-section: the sample articles', () => {
  it('flags the restated opening of “Strategic Partnerships” in 001, naming the paragraph under the first heading', async () => {
    const text = fs.readFileSync(new URL('../../fixtures/articles/001_6b5fe14106b636da.txt', import.meta.url), 'utf8')
    expect(await run(text)).toEqual([[30, 1, 30, 177, 'Unexpected restatement of a sentence from line 3']])
  })

  it('finds nothing in the other sample articles', async () => {
    for (const name of ['000_857782d85a314702.txt', '002_e36ab20001b25aaa.txt', '003_287d5748283477f1.txt', '004_b654fcc19b0d3be5.txt']) {
      const text = fs.readFileSync(new URL(`../../fixtures/articles/${name}`, import.meta.url), 'utf8')
      expect(await run(text)).toEqual([])
    }
  })
})

describe('duplicate-section: options', () => {
  it('`threshold` sets the similarity of near duplicates', async () => {
    expect(await run(`${intro}\n${middle}\n${nearIntro}\n`, {threshold: 0.95, sentenceThreshold: 0.95})).toEqual([])
    // A one-sentence paragraph is also a sentence: the lower threshold of the two decides.
    expect(await run(`${intro}\n${middle}\n${nearIntro}\n`, {threshold: 0.95})).toHaveLength(1)
  })

  it('`restatements: false` and `sentenceThreshold` govern restated sentences', async () => {
    const text = fs.readFileSync(new URL('../../fixtures/articles/001_6b5fe14106b636da.txt', import.meta.url), 'utf8')
    expect(await run(text, {restatements: false})).toEqual([])
    expect(await run(text, {sentenceThreshold: 0.7})).toEqual([])
  })

  it('`minWords` sets the shortest block compared', async () => {
    const short = 'Read the full report online.'
    expect(await run(`${short}\n${intro}\n${short}\n`)).toEqual([])
    expect(await run(`${short}\n${intro}\n${short}\n`, {minWords: 3})).toEqual([[3, 1, 3, 1 + short.length, 'Unexpected duplicate of the paragraph at line 1']])
  })

  it('rejects bad option values', async () => {
    await expect(check(ruleId, intro, {threshold: -1})).rejects.toThrow('option `threshold` of rule `duplicate-section` must be at least 0, got -1')
    await expect(check(ruleId, intro, {minWords: 2.5})).rejects.toThrow('option `minWords` of rule `duplicate-section` must be a whole number, got 2.5')
  })
})
