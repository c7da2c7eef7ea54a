/**
 * A worker thread of `--jobs N`: builds its processors (and so its dictionaries) once, then lints
 * the tasks the pool sends, one at a time and in order, and posts back their serialized results.
 */
import {parentPort, workerData} from 'node:worker_threads'
import type {RuleSetting} from '../config.js'
import type {SerializedResult} from './result.js'
import {TaskRunner, type LintTask} from './task.js'

export interface WorkerSetup {
  cwd: string
  overrides: Record<string, RuleSetting>
}

export type WorkerRequest = {id: number; task: LintTask}
/** A reply: the task's serialized result, or what went wrong. */
export type WorkerReply = {id: number; result: SerializedResult} | {id: number; error: string}

const setup = workerData as WorkerSetup
const runner = new TaskRunner(setup.cwd, setup.overrides)

// The pool sends a worker its next task before the current one is done, so that the worker never
// waits on the main thread between files; tasks are still linted one at a time, in order.
const queue: WorkerRequest[] = []
let busy = false

parentPort!.on('message', (request: WorkerRequest) => {
  queue.push(request)
  if (!busy) void drain()
})

async function drain(): Promise<void> {
  busy = true
  for (let request = queue.shift(); request; request = queue.shift()) parentPort!.postMessage(...(await lint(request)))
  busy = false
}

/** Lints one task; returns the reply and the buffers to move with it. */
async function lint({id, task}: WorkerRequest): Promise<[WorkerReply, ArrayBuffer[]]> {
  const transfer: ArrayBuffer[] = []
  try {
    const result = await runner.run(task)
    // The result's bytes are moved to the main thread, not copied.
    for (const bytes of [result.messages, result.collection]) if (bytes && bytes.buffer instanceof ArrayBuffer && bytes.byteLength === bytes.buffer.byteLength) transfer.push(bytes.buffer)
    return [{id, result}, transfer]
  } catch (error) {
    return [{id, error: (error as Error).message}, transfer]
  }
}
