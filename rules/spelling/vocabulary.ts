/**
 * Vocabularies: the words a publication accepts and the terms it rejects, as with Vale's
 * vocabularies. They come from the rule's options (`words`, `reject`) and from the nearest
 * `.copydesk-words.txt`, found upward from each file's folder as configs are:
 *
 *     # one entry a line; `#` starts a comment
 *     Stoltenberg
 *     peacebuilding
 *     blog/S            (hunspell: inflect like a listed word)
 *     !irregardless     (rejected)
 *     !judgement=judgment  (rejected, with its replacement: a certain fix)
 */
import fs from 'node:fs/promises'
import path from 'node:path'

export const WORDS_FILE = '.copydesk-words.txt'

/** A rejected term and what to write instead, when there is one. */
export interface Rejected {
  term: string
  replacement?: string
}

export interface Vocabulary {
  /** Accepted words in hunspell's personal format, for the dictionary. */
  personal: readonly string[]
  /** Rejected terms by their spelling. */
  rejected: ReadonlyMap<string, Rejected>
}

/** Parses rejected entries: `term` or `term=replacement`. */
export function parseRejected(entries: readonly string[]): Map<string, Rejected> {
  const result = new Map<string, Rejected>()
  for (const entry of entries) {
    const [term, replacement] = entry.split('=').map((part) => part.trim())
    if (term) result.set(term, replacement ? {term, replacement} : {term})
  }
  return result
}

/** The entries of a words file: accepted words and rejected terms. */
export function parseWordsFile(text: string): {accepted: string[]; rejected: Map<string, Rejected>} {
  const accepted: string[] = []
  const rejected: string[] = []
  for (const raw of text.split(/\r?\n/u)) {
    const line = raw.replace(/(?:^|\s)#.*$/u, '').trim()
    if (!line) continue
    if (line.startsWith('!')) rejected.push(line.slice(1))
    else accepted.push(line)
  }
  return {accepted, rejected: parseRejected(rejected)}
}

// Per folder: the nearest words file's parsed content (or none), read once per process.
const byFolder = new Map<string, Promise<ReturnType<typeof parseWordsFile> | undefined>>()

function nearestWordsFile(folder: string): Promise<ReturnType<typeof parseWordsFile> | undefined> {
  let found = byFolder.get(folder)
  if (!found) {
    found = (async () => {
      try {
        return parseWordsFile(await fs.readFile(path.join(folder, WORDS_FILE), 'utf8'))
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new Error(`cannot read ${path.join(folder, WORDS_FILE)}: ${code ?? (error as Error).message}`)
      }
      const parent = path.dirname(folder)
      return parent === folder ? undefined : nearestWordsFile(parent)
    })()
    byFolder.set(folder, found)
  }
  return found
}

/**
 * The vocabulary for a file: the configured words and rejected terms, plus those of the nearest
 * `.copydesk-words.txt` (for a file without a path, the one found from the current folder).
 */
export async function vocabularyFor(filePath: string | undefined, words: readonly string[], rejected: ReadonlyMap<string, Rejected>): Promise<Vocabulary> {
  const fromFile = await nearestWordsFile(path.resolve(filePath ? path.dirname(filePath) : '.'))
  if (!fromFile) return {personal: words, rejected}
  return {personal: [...words, ...fromFile.accepted], rejected: new Map([...fromFile.rejected, ...rejected])}
}
