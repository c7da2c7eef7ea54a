/**
 * Records on disk instead of in the heap: a run writes each file's result (and later its
 * cross-file findings) to an append-only file as it arrives, keeps only where it went, and reads it
 * back when the report reaches the file. Memory then stays the same for ten files or ten thousand.
 *
 * The file is written and read with synchronous calls: a record is a few kilobytes going to or
 * from the page cache, and a synchronous call keeps each record's offset known the moment it is
 * written, whatever else the run has in flight. Records are gathered in a buffer and written a
 * block at a time, and records next to each other are read in one call (`texts`): a run of 5,000
 * articles stores about 100,000 cross-file findings of a few hundred bytes each, and a system
 * call for each one was a quarter of a warm run.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** How many bytes of records are gathered before they are written. */
const WRITE_BLOCK = 256 * 1024

/** How many bytes are read at once when records are read front to back. */
const READ_BLOCK = 256 * 1024

/** How far past the end of the last record read the next may start and still count as read front to back. */
const READ_GAP = 64 * 1024

/** Where a record lies in its store. */
export interface RecordPlace {
  offset: number
  length: number
}

export class RecordStore {
  /** The records of a store kept in memory (see `temporary`): `end` bytes of it are used. */
  private memory: Buffer | undefined
  /** Records appended to a file but not written yet: `pendingLength` bytes, from file offset `end - pendingLength`. */
  private readonly pending = Buffer.allocUnsafe(WRITE_BLOCK)
  private pendingLength = 0
  /**
   * The bytes last read a block at a time, from file offset `start`. The file is only ever appended
   * to, so what was read stays true. A new block is a new buffer: records handed out are views of it.
   */
  private block: {start: number; bytes: Buffer} | undefined
  /** Where the last record read ends: a record starting a little after it is read front to back. */
  private lastReadEnd = -1

  private constructor(
    readonly file: string,
    private fd: number | undefined,
    /** Bytes in the file, so the offset of the next record. */
    private end: number,
    /** A temporary store deletes its file when closed. */
    private readonly temporary: boolean
  ) {
    if (temporary && fd !== undefined) process.once('exit', this.close)
  }

  /**
   * A new store in the system's temporary folder, deleted when closed (or, failing that, at exit).
   * Where no file can be made there (no such folder, no room, no permission), the store keeps its
   * records in memory instead: a run then holds its results in memory, as it did before they went
   * to disk, rather than fail.
   */
  static temporary(): RecordStore {
    const file = path.join(os.tmpdir(), `copydesk-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.records`)
    let fd: number
    try {
      fd = fs.openSync(file, 'wx+', 0o600)
    } catch {
      const store = new RecordStore('(memory)', undefined, 0, true)
      store.memory = Buffer.alloc(0)
      return store
    }
    return new RecordStore(file, fd, 0, true)
  }

  /** Whether the records are in memory, not in a file (see `temporary`). */
  get inMemory(): boolean {
    return this.memory !== undefined
  }

  /** A new, empty store at `file` (which must not exist), kept when closed. */
  static create(file: string): RecordStore {
    return new RecordStore(file, fs.openSync(file, 'wx+', 0o644), 0, false)
  }

  /** An existing store, read-only. */
  static open(file: string): RecordStore {
    const fd = fs.openSync(file, 'r')
    return new RecordStore(file, fd, fs.fstatSync(fd).size, false)
  }

  /** Bytes written so far: the offset of the next record. */
  get size(): number {
    return this.end
  }

  /** Appends `data`; returns where it went. */
  append(data: string | Uint8Array): RecordPlace {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data
    const offset = this.end
    if (this.memory) {
      if (offset + bytes.byteLength > this.memory.length) {
        // Doubling keeps the copies few: each byte is copied about twice in all.
        const grown = Buffer.allocUnsafe(Math.max(64 * 1024, 2 * this.memory.length, offset + bytes.byteLength))
        this.memory.copy(grown, 0, 0, offset)
        this.memory = grown
      }
      this.memory.set(bytes, offset)
      this.end += bytes.byteLength
      return {offset, length: bytes.byteLength}
    }
    this.handle()
    if (this.pendingLength + bytes.byteLength > WRITE_BLOCK) this.flush()
    if (bytes.byteLength >= WRITE_BLOCK) this.write(bytes, offset)
    else {
      this.pending.set(bytes, this.pendingLength)
      this.pendingLength += bytes.byteLength
    }
    this.end += bytes.byteLength
    return {offset, length: bytes.byteLength}
  }

