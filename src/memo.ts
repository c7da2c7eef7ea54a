/**
 * Remembering the answers of a pure function of one word. Words repeat a great deal (a few
 * thousand distinct ones make most of any article), so functions asked once per word of every
 * article answer most calls from here. The memory is bounded: when it holds `limit` answers it
 * starts afresh, so a run over a huge collection never grows it without end.
 */
export function memoizeWord<T>(compute: (word: string) => T, limit = 20_000): (word: string) => T {
  let answers = new Map<string, T>()
  return (word) => {
    let answer = answers.get(word)
    if (answer === undefined && !answers.has(word)) {
      answer = compute(word)
      if (answers.size >= limit) answers = new Map()
      answers.set(word, answer)
    }
    return answer as T
  }
}
