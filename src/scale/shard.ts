/**
 * `--shard i/n`: a deterministic split of the file list for a CI matrix of `n` runners. A file's
 * shard depends on its path alone (a hash), not on the other files, so adding an article does not
 * move every other one to another runner (whose cache would then be cold).
 */

export interface Shard {
  /** 1-based. */
  index: number
  count: number
}

/** Parses `i/n` (1 ≤ i ≤ n); throws a message for the usage error otherwise. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/u.exec(value.trim())
  const index = match ? Number(match[1]) : NaN
  const count = match ? Number(match[2]) : NaN
  if (!match || count < 1 || index < 1 || index > count) throw new Error(`--shard takes i/n with 1 ≤ i ≤ n, e.g. 2/4, got \`${value}\``)
  return {index, count}
}

/** The files of `shard`, in their original order. Across shards 1..n every file is in exactly one. */
export function filesOfShard(files: readonly string[], shard: Shard): string[] {
  return files.filter((file) => shardOf(file, shard.count) === shard.index)
}

/** The shard (1-based) a path belongs to: FNV-1a of its `/`-separated form, modulo the count. */
export function shardOf(filePath: string, count: number): number {
  const key = filePath.replace(/\\/gu, '/')
  let hash = 0x811c9dc5
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return (hash % count) + 1
}
