/**
 * Words that end the names of organizations, places and events: `Anadolu Agency`, `Kansas City`,
 * `East River`. Capitalized after another capitalized word, they are most likely a name's last word.
 */
const nameHeads = new Set(
  (
    'agency council committee commission corporation company institute university college school academy party ministry ' +
    'department office bank fund foundation association society union league organization group network news times post press ' +
    'airlines airways city county river lake lakes mountain mountains island islands street avenue square park bridge hall center ' +
    'centre hospital church cathedral museum force forces army navy summit declaration treaty agreement accord initiative ' +
    'alliance federation republic kingdom empire region province valley sea ocean bay gulf coast desert peninsula strait canal ' +
    'station airport port stadium tower palace court tribunal cup games prize award festival conference forum'
  ).split(' ')
)

/** Whether `word` (any case) is a word that ends names: `Agency`, `City`, `river`. */
export const isNameHead = (word: string): boolean => nameHeads.has(word.toLowerCase())
