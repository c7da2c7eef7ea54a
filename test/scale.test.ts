/** Units of CI at scale: shards, the progress bar, plain results, the cache file, the worker pool. */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/lint.js'
import {contentHash, ResultCache} from '../src/scale/cache.js'
import {progressBar, wantsProgress} from '../src/scale/progress.js'
import {fromResult, toResult, type FileResult} from '../src/scale/result.js'
import {filesOfShard, parseShard, shardOf} from '../src/scale/shard.js'
import {TaskRunner} from '../src/scale/task.js'
import {temporaryFolders} from './helpers.js'

const folder = temporaryFolders('copydesk-scale-unit-')

describe('shards', () => {
  const files = Array.from({length: 1000}, (_, index) => `section-${index % 7}/article-${index}.txt`)

  it('put every file in exactly one of n shards, for any n', () => {
    for (const count of [1, 2, 3, 7, 16]) {
      const shards = Array.from({length: count}, (_, index) => filesOfShard(files, {index: index + 1, count}))
      expect(shards.flat().sort()).toEqual([...files].sort())
      // Roughly even: no shard has more than twice its share.
      for (const shard of shards) expect(shard.length).toBeLessThan((2 * files.length) / count)
    }
  })

  it('depend on the path only, the same with either separator', () => {
    expect(shardOf('a/b.txt', 5)).toBe(shardOf('a\\b.txt', 5))
    expect(filesOfShard(['x.txt', ...files], {index: shardOf('x.txt', 4), count: 4})).toContain('x.txt')
    const before = filesOfShard(files, {index: 2, count: 4})
    expect(filesOfShard([...files, 'new.txt'], {index: 2, count: 4}).filter((file) => file !== 'new.txt')).toEqual(before)
  })

  it('parse i/n and reject the rest', () => {
    expect(parseShard('2/4')).toEqual({index: 2, count: 4})
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '-1/2']) expect(() => parseShard(bad)).toThrow(/--shard takes i\/n/u)
  })
})

describe('the progress bar', () => {
  const terminal = {isTTY: true, columns: 80, write: () => {}}

  it('shows only for many files at a terminal outside CI', () => {
    expect(wantsProgress(1000, terminal, {})).toBe(true)
    expect(wantsProgress(50, terminal, {})).toBe(false)
    expect(wantsProgress(1000, {...terminal, isTTY: false}, {})).toBe(false)
    expect(wantsProgress(1000, terminal, {CI: 'true'})).toBe(false)
    expect(wantsProgress(1000, terminal, {TERM: 'dumb'})).toBe(false)
  })

  it('draws done/total and erases itself', () => {
    let written = ''
    const bar = progressBar(400, {isTTY: true, columns: 60, write: (text) => (written += text)})
    bar.tick(400)
    expect(written).toMatch(/\r\[#+\] 400\/400 files$/u)
    bar.finish()
    expect(written.endsWith('\r\u001B[2K')).toBe(true)
  })
})

describe('plain results', () => {
  it('round-trip a file’s messages with their places, offsets included', async () => {
    const file = await lint('The plan was set,and the the plan held.\n', {filePath: 'a.txt'})
    const back = fromResult(JSON.parse(JSON.stringify(toResult(file))), 'a.txt', '/x')
    expect(back.messages.map((message) => ({...message}))).toEqual(file.messages.map((message) => ({...message, ancestors: undefined})))
    expect(back.messages[0].place).toEqual({start: {line: 1, column: 17, offset: 16}, end: {line: 1, column: 18, offset: 17}})
    expect(back.messages[0].fixable).toBe(true)
  })
})

describe('the result cache', () => {
  const result = {messages: [], collection: {rule: ['data']}}

  it('returns a result only for the same content hash and config key', async () => {
    const dir = folder({})
    const cache = await ResultCache.open(dir, '1.0.0')
    cache.set('a.txt', contentHash(Buffer.from('a')), 'config', result)
    await cache.save()
    const again = await ResultCache.open(dir, '1.0.0')
    expect(again.get('a.txt', contentHash(Buffer.from('a')), 'config')).toEqual(result)
    expect(again.get('a.txt', contentHash(Buffer.from('b')), 'config')).toBeUndefined()
    expect(again.get('a.txt', contentHash(Buffer.from('a')), 'other')).toBeUndefined()
    expect(again.get('b.txt', contentHash(Buffer.from('a')), 'config')).toBeUndefined()
    expect((await ResultCache.open(dir, '1.0.1')).get('a.txt', contentHash(Buffer.from('a')), 'config')).toBeUndefined()
  })

  it('is written again only when an entry was set or forgotten', async () => {
    const dir = folder({})
    const cache = await ResultCache.open(dir, '1.0.0')
    cache.set('a.txt', 'h', 'c', result)
    cache.set('b.txt', 'h', 'c', result)
    await cache.save()
    const file = path.join(dir, 'results.json')
    // save() writes a new file and renames it over the old one: a new inode tells a write.
    const inode = () => fs.statSync(file).ino
    const written = inode()
    const replayed = await ResultCache.open(dir, '1.0.0')
    expect(replayed.get('a.txt', 'h', 'c')).toEqual(result)
    replayed.prune(new Set(['a.txt', 'b.txt']))
    await replayed.save()
    expect(inode()).toBe(written)
    const pruned = await ResultCache.open(dir, '1.0.0')
    pruned.prune(new Set(['a.txt']))
    await pruned.save()
    expect(inode()).not.toBe(written)
    expect((await ResultCache.open(dir, '1.0.0')).get('b.txt', 'h', 'c')).toBeUndefined()
    const newer = await ResultCache.open(dir, '1.0.1')
    const beforeNewer = inode()
    await newer.save()
    expect(inode()).not.toBe(beforeNewer)
  })

  it('forgets files that are no longer in the run', async () => {
    const dir = folder({})
    const cache = await ResultCache.open(dir, '1.0.0')
    cache.set('a.txt', 'h', 'c', result)
    cache.set('b.txt', 'h', 'c', result)
    cache.prune(new Set(['b.txt']))
    expect(cache.get('a.txt', 'h', 'c')).toBeUndefined()
    expect(cache.get('b.txt', 'h', 'c')).toEqual(result)
  })
})

describe('the worker pool (built, from dist/)', () => {
  it('gives the results the main thread gives, in the order asked', async () => {
    const dist = path.join(fileURLToPath(new URL('..', import.meta.url)), 'dist/src/scale/pool.js')
    const {WorkerPool} = (await import(dist)) as typeof import('../src/scale/pool.js')
    const dir = fileURLToPath(new URL('../fixtures/articles', import.meta.url))
    const names = fs.readdirSync(dir).sort()
    const pool = new WorkerPool(2, {cwd: dir, overrides: {}})
    const inline = new TaskRunner(dir, {})
    try {
      const pooled = await Promise.all(names.map((name) => pool.run({path: name, bytes: fs.readFileSync(path.join(dir, name))})))
      const direct = await Promise.all(names.map((name) => inline.run({path: name, bytes: fs.readFileSync(path.join(dir, name))})))
      expect(pooled).toEqual(direct)
      expect(pooled.flatMap((item) => (JSON.parse(item) as FileResult).messages).length).toBeGreaterThan(50)
    } finally {
      await pool.close()
    }
  }, 60_000)
})

