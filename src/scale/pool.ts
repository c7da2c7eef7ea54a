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

/**
 * Tasks a worker holds at once: the one it lints and the next, so that it starts the next file as
 * soon as it posts a result instead of waiting for the main thread (busy, or not scheduled, on a
 * machine whose cores the workers fill) to send one.
 */
const TASKS_PER_WORKER = 2

export class WorkerPool {
  private readonly workers: Worker[] = []
  /** Tasks sent to each worker and not yet answered. */
  private readonly load = new Map<Worker, number>()
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
      this.load.set(worker, 0)
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
    for (let worker = this.leastLoaded(); worker && this.queue.length > 0; worker = this.leastLoaded()) {
      const {request, pending} = this.queue.shift()!
      this.load.set(worker, this.load.get(worker)! + 1)
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
    this.load.set(worker, this.load.get(worker)! - 1)
    if (pending) {
      if ('error' in reply) pending.reject(new Error(reply.error))
      else pending.resolve(reply.result)
    }
    this.dispatch()
  }

  /** The worker with the fewest tasks, if it can take one more. */
  private leastLoaded(): Worker | undefined {
    let best: Worker | undefined
    for (const worker of this.workers) if (this.load.get(worker)! < TASKS_PER_WORKER && (!best || this.load.get(worker)! < this.load.get(best)!)) best = worker
    return best
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
