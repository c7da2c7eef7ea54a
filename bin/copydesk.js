#!/usr/bin/env node
// The copydesk command: runs the built CLI (`npm run build` makes dist/).
let cli
try {
  cli = await import('../dist/src/cli.js')
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    process.stderr.write('copydesk: not built yet: run `npm run build` (npm ci does it for you)\n')
    process.exit(2)
  }
  throw error
}
// A reader that stops reading (`copydesk … | head`) closes the pipe: stop as command-line tools do,
// quietly, with the status of an output error, instead of an unhandled 'error' event's stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(2)
  })
}
// Interrupted (Ctrl-C, a CI job cancelled): exit through process.exit, so that the run's temporary
// file is deleted as at a normal end (a signal's default action skips the 'exit' handlers).
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15]]) process.once(signal, () => process.exit(128 + number))
process.exitCode = await cli.main(process.argv.slice(2))
