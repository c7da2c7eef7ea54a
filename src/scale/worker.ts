/**
 * A worker thread of `--jobs N`: builds its processors (and so its dictionaries) once, then lints
 * the tasks the pool sends, one at a time, and posts back their serialized results.
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

parentPort!.on('message', async ({id, task}: WorkerRequest) => {
  let reply: WorkerReply
  const transfer: ArrayBuffer[] = []
  try {
    const result = await runner.run(task)
    reply = {id, result}
    // The result's bytes are moved to the main thread, not copied.
    for (const bytes of [result.messages, result.collection]) if (bytes && bytes.buffer instanceof ArrayBuffer && bytes.byteLength === bytes.buffer.byteLength) transfer.push(bytes.buffer)
  } catch (error) {
    reply = {id, error: (error as Error).message}
  }
  parentPort!.postMessage(reply, transfer)
})
