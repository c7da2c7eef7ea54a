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
process.exitCode = await cli.main(process.argv.slice(2))
