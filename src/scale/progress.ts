/**
 * A progress bar on stderr for long runs at a terminal. Never in CI logs or when stderr is piped:
 * there it would be noise in a log, not a bar.
 */

/** Runs with fewer files finish before a bar would help. */
export const progressThreshold = 300

export interface ProgressTarget {
  isTTY: boolean
  columns?: number
  write: (text: string) => void
}

/** Whether to show a bar for `total` files on `target` (`env` decides whether this is CI). */
export function wantsProgress(total: number, target: ProgressTarget, env: NodeJS.ProcessEnv = process.env): boolean {
  return total >= progressThreshold && target.isTTY && !env.CI && env.TERM !== 'dumb'
}

/** Draws `done/total` as a bar, at most every 100 ms; `finish` erases it. */
export function progressBar(total: number, target: ProgressTarget): {tick: (done: number) => void; finish: () => void} {
  let last = 0
  const draw = (done: number) => {
    const label = ` ${done}/${total} files`
    const width = Math.max(10, Math.min(40, (target.columns ?? 80) - label.length - 4))
    const filled = Math.round((done / total) * width)
    target.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${label}`)
  }
  return {
    tick(done) {
      const now = Date.now()
      if (now - last < 100 && done < total) return
      last = now
      draw(done)
    },
    finish() {
      target.write('\r\u001B[2K')
    }
  }
}
