/**
 * copydesk's public API: lint texts and files, build the processor, define rules.
 */
export {lint, lintFile, lintFiles, type LintOptions, type LintFilesOptions} from './lint.js'
export {createProcessor, type CopydeskProcessor} from './processor.js'
export {defineRule, certainFix, removesWholePlace, recordForCollection, validateOptions, OptionsError, type Rule, type CollectionEntry, type CollectionFinding, type CompareCollection, type AnyRule, type RuleMeta, type Severity, type OptionSpec, type OptionsSchema, type OptionsOf} from './rule.js'
export {ConfigError, resolveConfig, readConfigFile, type ConfigFile, type ResolvedConfig, type RuleSetting} from './config.js'
export {loadConfig, loadConfigFile, configForFile, type FullConfig, type LoadedConfig, type Override} from './load-config.js'
export {definePlugin, type CopydeskPlugin, type Preset} from './plugins.js'
export {getArticle, parseArticle, copydeskParse, formatOf} from './parse/article.js'
export {proseRange, isContiguousInSource, inLiteral, sentencesOf, type ToPoint} from './parse/prose.js'
export {toJson, report, type JsonFile, type JsonMessage} from './report.js'
export {builtinRules} from '../rules/index.js'
export type * from './types.js'
