/** Builds the unified processor for a config: copydesk's parser, then each active rule. */
import type {Root} from 'nlcst'
import {unified, type Processor} from 'unified'
import type {ResolvedConfig} from './config.js'
import {copydeskParse} from './parse/article.js'
import {stampedPlugin} from './rule.js'

export type CopydeskProcessor = Processor<Root>

/** A frozen processor that parses articles and runs the config's rules on them. */
export function createProcessor(config: ResolvedConfig): CopydeskProcessor {
  const processor: CopydeskProcessor = unified().use(copydeskParse)
  for (const {rule, severity, options} of config.rules) {
    processor.use(stampedPlugin(rule, severity), options)
  }
  return processor.freeze()
}

const cache = new Map<string, CopydeskProcessor>()

/** The processor for a config, built once per distinct config in a process. */
export function processorFor(config: ResolvedConfig): CopydeskProcessor {
  let processor = cache.get(config.key)
  if (!processor) {
    processor = createProcessor(config)
    cache.set(config.key, processor)
  }
  return processor
}
