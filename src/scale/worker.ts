/**
 * A worker thread of `--jobs N`: builds its processors (and so its dictionaries) once, then lints
 * the tasks the pool sends, one at a time, and posts back their results as JSON text.
 */
import {parentPort, workerData} from 'node:worker_threads'
import type {RuleSetting} from '../config.js'
import {TaskRunner, type LintTask} from './task.js'

export interface WorkerSetup {
  cwd: string
  overrides: Record<string, RuleSetting>
}

export type WorkerRequest = {id: number; task: LintTask}
/** A reply: the task's result as JSON text (`serializeResult`), or what went wrong. */
export type WorkerReply = {id: number; result: string} | {id: number; error: string}

const setup = workerData as WorkerSetup
const runner = new TaskRunner(setup.cwd, setup.overrides)

parentPort!.on('message', async ({id, task}: WorkerRequest) => {
  let reply: WorkerReply
  try {
    reply = {id, result: await runner.run(task)}
  } catch (error) {
    reply = {id, error: (error as Error).message}
  }
  parentPort!.postMessage(reply)
})
