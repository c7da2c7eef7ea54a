import {describe, expect, it} from 'vitest'
import {derived, remember} from '../src/derived.js'

describe('derived', () => {
  it('works a value out once per object and keeps it on that object', () => {
    const calls: string[] = []
    const lengthOf = derived((thing: {name: string}) => {
      calls.push(thing.name)
      return {length: thing.name.length}
    })
    const first = {name: 'Kosovo'}
    const second = {name: 'NATO'}
    const answer = lengthOf(first)
    expect(lengthOf(first)).toBe(answer)
    expect(lengthOf(second)).toEqual({length: 4})
    expect(calls).toEqual(['Kosovo', 'NATO'])
  })

  it('is invisible to JSON, Object.keys and deep equality', () => {
    const wordsOf = derived((article: {text: string}) => article.text.split(' '))
    const article = {text: 'two words'}
    wordsOf(article)
    expect(Object.keys(article)).toEqual(['text'])
    expect(JSON.stringify(article)).toBe('{"text":"two words"}')
    expect(article).toEqual({text: 'two words'})
  })

  it('keeps apart the values of two derivations of the same object', () => {
    const upper = derived((word: {text: string}) => word.text.toUpperCase())
    const lower = derived((word: {text: string}) => word.text.toLowerCase())
    const word = {text: 'Tirana'}
    expect([upper(word), lower(word), upper(word)]).toEqual(['TIRANA', 'tirana', 'TIRANA'])
  })
})

describe('remember', () => {
  it('keeps a value under a symbol, out of sight, and may replace it', () => {
    const slot = Symbol('range')
    const sentence = {type: 'SentenceNode'}
    remember(sentence, slot, [0, 4])
    remember(sentence, slot, [2, 6])
    expect((sentence as Record<symbol, unknown>)[slot]).toEqual([2, 6])
    expect(sentence).toEqual({type: 'SentenceNode'})
  })
})
