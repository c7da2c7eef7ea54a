/**
 * US and British spellings of the same word: `color`/`colour`, `organize`/`organise`,
 * `center`/`centre`, `defense`/`defence`, `dialog`/`dialogue`, `traveled`/`travelled`. Each rule
 * rewrites one spot of a word; a dictionary of the other variety decides which rewrites are words.
 */

/** Pairs of spellings, as regular expressions matching one side and the text of the other. */
const rewrites: ReadonlyArray<[RegExp, string]> = [
  [/our(?=s?$|ed$|ing$|ful|ite|able|less|ist)/u, 'or'],
  [/or(?=s?$|ed$|ing$|ful|ite|able|less|ist)/u, 'our'],
  [/is(?=e$|es$|ed$|ing$|ation|ations|er$|ers$)/u, 'iz'],
  [/iz(?=e$|es$|ed$|ing$|ation|ations|er$|ers$)/u, 'is'],
  [/ys(?=e$|es$|ed$|ing$)/u, 'yz'],
  [/yz(?=e$|es$|ed$|ing$)/u, 'ys'],
  [/([^aeiou])re(?=s?$|d$)/u, '$1er'],
  [/([^aeiou])er(?=s?$|ed$)/u, '$1re'],
  [/ence(?=s?$)/u, 'ense'],
  [/ense(?=s?$)/u, 'ence'],
  [/ogue(?=s?$)/u, 'og'],
  [/og(?=s?$)/u, 'ogue'],
  [/ll(?=ed$|ing$|er$|ers$)/u, 'l'],
  [/([aeiou])(l)(?=ed$|ing$|er$|ers$)/u, '$1$2$2'],
  [/ae/u, 'e'],
  [/oe/u, 'e']
]

/** The other spellings of a word by the rewrites above; a dictionary decides which are words. */
export function varietyCandidates(word: string): string[] {
  const lower = word.toLowerCase()
  const result = new Set<string>()
  for (const [pattern, replacement] of rewrites) {
    const candidate = lower.replace(pattern, replacement)
    if (candidate !== lower) result.add(word === lower ? candidate : candidate.charAt(0).toUpperCase() + candidate.slice(1))
  }
  return [...result]
}
