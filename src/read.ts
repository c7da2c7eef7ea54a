/**
 * Reads an article from disk into a VFile, turning every way a file can be
 * unusable into a clear message on that file instead of an exception.
 */
import {isUtf8} from 'node:buffer'
import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'

/** The rule id of messages about files that could not be read as UTF-8 text. */
export const FILE_ERROR = 'file-error'

/** The rule id of messages on files that were not linted because the config that applies to them is broken. */
export const CONFIG_ERROR = 'config-error'

/** The rule id of the message on a file that a rule failed on. */
export const INTERNAL_ERROR = 'internal-error'

/** Makes the VFile copydesk lints: the BOM, if any, is removed and remembered in `data.bom`. */
export function createFile(text: string, filePath?: string, cwd?: string): VFile {
  const bom = text.charCodeAt(0) === 0xfeff
  const file = new VFile({value: bom ? text.slice(1) : text, path: filePath, cwd})
  file.data.bom = bom
  return file
}

/** Reads and decodes one file (`filePath` relative to `cwd`). A file that cannot be linted gets a fatal `file-error` message. */
export async function readArticle(filePath: string, cwd?: string): Promise<VFile> {
  let buffer: Buffer
  try {
    // Read relative to `cwd`, as the file's path is reported.
    buffer = await fs.readFile(path.resolve(cwd ?? process.cwd(), filePath))
  } catch (error) {
    return failed(filePath, cwd, readFailureReason(error))
  }
  return decodeArticle(buffer, filePath, cwd)
}

/** What a `file-error` says about a file that `fs.readFile` could not read. */
export function readFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'ENOENT' ? 'File not found' : code === 'EACCES' || code === 'EPERM' ? 'Cannot read file: permission denied' : code === 'EISDIR' ? 'Cannot read file: it is a folder' : `Cannot read file: ${code ?? (error as Error).message}`
}

/** Decodes bytes as a UTF-8 article. */
export function decodeArticle(buffer: Uint8Array, filePath?: string, cwd?: string): VFile {
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    return failed(filePath, cwd, 'Cannot lint a UTF-16 file: save it as UTF-8')
  }
  const probe = buffer.subarray(0, 8000)
  if (probe.includes(0)) return failed(filePath, cwd, 'Cannot lint a binary file (it contains NUL bytes)')
  const invalid = firstInvalidUtf8(buffer)
  if (invalid !== -1) {
    const before = Buffer.from(buffer.subarray(0, invalid)).toString('utf8')
    const line = before.split(/\r\n|\n|\r/u).length
    const column = before.length - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'))
    const file = failed(filePath, cwd, `Cannot lint a file that is not valid UTF-8 (first invalid byte 0x${buffer[invalid].toString(16).padStart(2, '0')} at byte ${invalid})`)
    const message = file.messages[0]
    message.line = line
    message.column = column
    message.place = {line, column}
    return file
  }
  // A view of the same bytes: `Buffer.from(buffer)` would copy the whole file first.
  const file = createFile(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString('utf8'), filePath, cwd)
  if (String(file.value).trim() === '') {
    const message = file.message('File is empty: nothing to lint', {ruleId: 'empty-file', source: 'copydesk'})
    message.fatal = false
  }
  return file
}

/** A file that could not be linted, with one fatal message saying why. */
export function failed(filePath: string | undefined, cwd: string | undefined, reason: string, ruleId: string = FILE_ERROR): VFile {
  const file = new VFile({path: filePath, cwd})
  const message = file.message(reason, {ruleId, source: 'copydesk'})
  message.fatal = true
  return file
}

/** Offset of the first byte that breaks UTF-8, or -1 when the buffer is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  // Node's validator (the same rules: no overlong forms, surrogates or code points past U+10FFFF)
  // settles the common case, valid text, at a tenth of the cost; the scan below finds where it breaks.
  if (isUtf8(bytes)) return -1
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]
    if (byte < 0x80) {
      index++
      continue
    }
    let length: number
    let min: number
    if (byte >= 0xc2 && byte <= 0xdf) [length, min] = [2, 0x80]
    else if (byte >= 0xe0 && byte <= 0xef) [length, min] = [3, 0x800]
    else if (byte >= 0xf0 && byte <= 0xf4) [length, min] = [4, 0x10000]
    else return index
    if (index + length > bytes.length) return index
    let code = byte & (0xff >> (length + 1))
    for (let k = 1; k < length; k++) {
      const next = bytes[index + k]
      if ((next & 0xc0) !== 0x80) return index
      code = (code << 6) | (next & 0x3f)
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return index
    index += length
  }
  return -1
}
