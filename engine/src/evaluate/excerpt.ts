// Evidence excerpts: at most 40 characters (code points) around a match, never the whole
// message; "…" marks a cut. Masking happens after cutting, so a number split by the cut is masked too.
import { privacy } from '../match/mask.js';

export const EXCERPT_MAX = 40;

export function excerpt(text: string, start: number, end: number, redact: boolean): string {
  const chars = Array.from(text);
  // UTF-16 offsets → code point indexes.
  const before = Array.from(text.slice(0, start)).length;
  const inside = Math.max(1, Array.from(text.slice(start, end)).length);
  const budget = EXCERPT_MAX;
  let from: number;
  let to: number;
  if (inside >= budget) {
    from = before;
    to = before + budget;
  } else {
    const room = budget - inside;
    from = Math.max(0, before - Math.floor(room / 2));
    to = Math.min(chars.length, from + budget);
    from = Math.max(0, to - budget);
  }
  let out = chars.slice(from, to).join('');
  // The ellipses replace characters so the excerpt stays within the 40-character budget.
  if (from > 0) out = `…${Array.from(out).slice(1).join('')}`;
  if (to < chars.length) out = `${Array.from(out).slice(0, -1).join('')}…`;
  return ownCopy(privacy(out, redact));
}

/**
 * A string that keeps nothing else alive, in one piece. V8 makes a slice of 13 or more characters a
 * view of the string it was cut from, and a concatenation a tree of its parts (32 bytes a node): a
 * matched URL kept in a hit held its whole message, and a finding's two message texts and its time
 * were trees of about sixteen nodes each. What is kept until
 * the reports are written goes through here.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}