  /** Writes the records appended so far to the file (reads and `close` do it first). */
  flush(): void {
    if (this.pendingLength === 0) return
    this.write(this.pending.subarray(0, this.pendingLength), this.end - this.pendingLength)
    this.pendingLength = 0
  }

  private write(bytes: Uint8Array, offset: number): void {
    let written = 0
    while (written < bytes.byteLength) written += fs.writeSync(this.handle(), bytes, written, bytes.byteLength - written, offset + written)
  }

  /**
   * The bytes of a record. Records read front to back (a report going through the files, the
   * comparison loading each file's data) come from blocks read ahead, a system call and a buffer
   * for hundreds of records instead of one each; others are read on their own.
   */
  read(place: RecordPlace): Buffer {
    if (this.memory) {
      if (place.offset + place.length > this.end) throw new Error(`${this.file}: a record ends past the end of the store`)
      return Buffer.from(this.memory.subarray(place.offset, place.offset + place.length))
    }
    const end = place.offset + place.length
    if (end > this.end - this.pendingLength) this.flush()
    const inOrder = place.offset >= this.lastReadEnd && place.offset - this.lastReadEnd <= READ_GAP
    this.lastReadEnd = end
    const block = this.block
    if (block && place.offset >= block.start && end <= block.start + block.bytes.length) {
      return block.bytes.subarray(place.offset - block.start, end - block.start)
    }
    if (!inOrder || place.length >= READ_BLOCK) return this.readAt(place.offset, place.length, place.length)
    const bytes = this.readAt(place.offset, place.length, Math.min(READ_BLOCK, this.end - place.offset))
    this.block = {start: place.offset, bytes}
    return bytes.subarray(0, place.length)
  }

  /** Reads `length` bytes at `offset` (at least `needed` of them must be there) into a new buffer. */
  private readAt(offset: number, needed: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length)
    let read = 0
    while (read < length) {
      const count = fs.readSync(this.handle(), bytes, read, length - read, offset + read)
      if (count === 0) break
      read += count
    }
    if (read < needed) throw new Error(`${this.file}: a record ends past the end of the file`)
    return read < length ? bytes.subarray(0, read) : bytes
  }

  /** A record as text. */
  text(place: RecordPlace): string {
    return this.read(place).toString('utf8')
  }

  /** Records as text, in the order given; each run of records next to each other is read at once. */
  texts(places: readonly RecordPlace[]): string[] {
    const result: string[] = []
    for (let first = 0; first < places.length; ) {
      let last = first
      while (last + 1 < places.length && places[last + 1].offset === places[last].offset + places[last].length) last++
      const start = places[first].offset
      const bytes = this.read({offset: start, length: places[last].offset + places[last].length - start})
      for (let index = first; index <= last; index++) {
        const at = places[index].offset - start
        result.push(bytes.toString('utf8', at, at + places[index].length))
      }
      first = last + 1
    }
    return result
  }

  /** Closes the file (and deletes it if temporary). Closing twice does nothing. */
  readonly close = (): void => {
    this.memory = undefined
    this.block = undefined
    if (this.fd === undefined) return
    // A temporary file is deleted below: what it has not written yet needs no writing.
    if (!this.temporary) this.flush()
    this.pendingLength = 0
    fs.closeSync(this.fd)
    this.fd = undefined
    if (!this.temporary) return
    fs.rmSync(this.file, {force: true})
    process.off('exit', this.close)
  }

  private handle(): number {
    if (this.fd === undefined) throw new Error(`${this.file}: the store is closed`)
    return this.fd
  }
}
