import {fileURLToPath} from 'node:url'
import {defineConfig} from 'vitest/config'

const source = (file: string) => fileURLToPath(new URL(file, import.meta.url))

export default defineConfig({
  resolve: {
    // The example plugins import `copydesk` as any plugin does; in this repository that is the source.
    alias: [
      {find: /^copydesk\/testing$/u, replacement: source('./src/testing.ts')},
      {find: /^copydesk$/u, replacement: source('./src/index.ts')}
    ]
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/*/test/**/*.test.{js,ts}'],
    // End-to-end tests spawn the CLI and load the dictionary; give them room on a 2-core machine.
    testTimeout: 30_000
  }
})
