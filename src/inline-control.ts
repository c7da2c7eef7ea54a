/**
 * Inline control in Markdown: HTML comments that switch rules off where a finding is known to be
 * wrong, as markdownlint and ESLint allow.
 *
 * - `<!-- copydesk-disable-next-line rule-a rule-b -->`: the line after the comment;
 * - `<!-- copydesk-disable-line rule-a -->`: the line the comment is on (an inline comment);
 * - `<!-- copydesk-disable rule-a -->` … `<!-- copydesk-enable rule-a -->`: the lines between.
 *
 * Without rule ids a comment applies to every rule. Ids may be separated by spaces or commas.
 * Only Markdown has comments: a plain-text file is prose to the last character, so its rules are
 * set in the config (`overrides`). Messages that say a file could not be linted are never hidden.
 */
import type {VFile} from 'vfile'
import {INLINE_OBJECT} from './parse/prose.js'
import {CONFIG_ERROR, FILE_ERROR, INTERNAL_ERROR} from './read.js'
import type {Article} from './types.js'

/** One control comment: what it does, to which rules (empty: all), and the lines it sits on. */
export interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable'
  rules: string[]
  line: number
  endLine: number
}

const directive = /<!--\s*copydesk-(disable-next-line|disable-line|disable|enable)(?=\s|-->)([^]*?)-->/gu

const unhideable = new Set([FILE_ERROR, CONFIG_ERROR, INTERNAL_ERROR])

/** The control comments of a Markdown article, in source order: in HTML blocks and in inline HTML. */
export function findDirectives(article: Article, text: string): Directive[] {
  if (article.format !== 'md') return []
  const sources: Array<[number, number]> = []
  for (const block of article.blocks) {
    if (block.kind === 'html') sources.push([block.position.start.offset, block.position.end.offset])
  }
  for (const prose of article.prose) {
    for (let index = prose.text.indexOf(INLINE_OBJECT); index >= 0; index = prose.text.indexOf(INLINE_OBJECT, index + 1)) {
      sources.push([prose.offsets[index], prose.ends[index]])
    }
  }
  sources.sort((a, b) => a[0] - b[0])
  const found: Directive[] = []
  for (const [start, end] of sources) {
    directive.lastIndex = 0
    for (const match of text.slice(start, end).matchAll(directive)) {
      const from = start + match.index
      found.push({
        kind: match[1] as Directive['kind'],
        rules: match[2].split(/[\s,]+/u).filter(Boolean),
        line: article.toPoint(from).line,
        endLine: article.toPoint(from + match[0].length).line
      })
    }
  }
  return found
}

/** Whether `ruleId`'s message on `line` is switched off by the directives (in source order). */
export function isDisabled(directives: readonly Directive[], ruleId: string, line: number): boolean {
  const applies = (item: Directive) => item.rules.length === 0 || item.rules.includes(ruleId)
  let disabled = false
  for (const item of directives) {
    if (item.kind === 'disable-next-line' && item.endLine + 1 === line && applies(item)) return true
    if (item.kind === 'disable-line' && item.line <= line && line <= item.endLine && applies(item)) return true
    // A region starts after its comment's line and ends at the line of the comment that closes it.
    if (item.kind === 'disable' && item.endLine < line && applies(item)) disabled = true
    if (item.kind === 'enable' && item.line <= line && applies(item)) disabled = false
  }
  return disabled
}

declare module 'vfile' {
  interface DataMap {
    /** The file's control comments, kept (plain data) for messages added after it was linted: collection rules. */
    directives: Directive[]
  }
}

/** Whether a message of `ruleId` on `line` of `file` is switched off by the file's control comments. */
export function isHidden(file: VFile, ruleId: string | undefined | null, line: number | undefined): boolean {
  const directives = file.data.directives
  return Boolean(directives && ruleId && !unhideable.has(ruleId) && line !== undefined && isDisabled(directives, ruleId, line))
}

/**
 * Removes the messages that control comments switch off, and keeps the comments on the file for
 * findings that come after it was linted (a collection rule compares files at the end of a run).
 */
export function applyInlineControl(file: VFile): void {
  const article = file.data.article
  if (!article) return
  const directives = findDirectives(article, String(file.value))
  if (directives.length === 0) return
  file.data.directives = directives
  file.messages = file.messages.filter((message) => !isHidden(file, message.ruleId, message.line))
}
