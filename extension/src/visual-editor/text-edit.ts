// Text edits as offsets into the text they apply to. Every form action is computed as the new text of
// the few characters it concerns; the edit handed to VS Code is then the smallest replacement between
// the two texts, so nothing outside it can change by accident — widened to whole words (80 → 85, not
// 0 → 5) and, when lines come or go, to whole lines, so the edit reads as what the user did.

export interface TextEdit {
  /** Offset in the text before the edit. */
  start: number;
  end: number;
  newText: string;
}

/** The one replacement that turns `before` into `after` (none when they are equal). */
export function minimalEdit(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Never split a surrogate pair: an edit must be valid text on its own.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--;
  return [wholeLines(before, wholeWords(before, { start, end: before.length - tail, newText: after.slice(start, after.length - tail) }))];
}

const WORD = /[\p{L}\p{N}_.-]/u;

/** Grows an edit that starts or ends inside a word to the whole word, on both sides. */
function wholeWords(before: string, edit: TextEdit): TextEdit {
  let { start, end, newText } = edit;
  const touchesLeft = (WORD.test(before[start] ?? '') && start < end) || WORD.test(newText[0] ?? '');
  while (touchesLeft && start > 0 && WORD.test(before[start - 1]!)) {
    start--;
    newText = before[start] + newText;
  }
  const touchesRight = (WORD.test(before[end - 1] ?? '') && start < end) || WORD.test(newText.at(-1) ?? '');
  while (touchesRight && end < before.length && WORD.test(before[end]!)) {
    newText += before[end];
    end++;
  }
  return { start, end, newText };
}

/**
 * An insertion or deletion of whole lines is slid back (it is the same change) until it starts at a
 * line start: "    - { rating: good … }\n" rather than "good … }\n    - { rating: ".
 */
function wholeLines(before: string, edit: TextEdit): TextEdit {
  let { start, end, newText } = edit;
  const atLineStart = (at: number) => at === 0 || before[at - 1] === '\n';
  if (start === end && newText.endsWith('\n') === false && newText.includes('\n')) {
    for (let slide = 0; slide < newText.length && start > 0 && !atLineStart(start); slide++) {
      if (before[start - 1] !== newText.at(-1)) return edit;
      newText = before[start - 1] + newText.slice(0, -1);
      start--;
      end--;
    }
    return atLineStart(start) ? { start, end, newText } : edit;
  }
  if (newText === '' && before.slice(start, end).includes('\n') && !atLineStart(start)) {
    let s = start;
    let e = end;
    while (s > 0 && !atLineStart(s) && before[s - 1] === before[e - 1]) {
      s--;
      e--;
    }
    return atLineStart(s) ? { start: s, end: e, newText } : edit;
  }
  return edit;
}

/** Applies edits that do not overlap, given in any order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
