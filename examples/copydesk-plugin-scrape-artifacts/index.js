// @ts-check
/**
 * copydesk-plugin-scrape-artifacts: rules for what scrapers leave in article text. Built with
 * copydesk's public API only. Use it from a config:
 *
 *     {"plugins": ["copydesk-plugin-scrape-artifacts"], "extends": ["plugin:scrape-artifacts/recommended"]}
 */
import {definePlugin} from 'copydesk'
import advertisement from './rules/advertisement.js'
import fillerConclusion from './rules/filler-conclusion.js'
import relatedLink from './rules/related-link.js'
import shareButtons from './rules/share-buttons.js'
import trailingBlankLines from './rules/trailing-blank-lines.js'

export const rules = [relatedLink, advertisement, shareButtons, trailingBlankLines, fillerConclusion]

export default definePlugin({
  name: 'scrape-artifacts',
  rules,
  configs: {
    // Every rule at its default severity (warn): what loading the plugin does, written out.
    recommended: {rules: Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.defaultSeverity]))},
    // For a pipeline that must not publish artifacts: every rule is an error.
    strict: {rules: Object.fromEntries(rules.map((rule) => [rule.meta.id, 'error']))}
  }
})
