/**
 * Runs lint tasks in `node:worker_threads`. Each worker lints one file at a time; a file's bytes
 * are moved, not copied, to its worker. Results come back by task, so the caller keeps the order.
 */
import {Worker} from 'node:worker_threads'
import type {SerializedResult} from './result.js'
import type {LintTask} from './task.js'
import type {WorkerReply, WorkerRequest, WorkerSetup} from './worker.js'

interface Pending {
  resolve: (result: SerializedResult) => void
  reject: (error: Error) => void
}

export class WorkerPool {
  private readonly workers: Worker[] = []
  private readonly idle: Worker[] = []
  private readonly queue: Array<{request: WorkerRequest; pending: Pending}> = []
  private readonly pending = new Map<number, Pending>()
  private nextId = 0
  private failure: Error | undefined
  private closing = false

  constructor(size: number, setup: WorkerSetup) {
    for (let index = 0; index < size; index++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: setup})
      worker.on('message', (reply: WorkerReply) => this.settle(worker, reply))
      // A worker that dies (out of memory, a native crash) fails the run rather than hanging it.
      worker.on('error', (error) => this.fail(error))
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`a worker thread exited with code ${code}`))
      })
      this.workers.push(worker)
      this.idle.push(worker)
    }
  }

  /** Lints a task in a worker; resolves to its serialized result. */
  run(task: LintTask): Promise<SerializedResult> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.queue.push({request: {id: this.nextId++, task}, pending: {resolve, reject}})
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.closing = true
    await Promise.all(this.workers.map((worker) => worker.terminate()))
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!
      const {request, pending} = this.queue.shift()!
      this.pending.set(request.id, pending)
      const bytes = request.task.bytes
      // Transfer the bytes when they own their buffer; a view into a shared one is copied.
      const transfer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : []
      worker.postMessage(request, transfer)
    }
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    const pending = this.pending.get(reply.id)
    this.pending.delete(reply.id)
    this.idle.push(worker)
    if (pending) {
      if ('error' in reply) pending.reject(new Error(reply.error))
      else pending.resolve(reply.result)
    }
    this.dispatch()
  }

  private fail(error: Error): void {
    if (this.failure) return
    this.failure = error
    for (const pending of this.pending.values()) pending.reject(error)
    for (const {pending} of this.queue) pending.reject(error)
    this.pending.clear()
    this.queue.length = 0
  }
}
