/** What the table checks report: a stable id per kind of defect, a place, and a repair where one is certain. */
import type {Edit} from './edit.js'

/**
 * The kinds of table defect, one id each (`message.messageId`); documented in
 * docs/rules/table-structure.md.
 */
export const tableMessageIds = [
  'missing-leading-pipe',
  'unexpected-leading-pipe',
  'missing-trailing-pipe',
  'unexpected-trailing-pipe',
  'missing-cells',
  'extra-cells',
  'missing-delimiter-row',
  'missing-header-row',
  'delimiter-cell-count',
  'malformed-delimiter-cell',
  'missing-blank-line-before',
  'missing-blank-line-after',
  'empty-header-row',
  'empty-header-cell',
  'duplicate-header-cell',
  'repeated-header-row'
] as const

export type TableMessageId = (typeof tableMessageIds)[number]

export interface TableFinding {
  id: TableMessageId
  reason: string
  note?: string
  /** The place, as file offsets (`to` exclusive); an empty range is a point. */
  from: number
  to: number
  /** The row it is about (index in `TableBlock.rows`): fixes on one row are combined. */
  row: number
  /** The certain repair, if there is one. */
  edit?: Edit
}
