/**
 * makeProse places every node where relocating the stock parser's tree puts it: the tree parse-english
 * makes of the text, its paragraphs joined, each position mapped from the text to the file.
 */
import type {Node as NlcstNode, Paragraph, Parent as NlcstParent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import {location} from 'vfile-location'
import {describe, expect, it} from 'vitest'
import {findLiterals, inLiteral, makeProse, sentencesOf, sentenceText, type ToPoint} from '../../src/parse/prose.js'
import type {Block, Point} from '../../src/types.js'
import {generatedTexts, generator, randomTexts} from '../helpers.js'

const stock = new ParseEnglish()

/** The paragraph makeProse made before it placed tokens as they were made, and its sentences' ranges in the text. */
function relocatedParagraph(text: string, offsets: number[], ends: number[], toPoint: ToPoint): {paragraph: Paragraph; sentences: string[]} {
  const literals = findLiterals(text)
  const paragraph: Paragraph = {type: 'ParagraphNode', children: []}
  for (const child of stock.parse(text).children) {
    if (child.type === 'ParagraphNode') paragraph.children.push(...child.children)
    else paragraph.children.push(child as Paragraph['children'][number])
  }
  const sentences = paragraph.children.flatMap((child) => (child.type === 'SentenceNode' ? [text.slice(child.position!.start.offset, child.position!.end.offset)] : []))
  const startOf = (local: number): number => (local < offsets.length ? offsets[local] : offsets.length > 0 ? offsets[offsets.length - 1] + 1 : 0)
  const endOf = (local: number): number => (local === 0 ? startOf(0) : ends[Math.min(local, ends.length) - 1])
  const relocate = (node: NlcstNode): void => {
    if (node.position) node.position = {start: toPoint(startOf(node.position.start.offset!)), end: toPoint(endOf(node.position.end.offset!))}
    if (!('children' in node)) return
    const parent = node as NlcstParent
    parent.children.forEach((child, index) => {
      if (child.type === 'WordNode' && inLiteral(literals, child.position!.start.offset!)) {
        parent.children[index] = {type: 'SourceNode', value: toString(child), position: child.position} as NlcstParent['children'][number]
      }
      relocate(parent.children[index])
    })
  }
  if (text.length > 0) paragraph.position = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: text.length}}
  relocate(paragraph)
  paragraph.data = {block: 0}
  return {paragraph, sentences}
}

/** Offsets that keep increasing with random gaps (dropped markup), and ends that sometimes reach past the next character's start (a character reference). */
function randomSourceMap(length: number, random: () => number): {offsets: number[]; ends: number[]; file: string} {
  const offsets: number[] = []
  const ends: number[] = []
  let at = Math.floor(random() * 3)
  for (let index = 0; index < length; index++) {
    offsets.push(at)
    at += random() < 0.8 ? 1 : 1 + Math.floor(random() * 4)
    ends.push(random() < 0.9 ? offsets[index] + 1 : at)
  }
  let file = ''
  while (file.length <= at) file += random() < 0.1 ? '\n' : random() < 0.05 ? '\r\n' : 'x'
  return {offsets, ends, file}
}

describe('makeProse', () => {
  it.each([
    ['generated texts', generatedTexts(5, 400)],
    ['random characters', randomTexts(9, 600)]
  ])('places the tree of %s as relocating the stock tree does', (_, texts) => {
    const random = generator(17)
    const block = {index: 0} as Block
    for (const text of texts) {
      const {offsets, ends, file} = randomSourceMap(text.length, random)
      const place = location(file)
      const toPoint: ToPoint = (offset) => (place.toPoint(offset) as Point | undefined) ?? {line: 1, column: 1, offset: 0}
      // Half the time every character is one of the file's (no `ends` given).
      const oneToOne = random() < 0.5
      const expected = relocatedParagraph(text, offsets, oneToOne ? offsets.map((offset) => offset + 1) : ends, toPoint)
      const prose = makeProse({block, text, offsets, ...(oneToOne ? {} : {ends})}, {pointAt: toPoint})
      expect(prose.node, JSON.stringify(text)).toEqual(expected.paragraph)
      expect(sentencesOf(prose).map((sentence) => sentenceText(prose, sentence))).toEqual(expected.sentences)
    }
  })
})
