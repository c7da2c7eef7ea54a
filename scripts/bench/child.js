/**
 * One measured run of the benchmark, in its own process so that its peak memory is its own:
 * `node child.js copydesk <args…>` runs the CLI, `node child.js stock <folder>` the stock retext
 * stack. Writes `{"maxRssMb", "cpuSeconds", "code"}` to the file named by BENCH_REPORT on the way out.
 */
import fs from 'node:fs'
import path from 'node:path'

const [mode, ...args] = process.argv.slice(2)

async function stock(root) {
  const [{unified}, {default: retextEnglish}, {default: retextSpell}, {default: dictionary}, {default: retextRepeatedWords}, {default: retextSentenceSpacing}, {VFile}] = await Promise.all([
    import('unified'),
    import('retext-english'),
    import('retext-spell'),
    import('dictionary-en'),
    import('retext-repeated-words'),
    import('retext-sentence-spacing'),
    import('vfile')
  ])
  // One processor, reused for every file, as a program using retext would.
  const processor = unified().use(retextEnglish).use(retextSpell, {dictionary}).use(retextRepeatedWords).use(retextSentenceSpacing).freeze()
  let messages = 0
  for (const name of fs.readdirSync(root, {recursive: true}).sort()) {
    const file = path.join(root, String(name))
    if (!/\.(?:txt|md)$/u.test(file)) continue
    const vfile = new VFile({path: file, value: fs.readFileSync(file, 'utf8')})
    await processor.run(processor.parse(vfile), vfile)
    messages += vfile.messages.length
  }
  return messages
}

let code = 0
if (mode === 'stock') await stock(args[0])
else {
  const {main} = await import('../../dist/src/cli.js')
  code = await main(args, {stdout: () => {}, stderr: (text) => process.stderr.write(text), stdin: async () => Buffer.alloc(0), cwd: process.cwd(), isTTY: false})
}
if (process.env.BENCH_REPORT) fs.writeFileSync(process.env.BENCH_REPORT, JSON.stringify({maxRssMb: process.resourceUsage().maxRSS / 1024, cpuSeconds: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6, code}))
