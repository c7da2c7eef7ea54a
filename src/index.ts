/**
 * copydesk's public API: lint texts and files, build the processor, define rules.
 */
import {loadMarkdownParser} from './parse/article.js'

// The parser API (`parseArticle`, `copydeskParse`) is synchronous: a program that imports the
// package can parse Markdown at once. (The command line loads the Markdown parser only for
// Markdown files.)
await loadMarkdownParser()

export {lint, lintFile, lintFiles, type LintOptions, type LintFilesOptions} from './lint.js'
export {createProcessor, type CopydeskProcessor} from './processor.js'
export {defineRule, certainFix, removesWholePlace, recordForCollection, validateOptions, OptionsError, type Rule, type CollectionEntry, type CollectionFinding, type CompareCollection, type AnyRule, type RuleMeta, type Severity, type OptionSpec, type OptionsSchema, type OptionsOf} from './rule.js'
export {ConfigError, resolveConfig, readConfigFile, type ConfigFile, type ResolvedConfig, type RuleSetting} from './config.js'
export {loadConfig, loadConfigFile, configForFile, type FullConfig, type LoadedConfig, type Override} from './load-config.js'
export {definePlugin, type CopydeskPlugin, type Preset} from './plugins.js'
export {getArticle, parseArticle, copydeskParse, formatOf, loadMarkdownParser} from './parse/article.js'
export {proseRange, isContiguousInSource, inLiteral, sentencesOf, type ToPoint} from './parse/prose.js'
export {toJson, report, type JsonFile, type JsonMessage} from './report.js'
export {builtinRules} from '../rules/index.js'
export type * from './types.js'
