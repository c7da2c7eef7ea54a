/**
 * The English dictionaries (dictionary-en, dictionary-en-gb) as a word table: every form
 * nspell would build from each dictionary (stems and their affixed forms), written once at build
 * time, so that a run reads a text file instead of building a hunspell speller (about 0.15 s and
 * 16 MB for each speller, where reading the table takes a few milliseconds).
 *
 * The table is one text: a JSON header line, then sections of sorted, newline-separated entries
 * whose places the header gives, each read into a `WordIndex`. Words in both varieties are
 * listed once.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {indexWords, WordIndex, type Index} from './word-index.js'

/** A variety of English that copydesk has a dictionary for. */
export type Variety = 'en-US' | 'en-GB'

export const varieties: readonly Variety[] = ['en-US', 'en-GB']

/** The packages a table is made from, with the versions it was made from. */
export const sourcePackages = {'en-US': 'dictionary-en', 'en-GB': 'dictionary-en-gb'} as const

/** What nspell's affix file parse gives, as far as a lookup needs it. */
export interface AffixFlags {
  [flag: string]: unknown
  COMPOUNDMIN?: number
}

/** One variety as the table holds it. */
export interface VarietyTable {
  /** Forms without a flag that changes their lookup (`ONLYINCOMPOUND`), besides the shared ones. */
  words: WordIndex
  /** Forms listed with `ONLYINCOMPOUND`: known only inside compounds (`1th` in `11th`). */
  onlyInCompound: ReadonlySet<string>
  /** The affix codes of each form that has some (`form\tcodes`), for personal words modelled on a listed one. */
  codes: WordIndex
  /** nspell's compound expressions (ordinals: `21st`, `111th`), made from the dictionary. */
  compoundRules: readonly RegExp[]
  /** nspell's input conversions (ICONV: `’` to `'`). */
  conversion: ReadonlyArray<readonly [RegExp, string]>
  flags: AffixFlags
  /** The affix file, for adding personal words. */
  aff: string
}

export interface WordTable {
  /** Forms known (without lookup-changing flags) in every variety. */
  shared: WordIndex
  varieties: Record<Variety, VarietyTable>
  /** The US dictionary's capitalized stems, lowercased: `china` (China), `warren` (Warren). */
  names: WordIndex
}

interface Header {
  format: typeof FORMAT
  /** Versions of nspell and the dictionary packages the table was made with. */
  versions: Record<string, string>
  shared: Span
  names: Span
  varieties: Record<Variety, {words: Span; onlyInCompound: Span; codes: Span; aff: Span; compoundRules: string[]; conversion: Array<[string, string]>; flags: AffixFlags}>
}

/** Where a section lies in the text after the header line: start and end offsets. */
type Span = [number, number]

const FORMAT = 'copydesk-word-table-1'

/**
 * Reads a table's text (what `buildWordTable` writes), with its indexes (`buildWordIndexes`) when
 * given, or undefined when its header is not one.
 */
export function parseWordTable(text: string, indexes?: Uint8Array): {table: WordTable; versions: Record<string, string>} | undefined {
  const headerEnd = text.indexOf('\n')
  let header: Header
  try {
    header = JSON.parse(text.slice(0, headerEnd)) as Header
  } catch {
    return undefined
  }
  if (header.format !== FORMAT) return undefined
  const body = text.slice(headerEnd + 1)
  const section = ([start, end]: Span) => body.slice(start, end)
  const lines = (span: Span) => (span[0] === span[1] ? [] : section(span).split('\n'))
  const read = indexes && readIndexes(indexes, text.length, indexedSections(header).map(([name]) => name))
  const indexed = (span: Span, name: string) => new WordIndex(section(span), read?.get(name))
  const table = {shared: indexed(header.shared, 'shared'), names: indexed(header.names, 'names'), varieties: {}} as WordTable
  for (const variety of varieties) {
    const entry = header.varieties[variety]
    table.varieties[variety] = {
      words: indexed(entry.words, `${variety} words`),
      onlyInCompound: new Set(lines(entry.onlyInCompound)),
      codes: indexed(entry.codes, `${variety} codes`),
      compoundRules: entry.compoundRules.map((source) => new RegExp(source, 'i')),
      conversion: entry.conversion.map(([source, replacement]) => [new RegExp(source, 'g'), replacement] as const),
      flags: entry.flags,
      aff: section(entry.aff)
    }
  }
  return {table, versions: header.versions}
}

