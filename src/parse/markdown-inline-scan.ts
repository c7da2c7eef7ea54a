/**
 * The inline half of the fast Markdown scanner: decides whether a paragraph's or heading's inline
 * content is plain text to micromark (with GFM), so that its mdast is one text node whose value
 * is the content itself. Every character that could open an inline construct must be proven
 * literal; anything that cannot be is a reason to hand the document to the full parser.
 */

/** Characters that can take part in inline syntax other than autolink literals. */
const special = /[\\`*_~[\]<&]/u

// GFM autolink literals (`www.`, `http://`, `user@host`, `mailto:`, `xmpp:`) become links.
const autolinkLiteral = /www\.|:\/\/|@|mailto:|xmpp:/iu

const letterOrDigit = /[\p{L}\p{N}]/u

/** What could be a character reference (`&amp;`, `&#233;`, `&#xE9;`): each needs its `;`. */
const characterReference = /&(?:#[xX]?)?[A-Za-z\d]+;/uy

/** Whether `char` (undefined at the content's edge) is a space or a line ending, or the edge itself. */
const isSpaceOrEdge = (char: string | undefined): boolean => char === undefined || char === ' ' || char === '\n' || char === '\r'

/**
 * Whether micromark would parse `content` (a paragraph's lines without their indentation and
 * trailing spaces, joined by their line endings; or a heading's text) into plain text equal to
 * `content`, in a document without link reference or footnote definitions.
 *
 * Proven literal: `[`, `]` and `![` when no `](` follows (without definitions, only an inline
 * link or image is a link); `<` when no `>` follows (autolinks and inline HTML need one); `&` that
 * does not begin `&name;`, `&#digits;` or `&#xhex;` (no character reference); a run of `*` or `~` with a
 * space or the content's edge on both sides, and of `_` likewise or between two letters or
 * digits (neither left- nor right-flanking, or both without punctuation before or after: it can
 * neither open nor close emphasis). Not handled: backslash escapes, code spans, and anything else.
 */
export function isPlainInline(content: string): boolean {
  if (autolinkLiteral.test(content)) return false
  if (!special.test(content)) return true
  for (let index = 0; index < content.length; index++) {
    const char = content[index]
    switch (char) {
      case '\\':
      case '`':
        return false
      case '[':
      case ']':
        if (content.includes('](', index)) return false
        break
      case '<':
        if (content.includes('>', index)) return false
        break
      case '&':
        characterReference.lastIndex = index
        if (characterReference.test(content)) return false
        break
      case '*':
      case '_':
      case '~': {
        let end = index + 1
        while (content[end] === char) end++
        const before = content[index - 1]
        const after = content[end]
        const spaced = isSpaceOrEdge(before) && isSpaceOrEdge(after)
        const intraword = char === '_' && before !== undefined && after !== undefined && letterOrDigit.test(before) && letterOrDigit.test(after)
        if (!spaced && !intraword) return false
        index = end - 1
        break
      }
      default:
        break
    }
  }
  return true
}
