// Text from data (member and group names, group ids, excerpts, reasons) put into report.md.
// A name or a chat message must not become a heading, a link, a list, a table column or raw HTML in
// whatever renders the file (a chat client, an e-mail, a Markdown viewer), and must stay readable as
// plain text: so CommonMark backslash escapes, only where a character can start markup.

/** Characters that start inline markup or raw HTML anywhere in a line. */
const INLINE = /[\\`*_[\]<>|#!~&]/g;
/** Line breaks of every kind (a break would let the rest start a block of its own). */
const BREAKS = /\r\n?|[\n\t\v\f\u0085\u2028\u2029]/g;

export function markdownText(value: string): string {
  const flat = value.replace(BREAKS, ' ').replace(INLINE, (c) => `\\${c}`);
  // At the start of a list item's text, "-", "+", "=" or "1." would open a nested block.
  return flat.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}
