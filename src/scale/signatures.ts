/**
 * `--signatures-out` / `--signatures-in`: the collection data of a run's files, written by one run
 * (a shard of a CI matrix) and read by another, so that cross-file rules compare files that were
 * linted on different runners.
 */
import fs from 'node:fs/promises'
import type {Directive} from '../inline-control.js'

/** One file's collection data, by collection rule id, and its control comments (which hide findings on it). */
export interface SignatureEntry {
  path: string
  collection: Record<string, unknown>
  directives?: Directive[]
}

interface SignatureFile {
  copydesk: 'signatures'
  version: string
  files: SignatureEntry[]
}

/** Writes `files` (read one at a time, as a run reads them back) as `JSON.stringify` writes a `SignatureFile`, and a newline. */
export async function writeSignatures(file: string, version: string, files: Iterable<SignatureEntry>): Promise<void> {
  const head: Omit<SignatureFile, 'files'> = {copydesk: 'signatures', version}
  const handle = await fs.open(file, 'w')
  try {
    let text = `${JSON.stringify(head).slice(0, -1)},"files":[`
    let first = true
    for (const entry of files) {
      text += (first ? '' : ',') + JSON.stringify(entry)
      first = false
      // Written in pieces of about a megabyte: the signatures of a large run are tens of megabytes.
      if (text.length > 1 << 20) {
        await handle.writeFile(text)
        text = ''
      }
    }
    await handle.writeFile(`${text}]}\n`)
  } finally {
    await handle.close()
  }
}

/** Thrown for a signatures file that cannot be used; the CLI reports it as an I/O error (exit 2). */
export class SignaturesError extends Error {}

/** Reads signature files; they must come from the same copydesk version (collection data may change between versions). */
export async function readSignatures(files: readonly string[], version: string): Promise<SignatureEntry[]> {
  const entries: SignatureEntry[] = []
  for (const file of files) {
    let data: SignatureFile
    try {
      data = JSON.parse(await fs.readFile(file, 'utf8')) as SignatureFile
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      throw new SignaturesError(`${file}: ${code === 'ENOENT' ? 'no such file' : code ? `cannot read (${code})` : `invalid JSON: ${(error as Error).message}`}`)
    }
    if (!data || data.copydesk !== 'signatures' || !Array.isArray(data.files)) throw new SignaturesError(`${file}: not a copydesk signatures file`)
    if (data.version !== version) throw new SignaturesError(`${file}: written by copydesk ${data.version}, this is ${version}`)
    entries.push(...data.files)
  }
  return entries
}
