#!/usr/bin/env node
// `npm run bench:duplicates [-- 1000,10000]`: lints generated collections of articles and prints
// the CPU time spent in the two duplicate rules (their per-file plugins, and duplicate-across-files'
// comparison after the last file), not in parsing, which every rule shares.
//
// The articles are made from the sample articles in fixtures/articles: each paragraph is a new
// mix of their sentences with a third of the words replaced, so that articles differ the way a
// real collection's do; one in twenty gets a boilerplate paragraph, one in twenty a near copy of
// a paragraph of an earlier article, one in ten a paragraph pasted twice. The same seed gives the
// same collection on every machine. Needs `npm run build` first.
import fs from 'node:fs'
import {compareCollection} from '../dist/src/collection.js'
import {resolveConfig} from '../dist/src/config.js'
import {lintFile} from '../dist/src/lint.js'
import {createFile} from '../dist/src/read.js'
import duplicateAcrossFiles from '../dist/rules/duplicate-across-files.js'
import duplicateSection from '../dist/rules/duplicate-section.js'

const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number)
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error('usage: bench-duplicates.js [sizes, e.g. 1000,10000]')
  process.exit(2)
}

const folder = new URL('../fixtures/articles/', import.meta.url)
const lines = fs
  .readdirSync(folder)
  .flatMap((name) => fs.readFileSync(new URL(name, folder), 'utf8').split('\n'))
  .filter((line) => line.split(' ').length >= 12 && !line.includes('|'))
const sentences = lines.flatMap((line) => line.replace(/^[-•*] /u, '').split(/(?<=[.!?]) (?=[A-Z])/u)).filter((sentence) => sentence.split(' ').length >= 6)
const vocabulary = [...new Set(lines.join(' ').toLowerCase().match(/\b[a-z]{4,}\b/gu))]
const headings = ['Background', 'Key Takeaways', 'What Comes Next', 'Reactions', 'Analysis', 'The Details', 'Outlook']
const boilerplate =
  'This article was produced with the help of our partners at the regional news exchange and may be republished under the terms of its licence.'

/** mulberry32, in 32-bit integer arithmetic: the same collection on every machine. */
function generator(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = Math.imul(state ^ (state >>> 15), state | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

function collection(count) {
  const random = generator(42)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const paragraph = () =>
    Array.from({length: 2 + Math.floor(random() * 3)}, () => pick(sentences))
      .join(' ')
      .split(' ')
      .map((word) => (random() < 0.33 ? pick(vocabulary) : word))
      .join(' ')
  const articles = []
  const earlier = []
  for (let index = 0; index < count; index++) {
    const blocks = [paragraph()]
    for (let section = 0; section < 2; section++) {
      blocks.push(pick(headings), paragraph(), `- ${paragraph().split(/(?<=\.) /u)[0]}`, paragraph())
    }
    if (random() < 0.05) blocks.push(boilerplate)
    if (random() < 0.05 && earlier.length > 0) blocks.push(pick(earlier).replace(/\b\w{4,}\b/u, pick(vocabulary)))
    if (random() < 0.1) blocks.push(blocks[2])
    earlier.push(blocks[0])
    articles.push({path: `news/${String(index).padStart(6, '0')}.txt`, text: `${blocks.join('\n')}\n`})
  }
  return articles
}

/**
 * Milliseconds of CPU time this process has used: unlike the wall clock, it does not count the
 * time other processes on a busy machine take.
 */
function cpu() {
  const {user, system} = process.cpuUsage()
  return (user + system) / 1000
}

/** The rule with its plugin's transformer and its `compare` timed (CPU time) into `clock[rule id]`. */
function timed(rule, clock) {
  const id = rule.meta.id
  clock[id] = 0
  return {
    ...rule,
    plugin(options) {
      const transformer = rule.plugin.call(this, options)
      return (tree, file) => {
        const start = cpu()
        transformer(tree, file)
        clock[id] += cpu() - start
      }
    },
    ...(rule.compare
      ? {
          compare(entries, options) {
            const start = cpu()
            const findings = rule.compare(entries, options)
            clock[`${id} (compare)`] = cpu() - start
            return findings
          }
        }
      : {})
  }
}

const results = []
for (const size of sizes) {
  const articles = collection(size)
  const clock = {}
  const rules = [timed(duplicateSection, clock), timed(duplicateAcrossFiles, clock)]
  const config = resolveConfig({}, undefined, {}, rules)
  const start = cpu()
  const linted = []
  for (const {path, text} of articles) {
    const file = await lintFile(createFile(text, path), config)
    delete file.data.article
    linted.push({file, config})
  }
  await compareCollection(linted)
  const total = cpu() - start
  const findings = {}
  for (const {file} of linted) for (const message of file.messages) findings[message.ruleId] = (findings[message.ruleId] ?? 0) + 1
  const inRules = Object.values(clock).reduce((sum, ms) => sum + ms, 0)
  const words = articles.reduce((sum, {text}) => sum + text.split(/\s+/u).length, 0)
  results.push({size, inRules})
  console.log(`${size} articles (${words.toLocaleString('en')} words), ${(total / 1000).toFixed(1)} s of CPU in all (parsing included)`)
  for (const [name, ms] of Object.entries(clock)) console.log(`  ${name.padEnd(34)} ${(ms / 1000).toFixed(2)} s`)
  console.log(`  ${'both duplicate rules'.padEnd(34)} ${(inRules / 1000).toFixed(2)} s`)
  console.log(`  findings: ${JSON.stringify(findings)}`)
}
for (let index = 1; index < results.length; index++) {
  const [before, after] = [results[index - 1], results[index]]
  console.log(`${after.size / before.size}× the articles cost ${(after.inRules / before.inRules).toFixed(2)}× the time in the duplicate rules`)
}