/** The indexed sections, in the order their indexes are written. */
function indexedSections(header: Header): Array<[string, Span]> {
  return [
    ['shared', header.shared],
    ['names', header.names],
    ...varieties.flatMap((variety): Array<[string, Span]> => [
      [`${variety} words`, header.varieties[variety].words],
      [`${variety} codes`, header.varieties[variety].codes]
    ])
  ]
}

// Tells the byte order and the format of an index file.
const INDEX_MAGIC = 0x57494431

/**
 * The indexes of a table's sections, made beforehand so that a run does not hash 200,000 words:
 * 32-bit words, the magic number and the table's length, then per section the length and the
 * values of its line starts and of its slots.
 */
export function buildWordIndexes(text: string): Uint8Array {
  const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as Header
  const body = text.slice(text.indexOf('\n') + 1)
  const arrays: Uint32Array[] = [Uint32Array.of(INDEX_MAGIC, text.length)]
  for (const [, [start, end]] of indexedSections(header)) {
    const {starts, slots} = indexWords(body.slice(start, end))
    arrays.push(Uint32Array.of(starts.length), starts, Uint32Array.of(slots.length), slots)
  }
  const all = new Uint32Array(arrays.reduce((sum, array) => sum + array.length, 0))
  let at = 0
  for (const array of arrays) {
    all.set(array, at)
    at += array.length
  }
  return new Uint8Array(all.buffer)
}

/** The indexes of a file `buildWordIndexes` wrote, by section, or none when it is not for this table (or this byte order). */
function readIndexes(bytes: Uint8Array, textLength: number, names: readonly string[]): Map<string, Index> | undefined {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice()
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.byteLength / 4))
  if (words[0] !== INDEX_MAGIC || words[1] !== textLength) return undefined
  const indexes = new Map<string, Index>()
  let at = 2
  const next = (): Uint32Array => {
    const length = words[at]
    const array = words.subarray(at + 1, at + 1 + length)
    at += 1 + length
    return array
  }
  for (const name of names) {
    if (at >= words.length) return undefined
    indexes.set(name, {starts: next(), slots: next()})
  }
  return at === words.length ? indexes : undefined
}

/** Where the build writes the table (`dist/english-words.txt`) and its indexes. */
export const wordTableFile = new URL('../english-words.txt', import.meta.url)
export const wordIndexFile = new URL('../english-words.index', import.meta.url)

let loaded: WordTable | undefined

/**
 * The process's word table: the build's files when they were made from the installed versions of
 * the dictionaries, else built now (as when running from source, in tests).
 */
export function wordTable(): WordTable {
  if (loaded) return loaded
  let parsed = readBuilt()
  if (!parsed || !sameVersions(parsed.versions, installedVersions())) parsed = parseWordTable(buildWordTable())!
  loaded = parsed.table
  return loaded
}

function readBuilt(): ReturnType<typeof parseWordTable> {
  let text: string
  try {
    text = fs.readFileSync(wordTableFile, 'utf8')
  } catch {
    return undefined
  }
  let indexes: Uint8Array | undefined
  try {
    indexes = fs.readFileSync(wordIndexFile)
  } catch {
    // Without indexes, each section is indexed on first use.
  }
  return parseWordTable(text, indexes)
}

const sameVersions = (a: Record<string, string>, b: Record<string, string>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([name, version]) => b[name] === version)

/** The versions of nspell and the dictionary packages installed now. */
export function installedVersions(): Record<string, string> {
  const versions: Record<string, string> = {}
  for (const name of ['nspell', ...Object.values(sourcePackages)]) {
    versions[name] = (JSON.parse(fs.readFileSync(path.join(packageFolder(name), 'package.json'), 'utf8')) as {version: string}).version
  }
  return versions
}

/** The folder of an installed package (whose `exports` may hide its package.json). */
function packageFolder(name: string): string {
  let folder = path.dirname(createRequire(import.meta.url).resolve(name))
  while (!fs.existsSync(path.join(folder, 'package.json'))) folder = path.dirname(folder)
  return folder
}

