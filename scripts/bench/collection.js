/**
 * Generates a collection of articles for the benchmark and the scale tests: the sample articles in
 * fixtures/articles, varied (paragraphs reordered and dropped, words swapped for other words of the
 * samples, a paragraph borrowed from another article now and then, some files as Markdown) and
 * replicated. Seeded: the same count gives the same files on every machine.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const samples = fileURLToPath(new URL('../../fixtures/articles', import.meta.url))

/** A small linear congruential generator (the one test/helpers.ts uses). */
function generator(seed) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

/**
 * The generated articles as `[relative path, text]`, `count` of them.
 * @param {number} count
 * @returns {Array<[string, string]>}
 */
export function generateArticles(count) {
  const bases = fs
    .readdirSync(samples)
    .sort()
    .map((name) => fs.readFileSync(path.join(samples, name), 'utf8').split('\n').filter((line) => line.trim() !== ''))
  const vocabulary = [...new Set(bases.flat().join(' ').match(/\b[a-z]{4,}\b/gu))]
  const random = generator(20_251_125)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const articles = []
  for (let index = 0; index < count; index++) {
    const base = bases[index % bases.length]
    const [title, ...body] = base
    // Keep most paragraphs, in a slightly different order.
    let lines = body.filter(() => random() < 0.75)
    for (let swap = 0; swap < 3 && lines.length > 1; swap++) {
      const a = Math.floor(random() * lines.length)
      const b = Math.floor(random() * lines.length)
      ;[lines[a], lines[b]] = [lines[b], lines[a]]
    }
    // One article in five borrows a paragraph from another one: cross-file duplicates exist.
    if (random() < 0.2) lines.splice(Math.floor(random() * lines.length), 0, pick(pick(bases).slice(1)))
    // Swap about one word in thirty for another word of the samples.
    lines = lines.map((line) => line.replace(/\b[a-z]{4,}\b/gu, (word) => (random() < 1 / 30 ? pick(vocabulary) : word)))
    const markdown = index % 4 === 3
    const heading = title.length < 120 ? `# ${title}` : title
    const text = (markdown ? `${heading}\n\n${lines.join('\n\n')}` : [title, ...lines].join('\n')) + '\n'
    const folder = `section-${String(index % 50).padStart(2, '0')}`
    articles.push([`${folder}/article-${String(index).padStart(5, '0')}.${markdown ? 'md' : 'txt'}`, text])
  }
  return articles
}

/**
 * Writes `count` generated articles under `root` (made if missing); returns their total size in bytes.
 * @param {string} root
 * @param {number} count
 */
export function writeArticles(root, count) {
  let bytes = 0
  for (const [name, text] of generateArticles(count)) {
    const target = path.join(root, name)
    fs.mkdirSync(path.dirname(target), {recursive: true})
    fs.writeFileSync(target, text)
    bytes += Buffer.byteLength(text)
  }
  return bytes
}
