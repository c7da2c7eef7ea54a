/**
 * Whether two lines open a GFM table, decided as micromark-extension-gfm-table decides it (its
 * head row and delimiter row states, ported): the fast Markdown scanner must split a paragraph
 * from a table exactly where remark does.
 */

const isSpace = (char: string | undefined): boolean => char === ' ' || char === '\t'

/**
 * The number of cells of a table's head row (`line` after its indentation), or `undefined` when
 * micromark would not take it as one: a line that is one pipe, or nothing but white space.
 * Cells are counted as micromark counts them: a pipe after data, or data after a pipe, starts one;
 * a trailing pipe does not; `\|` and `\\` are data.
 */
export function headRowCells(line: string): number | undefined {
  let size = 0
  let marks = 0
  let seen = false
  let index = 0
  if (line[0] !== '|') {
    seen = true
    marks++
  }
  while (index < line.length) {
    const char = line[index]
    if (isSpace(char)) {
      index++
      continue
    }
    marks++
    if (seen) {
      seen = false
      size++
    }
    if (char === '|') {
      seen = true
      index++
      continue
    }
    // Data, up to a pipe or white space; a backslash takes a following backslash or pipe with it.
    while (index < line.length && line[index] !== '|' && !isSpace(line[index])) {
      index += line[index] === '\\' && (line[index + 1] === '\\' || line[index + 1] === '|') ? 2 : 1
    }
  }
  return marks > 1 ? size : undefined
}

/**
 * The number of cells of a delimiter row (the whole line, indentation included), or `undefined`
 * when micromark would not take it as one: cells of `-` with an optional `:` at either end,
 * separated by pipes, indented at most three spaces, with at least one pipe or colon.
 */
export function delimiterRowCells(line: string): number | undefined {
  let index = 0
  while (index < 3 && line[index] === ' ') index++
  let cells = 0
  let seen = false
  // After a pipe (or at the start), before a cell's value.
  let expectValue = true
  while (index < line.length) {
    const char = line[index]
    if (char === '|') {
      seen = true
      index++
      while (isSpace(line[index])) index++
      expectValue = true
      continue
    }
    if (!expectValue || (char !== '-' && char !== ':')) return undefined
    cells++
    if (char === ':') {
      seen = true
      index++
    }
    if (line[index] !== '-') return undefined
    while (line[index] === '-') index++
    if (line[index] === ':') {
      seen = true
      index++
    }
    while (isSpace(line[index])) index++
    expectValue = false
  }
  return seen ? cells : undefined
}

/** Whether `header` (after its indentation) and the line after it open a GFM table outside any container. */
export function opensGfmTable(header: string, delimiter: string): boolean {
  const cells = headRowCells(header)
  return cells !== undefined && cells === delimiterRowCells(delimiter)
}
