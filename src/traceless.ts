/**
 * Messages without stack traces. A VFileMessage is an `Error`, so its constructor captures a stack
 * trace (microseconds each, and a large run makes tens of thousands of messages), which
 * vfile-message then overwrites with `''`. Capturing none leaves every message exactly as it was.
 */
import type {VFile} from 'vfile'

/** Runs `make` (which builds messages) with no stack trace captured. */
export function withoutStackTraces<T>(make: () => T): T {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}

/**
 * Makes `file.message` (and `info` and `fail`, which call it) capture no stack trace, until the
 * returned function restores it. Each call is wrapped on its own, so rules that await in between
 * leave the rest of the process its stack traces.
 */
export function tracelessMessages(file: VFile): () => void {
  // One function for every file, not a closure per file: storing a new closure on each file kept
  // every file (with its syntax tree and all the rules derived from it) alive until the next full
  // collection (V8 in Node.js 20; a few lines without copydesk show it too), so the young-generation
  // collector copied and promoted every article's data: twice the bytes surviving it with no rule on.
  file.message = tracelessMessage as VFile['message']
  return () => {
    delete (file as Partial<VFile>).message
  }
}

/** The file's own `message` (its prototype's, which the own property shadows), capturing no stack trace. */
function tracelessMessage(this: VFile, ...parameters: unknown[]): ReturnType<VFile['message']> {
  const message = (Object.getPrototypeOf(this) as VFile).message as (this: VFile, ...parameters: unknown[]) => ReturnType<VFile['message']>
  return withoutStackTraces(() => message.apply(this, parameters))
}
