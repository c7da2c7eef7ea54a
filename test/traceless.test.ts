import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {tracelessMessages, withoutStackTraces} from '../src/traceless.js'

/** A VFile that notes the stack trace limit each message is made under. */
class RecordingFile extends VFile {
  limits: number[] = []
  override message(...parameters: Parameters<VFile['message']>): ReturnType<VFile['message']> {
    this.limits.push(Error.stackTraceLimit)
    return super.message(...parameters)
  }
}

describe('tracelessMessages', () => {
  it('makes message, info and fail capture no stack trace, then restores the file and the process', () => {
    const limit = Error.stackTraceLimit
    const file = new RecordingFile({path: 'a.txt', value: 'text'})
    const restore = tracelessMessages(file)
    file.message('one', {ruleId: 'x'})
    file.info('two')
    expect(() => file.fail('three')).toThrow('three')
    expect(Error.stackTraceLimit).toBe(limit)
    restore()
    file.message('four')
    expect(file.limits).toEqual([0, 0, 0, limit])
    expect(file.messages.map((message) => message.reason)).toEqual(['one', 'two', 'three', 'four'])
    expect(Object.hasOwn(file, 'message')).toBe(false)
  })

  it('gives every file the same function, which adds to the file it is called on', () => {
    // A closure per file kept every file alive until V8's next full collection (see traceless.ts).
    const first = new VFile('first')
    const second = new VFile('second')
    const restoreFirst = tracelessMessages(first)
    const restoreSecond = tracelessMessages(second)
    expect(first.message).toBe(second.message)
    first.message('on the first')
    second.message('on the second')
    restoreFirst()
    restoreSecond()
    expect([first.messages.map(String), second.messages.map(String)]).toEqual([['1:1: on the first'], ['1:1: on the second']])
  })
})

describe('withoutStackTraces', () => {
  it('runs with a stack trace limit of 0 and restores it, also when the function throws', () => {
    const limit = Error.stackTraceLimit
    expect(withoutStackTraces(() => Error.stackTraceLimit)).toBe(0)
    expect(() => withoutStackTraces(() => { throw new Error('boom') })).toThrow('boom')
    expect(Error.stackTraceLimit).toBe(limit)
  })
})
