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
  const message = file.message as (this: VFile, ...parameters: unknown[]) => ReturnType<VFile['message']>
  file.message = function (this: VFile, ...parameters: unknown[]) {
    return withoutStackTraces(() => message.apply(this, parameters))
  } as VFile['message']
  return () => {
    delete (file as Partial<VFile>).message
  }
}