interface Speller {
  data: Record<string, Array<string | false>>
  flags: AffixFlags
  compoundRules: RegExp[]
  conversion: {in: Array<[RegExp, string]>}
}

/**
 * Builds the table from the dictionary packages with nspell (a few hundred milliseconds): what
 * the build writes to a file, and what a run does when there is no file for the installed
 * versions.
 */
export function buildWordTable(): string {
  const require = createRequire(import.meta.url)
  const nspell = require('nspell') as (dictionary: {aff: Buffer; dic: Buffer}) => Speller
  const sources = {} as Record<Variety, {aff: Buffer; dic: Buffer}>
  const spellers = {} as Record<Variety, Speller>
  for (const variety of varieties) {
    // The packages' own entry reads these two files (with a top-level await, so it cannot be required).
    const folder = packageFolder(sourcePackages[variety])
    sources[variety] = {aff: fs.readFileSync(path.join(folder, 'index.aff')), dic: fs.readFileSync(path.join(folder, 'index.dic'))}
    spellers[variety] = nspell(sources[variety])
  }
  const kindOf = (speller: Speller, word: string): 'plain' | 'compound' | undefined => {
    const codes = speller.data[word]
    if (!codes) return undefined
    return flagged(speller.flags, 'ONLYINCOMPOUND', codes) ? 'compound' : 'plain'
  }
  const everyWord = new Set(varieties.flatMap((variety) => Object.keys(spellers[variety].data)))
  const shared: string[] = []
  const own = Object.fromEntries(varieties.map((variety) => [variety, {words: [] as string[], onlyInCompound: [] as string[]}]))
  for (const word of everyWord) {
    const kinds = varieties.map((variety) => kindOf(spellers[variety], word))
    if (kinds.every((kind) => kind === 'plain')) {
      shared.push(word)
      continue
    }
    varieties.forEach((variety, index) => {
      if (kinds[index] === 'plain') own[variety].words.push(word)
      if (kinds[index] === 'compound') own[variety].onlyInCompound.push(word)
    })
  }

  const sections: string[] = []
  let offset = 0
  const add = (text: string): Span => {
    // Each section is followed by a line break, which is not part of it.
    const span: Span = [offset, offset + text.length]
    sections.push(text)
    offset += text.length + 1
    return span
  }
  const header: Header = {
    format: FORMAT,
    versions: installedVersions(),
    shared: add(sorted(shared)),
    names: add(sorted(nameEntries(String(sources['en-US'].dic)))),
    varieties: {} as Header['varieties']
  }
  for (const variety of varieties) {
    const speller = spellers[variety]
    const coded: string[] = []
    for (const [word, codes] of Object.entries(speller.data)) {
      if (codes.length === 0) continue
      if (codes.some((code) => typeof code !== 'string' || code.length !== 1 || code === speller.flags.KEEPCASE || code === speller.flags.FORBIDDENWORD)) {
        // The lookups of `dictionaries.ts` assume single-character flags and nothing kept in case or forbidden.
        throw new Error(`${sourcePackages[variety]}: unsupported affix codes on \`${word}\``)
      }
      coded.push(`${word}\t${codes.join('')}`)
    }
    header.varieties[variety] = {
      words: add(sorted(own[variety].words)),
      onlyInCompound: add(sorted(own[variety].onlyInCompound)),
      codes: add(sorted(coded)),
      aff: add(String(sources[variety].aff)),
      compoundRules: speller.compoundRules.map((rule) => rule.source),
      conversion: speller.conversion.in.map(([pattern, replacement]) => [pattern.source, replacement]),
      flags: speller.flags
    }
  }
  return `${JSON.stringify(header)}\n${sections.join('\n')}\n`
}

const sorted = (words: string[]): string => words.sort().join('\n')

/** The lowercased stems of a `.dic` file that start with a capital. */
function nameEntries(dic: string): string[] {
  const names = new Set<string>()
  for (const line of dic.split('\n')) {
    if (/^\p{Lu}/u.test(line)) names.add(line.split('/')[0].toLowerCase())
  }
  return [...names]
}

/** nspell's flag test: whether `codes` hold the code the affix file gives `name`. */
export function flagged(flags: AffixFlags, name: string, codes: ReadonlyArray<string | false> | undefined): boolean {
  return codes !== undefined && name in flags && codes.includes(flags[name] as string | false)
}
