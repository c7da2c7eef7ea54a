#!/usr/bin/env node
// `npm start`: lints the sample articles and shows the report. Findings are the
// point of the demo, so exit code 1 (errors found) counts as success here.
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const bin = fileURLToPath(new URL('../bin/copydesk.js', import.meta.url))
const sample = fileURLToPath(new URL('../fixtures/articles', import.meta.url))
const result = spawnSync(process.execPath, [bin, sample, ...process.argv.slice(2)], {stdio: 'inherit'})
if (result.status === 1) console.log('\ncopydesk found the defects above in the sample articles (exit code 1: errors found).')
process.exit(result.status === 1 ? 0 : result.status ?? 2)
