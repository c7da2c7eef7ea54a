/** Units of CI at scale: shards, the progress bar, plain results, the cache file, the worker pool. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {lint} from '../src/lint.js'
import {contentHash, ResultCache, type StoredResult} from '../src/scale/cache.js'
import {progressBar, wantsProgress} from '../src/scale/progress.js'
import {fromResult, toResult, type FileResult} from '../src/scale/result.js'
import {filesOfShard, parseShard, shardOf} from '../src/scale/shard.js'
import {lintCollection, runCollection} from '../src/scale/run.js'
import {RecordStore} from '../src/scale/store.js'
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
    // Messages as vfile-message makes them: of its class, with an empty stack that no listing of the fields shows.
    for (const message of back.messages) {
      expect(message).toBeInstanceOf(VFileMessage)
      expect([message.stack, Object.keys(message).includes('stack')]).toEqual(['', false])
    }
  })
})

describe('the result cache', () => {
  const result: FileResult = {messages: [], collection: {rule: ['data']}}
  const spill = RecordStore.temporary()
  afterAll(() => spill.close())
  /** A result as a run stores it before caching it. */
  const stored = (plain: FileResult): StoredResult => {
    const messages = spill.append(JSON.stringify(plain.messages))
    const collection = plain.collection ? spill.append(JSON.stringify(plain.collection)).length : 0
    return {store: spill, offset: messages.offset, messagesLength: messages.length, collectionLength: collection, collectionRules: Object.keys(plain.collection ?? {})}
  }
  /** A stored result read back. */
  const plain = (found: StoredResult | undefined): FileResult | undefined => {
    if (!found) return undefined
    const back: FileResult = {messages: JSON.parse(found.store.text({offset: found.offset, length: found.messagesLength}))}
    if (found.collectionLength > 0) back.collection = JSON.parse(found.store.text({offset: found.offset + found.messagesLength, length: found.collectionLength}))
    return back
  }

  it('returns a result only for the same content hash and config key', async () => {
    const dir = folder({})
    const cache = await ResultCache.open(dir, '1.0.0')
    cache.set('a.txt', contentHash(Buffer.from('a')), 'config', stored(result))
    await cache.save()
    const again = await ResultCache.open(dir, '1.0.0')
    expect(plain(again.get('a.txt', contentHash(Buffer.from('a')), 'config'))).toEqual(result)
    expect(again.get('a.txt', contentHash(Buffer.from('b')), 'config')).toBeUndefined()
    expect(again.get('a.txt', contentHash(Buffer.from('a')), 'other')).toBeUndefined()
    expect(again.get('b.txt', contentHash(Buffer.from('a')), 'config')).toBeUndefined()
    expect((await ResultCache.open(dir, '1.0.1')).get('a.txt', contentHash(Buffer.from('a')), 'config')).toBeUndefined()
  })

  it('is written again only when an entry was set or forgotten', async () => {
    const dir = folder({})
    const cache = await ResultCache.open(dir, '1.0.0')
    cache.set('a.txt', 'h', 'c', stored(result))
    cache.set('b.txt', 'h', 'c', stored(result))
    await cache.save()
    const file = path.join(dir, 'results.json')
    // save() writes a new file and renames it over the old one: a new inode tells a write.
    const inode = () => fs.statSync(file).ino
    const written = inode()
    const replayed = await ResultCache.open(dir, '1.0.0')
    expect(plain(replayed.get('a.txt', 'h', 'c'))).toEqual(result)
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
    cache.set('a.txt', 'h', 'c', stored(result))
    cache.set('b.txt', 'h', 'c', stored(result))
    cache.prune(new Set(['b.txt']))
    expect(cache.get('a.txt', 'h', 'c')).toBeUndefined()
    expect(plain(cache.get('b.txt', 'h', 'c'))).toEqual(result)
  })

  it('replays each result by its offset in one data file, which replaces the last one', async () => {
    const dir = folder({})
    const results: FileResult[] = [
      {messages: [{ruleId: 'r', source: 's', severity: 'error', line: 1, column: 2, endLine: 1, endColumn: 3, reason: 'first', fatal: true}]},
      {messages: [], collection: {rule: {passages: ['x']}}},
      {messages: [{ruleId: 'r', source: 's', severity: 'warning', line: 4, column: 1, endLine: null, endColumn: null, reason: 'third, ünïcode', fatal: false}], collection: {rule: 1}}
    ]
    const cache = await ResultCache.open(dir, '1.0.0')
    for (const [index, item] of results.entries()) cache.set(`${index}.txt`, `h${index}`, 'c', stored(item))
    await cache.save()
    const dataFiles = () => fs.readdirSync(dir).filter((name) => name.endsWith('.data'))
    expect(dataFiles()).toHaveLength(1)
    const first = dataFiles()[0]
    const replayed = await ResultCache.open(dir, '1.0.0')
    // Read back in another order than written: each from its own place.
    for (const index of [2, 0, 1]) {
      const found = replayed.get(`${index}.txt`, `h${index}`, 'c')!
      expect(found.store.file).toBe(path.join(dir, first))
      expect(plain(found)).toEqual(results[index])
    }
    expect(replayed.get('1.txt', 'h1', 'c')!.collectionRules).toEqual(['rule'])
    // A changed entry: a new data file holds every entry kept, and the old one is gone.
    replayed.set('1.txt', 'h1b', 'c', stored(results[2]))
    await replayed.save()
    expect(dataFiles()).toHaveLength(1)
    expect(dataFiles()[0]).not.toBe(first)
    // The run that saved still reads what it replayed from the old file, which it keeps open.
    expect(plain(replayed.get('0.txt', 'h0', 'c'))).toEqual(results[0])
    replayed.close()
    const third = await ResultCache.open(dir, '1.0.0')
    expect(plain(third.get('1.txt', 'h1b', 'c'))).toEqual(results[2])
    expect(plain(third.get('0.txt', 'h0', 'c'))).toEqual(results[0])
    third.close()
  })

  it('treats a damaged data file as absent, and a damaged entry as a miss', async () => {
    const dir = folder({})
    const cache = await ResultCache.open(dir, '1.0.0')
    cache.set('a.txt', 'h', 'c', stored(result))
    cache.set('b.txt', 'h', 'c', stored({messages: [], collection: {rule: 'b'}}))
    await cache.save()
    const data = path.join(dir, fs.readdirSync(dir).find((name) => name.endsWith('.data'))!)
    const bytes = fs.readFileSync(data)
    // The same size, one byte changed in the first entry: that entry is linted again, the other replayed.
    const changed = Buffer.from(bytes)
    changed[changed.indexOf('data')] = 0x44
    fs.writeFileSync(data, changed)
    const damaged = await ResultCache.open(dir, '1.0.0')
    expect(damaged.get('a.txt', 'h', 'c')).toBeUndefined()
    expect(plain(damaged.get('b.txt', 'h', 'c'))).toEqual({messages: [], collection: {rule: 'b'}})
    damaged.close()
    // Cut short, or gone: no cache at all, and no error.
    fs.writeFileSync(data, bytes.subarray(0, bytes.length - 1))
    expect((await ResultCache.open(dir, '1.0.0')).get('b.txt', 'h', 'c')).toBeUndefined()
    fs.rmSync(data)
    expect((await ResultCache.open(dir, '1.0.0')).get('b.txt', 'h', 'c')).toBeUndefined()
  })

  it('deletes the data file it replaces, and others left over once stale, but not one being written', async () => {
    const dir = folder({})
    const first = await ResultCache.open(dir, '1.0.0')
    first.set('a.txt', 'h', 'c', stored(result))
    await first.save()
    const dataFiles = () => fs.readdirSync(dir).filter((name) => name.endsWith('.data')).sort()
    const [replaced] = dataFiles()
    // What two runs at once may leave: a data file no index names, old or just written.
    const old = path.join(dir, 'results.0123456789ab.data')
    const fresh = path.join(dir, 'results.ba9876543210.data')
    fs.writeFileSync(old, 'left over')
    fs.writeFileSync(fresh, 'being written')
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000)
    fs.utimesSync(old, hourAgo, hourAgo)
    const second = await ResultCache.open(dir, '1.0.0')
    second.set('b.txt', 'h', 'c', stored(result))
    await second.save()
    second.close()
    const current = dataFiles().filter((name) => name !== path.basename(fresh))
    expect(current).toHaveLength(1)
    expect(current[0]).not.toBe(replaced)
    expect(fs.existsSync(old)).toBe(false)
    expect(fs.existsSync(fresh)).toBe(true)
  })

  it('treats a cache of the old format, one JSON file of every result, as absent without reading it', async () => {
    const dir = folder({'results.json': JSON.stringify({version: '1.0.0', entries: {'a.txt': {hash: 'h', config: 'c', result}}})})
    const cache = await ResultCache.open(dir, '1.0.0')
    expect(cache.get('a.txt', 'h', 'c')).toBeUndefined()
    cache.set('a.txt', 'h', 'c', stored(result))
    await cache.save()
    expect(plain((await ResultCache.open(dir, '1.0.0')).get('a.txt', 'h', 'c'))).toEqual(result)
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
      expect(pooled.flatMap((item) => JSON.parse(Buffer.from(item.messages).toString('utf8')) as FileResult['messages']).length).toBeGreaterThan(50)
      expect(pooled.every((item) => item.collectionRules.includes('duplicate-across-files') && item.transient === false)).toBe(true)
    } finally {
      await pool.close()
    }
  }, 60_000)
})


