/** copydesk's own version, read from its package.json (the cache and the SARIF report record it). */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

let cached: string | undefined

/** The `version` of copydesk's package.json, found upward from this module (in `src/` or `dist/src/`). */
export function copydeskVersion(): string {
  if (cached) return cached
  let folder = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = path.join(folder, 'package.json')
    if (fs.existsSync(candidate)) {
      const manifest = JSON.parse(fs.readFileSync(candidate, 'utf8')) as {name?: string; version?: string}
      if (manifest.name === 'copydesk' && manifest.version) return (cached = manifest.version)
    }
    const parent = path.dirname(folder)
    if (parent === folder) throw new Error('copydesk: cannot find its own package.json')
    folder = parent
  }
}
