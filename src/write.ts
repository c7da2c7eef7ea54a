/**
 * Writes a fixed article back to disk: atomically (a temporary file in the same folder, then a
 * rename, so a crash or a full disk never leaves half an article), with the file's mode (and, for
 * root, its owner), through symbolic links, and only over the very bytes that were read. A file
 * with several hard links is overwritten in place instead, as editors do: a rename would give
 * this name a new file and leave the other names on the old text.
 */
import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/** A write that did not happen; `message` says why, in words for the report. */
export class WriteError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WriteError'
  }
}

/** The article as on disk: its text (as linted, without the BOM), after a byte order mark when it had one. */
export function withBom(text: string, bom: boolean): string {
  return bom ? `\uFEFF${text}` : text
}

/**
 * Replaces the file at `filePath` with `next`, provided it still holds `previous` (a file edited
 * while copydesk was fixing it is left alone). A file without any write permission is read-only
 * even for root, as editors treat it. Throws `WriteError` with a clear reason.
 */
export async function replaceFile(filePath: string, previous: Uint8Array, next: Uint8Array): Promise<void> {
  let target: string
  let stats: Awaited<ReturnType<typeof fs.stat>>
  try {
    // Write where a symbolic link points, so the link stays a link.
    target = await fs.realpath(filePath)
    stats = await fs.stat(target)
  } catch (error) {
    throw new WriteError(`Cannot write fixes: ${reasonOf(error)}`)
  }
  if ((Number(stats.mode) & 0o222) === 0) throw new WriteError('Cannot write fixes: the file is read-only')
  try {
    await fs.access(target, fs.constants.W_OK)
    const current = await fs.readFile(target)
    if (!current.equals(previous)) throw new WriteError('Cannot write fixes: the file changed while copydesk was fixing it')
  } catch (error) {
    if (error instanceof WriteError) throw error
    throw new WriteError(`Cannot write fixes: ${reasonOf(error)}`)
  }
  if (Number(stats.nlink) > 1) return overwrite(target, next)
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.copydesk-${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  try {
    const handle = await fs.open(temporary, 'wx', 0o600)
    try {
      await handle.writeFile(next)
      // The mode given to `open` passes through the umask; set it exactly.
      await handle.chmod(Number(stats.mode) & 0o7777)
      if (process.getuid?.() === 0) await handle.chown(Number(stats.uid), Number(stats.gid))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temporary, target)
  } catch (error) {
    await fs.rm(temporary, {force: true})
    throw new WriteError(`Cannot write fixes: ${reasonOf(error)}`)
  }
}

/** Writes `next` over the file itself, keeping its inode (and so its hard links). */
async function overwrite(target: string, next: Uint8Array): Promise<void> {
  try {
    const handle = await fs.open(target, 'r+')
    try {
      await handle.truncate(0)
      await handle.write(next, 0, next.length, 0)
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (error) {
    throw new WriteError(`Cannot write fixes: ${reasonOf(error)}`)
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EROFS':
      return 'the file system is read-only'
    case 'ENOSPC':
      return 'no space left on the device'
    case 'ENOENT':
      return 'the file no longer exists'
    default:
      return code ?? (error as Error).message
  }
}