describe('a run’s results on disk', () => {
  const shared = 'The committee met for six hours on Tuesday and agreed to publish the budget figures before the end of the month.'
  const spillFiles = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(`copydesk-${process.pid}-`) && name.endsWith('.records'))

  it('come back in the targets’ order, each with its own cross-file findings, and leave no file behind', async () => {
    const before = spillFiles()
    const dir = folder({'c.txt': 'The plan was set,and it held.\n', 'a.txt': `${shared}\n`, 'b.txt': `Another opening line, of course, for this one.\n\n${shared}\n`})
    const results = await runCollection({targets: ['c.txt', 'b.txt', 'a.txt'], cwd: dir, jobs: 1})
    let files: VFile[]
    try {
      expect(spillFiles()).toHaveLength(before.length + 1)
      files = [...results.targets()]
      // Read back again, the same: nothing is consumed.
      expect([...results.targets()].map((file) => file.messages.length)).toEqual(files.map((file) => file.messages.length))
    } finally {
      results.close()
    }
    expect(spillFiles()).toEqual(before)
    expect(files.map((file) => file.path)).toEqual(['c.txt', 'b.txt', 'a.txt'])
    const across = (file: VFile) => file.messages.filter((message) => message.ruleId === 'duplicate-across-files').map((message) => [message.line, message.column, message.reason])
    // Path order decides which copy is the original: a.txt's paragraph; the finding is b.txt's.
    expect(files.map(across)).toEqual([[], [[3, 1, 'Unexpected paragraph copied from a.txt:1']], []])
    expect(files[0].messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([['punctuation-spacing', 1, 17]])
    // The stored messages and the finding come out in place order.
    const b = files[1].messages.map((message) => message.line ?? 0)
    expect(b).toEqual([...b].sort((x, y) => x - y))
  })

  it('are written by a file store a block at a time, and read back alone or a run at a time', () => {
    const dir = folder({})
    const store = RecordStore.create(path.join(dir, 'records'))
    const small = Array.from({length: 3000}, (_, index) => store.append(`{"n":${index}}`))
    const big = store.append(Buffer.alloc(300_000, 'y'))
    const last = store.append('ü')
    // The big record did not fit beside the small ones: they were written, then it, straight; the
    // last record waits in the buffer until something reads it or the store closes.
    expect(fs.statSync(path.join(dir, 'records')).size).toBe(big.offset + big.length)
    expect(store.text(small[0])).toBe('{"n":0}')
    expect(store.text(last)).toBe('ü')
    expect(store.texts([small[10], small[11], small[12], small[2999], last])).toEqual(['{"n":10}', '{"n":11}', '{"n":12}', '{"n":2999}', 'ü'])
    expect(store.texts([])).toEqual([])
    store.close()
    // Closing writes the rest: the file holds every record, readable by a new store.
    const reopened = RecordStore.open(path.join(dir, 'records'))
    expect(reopened.size).toBe(last.offset + last.length)
    expect(reopened.texts(small.slice(0, 3))).toEqual(['{"n":0}', '{"n":1}', '{"n":2}'])
    expect(reopened.read(big).every((byte) => byte === 0x79)).toBe(true)
    reopened.close()
  })

  it('are read front to back a block at a time, and stay right while the store grows between reads', () => {
    const dir = folder({})
    const store = RecordStore.create(path.join(dir, 'records'))
    const text = (index: number) => `{"record":${index},"padding":"${'p'.repeat(index % 97)}"}`
    const places = Array.from({length: 4000}, (_, index) => store.append(text(index)))
    const readSync = fs.readSync
    let calls = 0
    const counting = ((...args: Parameters<typeof fs.readSync>) => {
      calls++
      return readSync(...args)
    }) as typeof fs.readSync
    fs.readSync = counting
    try {
      // Every other record, front to back, as a report skips each file's collection data.
      for (let index = 0; index < places.length; index += 2) expect(store.text(places[index])).toBe(text(index))
      const frontToBack = calls
      // About 250 kB of records: a block or two, not a read for each of the 2,000.
      expect(frontToBack).toBeGreaterThan(0)
      expect(frontToBack).toBeLessThan(10)
      // Records appended after a block was read, then read: from the file, not from the old block.
      const later = Array.from({length: 50}, (_, index) => store.append(text(10_000 + index)))
      for (const [index, place] of later.entries()) expect(store.text(place)).toBe(text(10_000 + index))
      // Out of order: each read on its own, and right.
      for (const index of [3999, 5, 2000, 7, 3001]) expect(store.text(places[index])).toBe(text(index))
      expect(store.texts([places[1], places[2], places[3]])).toEqual([text(1), text(2), text(3)])
    } finally {
      fs.readSync = readSync
    }
    store.close()
  })

  it('are kept by a store in memory as a file would keep them, growing past its first buffer', () => {
    const tmpdir = process.env.TMPDIR
    process.env.TMPDIR = path.join(os.tmpdir(), `copydesk-missing-${process.pid}`, 'deeper')
    let store: RecordStore
    try {
      store = RecordStore.temporary()
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = tmpdir
    }
    expect(store.inMemory).toBe(true)
    const first = store.append('{"first":true}')
    const big = store.append(Buffer.alloc(100_000, 'x'))
    const last = store.append('ü')
    expect([first, big.offset, last]).toEqual([{offset: 0, length: 14}, 14, {offset: 100_014, length: 2}])
    expect(store.text(first)).toBe('{"first":true}')
    expect(store.text(last)).toBe('ü')
    expect(store.read({offset: 99_990, length: 26}).toString('utf8')).toBe(`${'x'.repeat(24)}ü`)
    expect(() => store.read({offset: 100_010, length: 10})).toThrow('a record ends past the end of the store')
    store.close()
    expect(() => store.read(first)).toThrow('the store is closed')
  })

  it('stay in memory, with the same findings, where the temporary folder cannot take a file', async () => {
    const dir = folder({'a.txt': `${shared}\n`, 'b.txt': `${shared}\n`})
    const expected = (await lintCollection({targets: ['a.txt', 'b.txt'], cwd: dir, jobs: 1})).files.map((file) => file.messages.map((message) => [message.ruleId, message.line, message.column]))
    const tmpdir = process.env.TMPDIR
    process.env.TMPDIR = path.join(dir, 'no such folder')
    try {
      expect(RecordStore.temporary().inMemory).toBe(true)
      const run = await lintCollection({targets: ['a.txt', 'b.txt'], cwd: dir, jobs: 1})
      expect(run.files.map((file) => file.messages.map((message) => [message.ruleId, message.line, message.column]))).toEqual(expected)
      expect(expected[1]).toEqual([['duplicate-across-files', 1, 1]])
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = tmpdir
    }
  })

  it('give programs the files lintCollection gave before: messages and collection data', async () => {
    const dir = folder({'a.txt': `${shared}\n`, 'b.txt': `${shared}\n`})
    const run = await lintCollection({targets: ['a.txt', 'b.txt'], cwd: dir, jobs: 1})
    expect(run.files.map((file) => file.messages.map((message) => message.ruleId))).toEqual([[], ['duplicate-across-files']])
    expect((run.files[0].data.collection?.['duplicate-across-files'] as {passages: unknown[]}).passages).toHaveLength(1)
    expect(run.signatures.map((entry) => entry.path)).toEqual(['a.txt', 'b.txt'])
  })
})
