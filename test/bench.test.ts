/**
 * The benchmark's two measured programs run from a fresh install (`npm run bench` itself takes
 * minutes and prints timings, which tests never assert on): the stock retext stack and copydesk,
 * each writing its report of peak memory and CPU time.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {project, temporaryFolders} from './helpers.js'

const folder = temporaryFolders('copydesk-bench-')

function measured(args: string[], cwd: string): {status: number | null; report: {maxRssMb: number; cpuSeconds: number; code: number}} {
  const report = path.join(cwd, 'report.json')
  const result = spawnSync(process.execPath, [path.join(project, 'scripts/bench/child.js'), ...args], {cwd, env: {...process.env, BENCH_REPORT: report}, encoding: 'utf8'})
  expect(result.stderr).toBe('')
  return {status: result.status, report: JSON.parse(fs.readFileSync(report, 'utf8'))}
}

describe('npm run bench: its measured runs', () => {
  const articles = path.join(project, 'fixtures/articles')

  it('runs the stock retext stack (retext-spell with dictionary-en, retext-repeated-words, retext-sentence-spacing)', () => {
    const {status, report} = measured(['stock', articles], folder({}))
    expect(status).toBe(0)
    expect(report.code).toBe(0)
    expect(report.maxRssMb).toBeGreaterThan(0)
    expect(report.cpuSeconds).toBeGreaterThan(0)
  })

  it('runs copydesk with a cache, and reports its exit code', () => {
    const cwd = folder({})
    const {status, report} = measured(['copydesk', '--jobs', '1', '--cache', '--cache-location', 'cache', '--format', 'json', articles], cwd)
    expect(status).toBe(0)
    // The sample articles have findings at error level.
    expect(report.code).toBe(1)
    expect(fs.existsSync(path.join(cwd, 'cache'))).toBe(true)
  })
})
