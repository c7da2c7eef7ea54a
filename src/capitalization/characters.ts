/** Character tests by code, for the scans that look at every character of a text or the characters around every word. */

/**
 * Whether a UTF-16 code unit is white space, as `/\s/u` has it: ASCII's, the no-break space,
 * Unicode's other space separators, the line and paragraph separators and the byte order mark.
 */
export function isSpaceCode(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  )
}

const letterOrDigit = /^[\p{L}\p{N}]$/u
// Whether each code unit outside ASCII is a letter or digit, by the expression: 0 not yet asked, 1 no, 2 yes.
const letterOrDigitUnits = new Uint8Array(0x10000)

/** Whether the code point `code` is a letter or digit (`\p{L}` or `\p{N}`); ASCII by its code, the rest asked once each. */
export function isLetterOrDigit(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)
  if (code > 0xffff) return letterOrDigit.test(String.fromCodePoint(code))
  if (letterOrDigitUnits[code] === 0) letterOrDigitUnits[code] = letterOrDigit.test(String.fromCharCode(code)) ? 2 : 1
  return letterOrDigitUnits[code] === 2
}
