/**
 * A full garbage collection between the phases of a large run.
 *
 * The cross-file comparison of a large run holds everything its rules return at once (a hundred
 * thousand findings for 5,000 articles), which survives young-generation collections; V8 then
 * promotes what the report makes next, file after file, straight to the old generation, and the
 * heap grows by hundreds of megabytes of garbage before a full collection comes. One collection
 * when a phase's data dies sets the heap back to its live size (about 20 MB) instead.
 */
import v8 from 'node:v8'
import vm from 'node:vm'

let gc: (() => void) | undefined

/** Collects garbage now. V8 exposes `gc` to contexts made after `--expose-gc` is set. */
export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc')
    gc = vm.runInNewContext('gc') as () => void
  }
  gc()
}
