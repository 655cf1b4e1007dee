// Two YAML slips Chinese authors make, explained at their cause: a full-width colon after a key
// (an IME left in Chinese mode), and a key written twice (which one counts is not what they think).
import { isMap, isPair, isScalar, visit, type Document, type LineCounter } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rangeFromOffsets } from '../diagnostics/range.js';
import { localized } from '../i18n/localized-text.js';

/** `key：` at the start of a line (after indentation or a list dash): an ASCII key, a full-width colon. */
const FULL_WIDTH_KEY = /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][A-Za-z0-9_.-]*)：/;

/** The full-width colon of a line with a YAML error, if the line is `key：…`; undefined otherwise. */
export function fullWidthColon(text: string, lineCounter: LineCounter, lineStart: number): Diagnostic | undefined {
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const match = FULL_WIDTH_KEY.exec(line);
  if (!match) return undefined;
  const at = lineStart + match[1]!.length + match[2]!.length;
  const spaceAfter = line[at - lineStart + 1] === ' ' || at - lineStart + 1 >= line.length;
  const range = rangeFromOffsets(lineCounter, at, at + 1);
  return {
    code: 'yaml-syntax',
    severity: 'error',
    message: localized(
      '键“{value}”后面是全角冒号“：”；YAML 只认半角冒号“:”，后面再加一个空格',
      'The key “{value}” is followed by a full-width colon “：”; YAML needs an ASCII colon “:” followed by a space',
      { value: String(match[2]) },
    ),
    range,
    path: '',
    fix: { title: localized('改为半角冒号“: ”', 'Use an ASCII colon “: ”'), edits: [{ range, newText: spaceAfter ? ':' : ': ' }] },
  };
}

/** Where the block under a `key：` line ends: the next non-blank line indented no deeper than it.
 *  YAML's errors inside it follow from the colon and are not reported on their own. */
export function blockEnd(text: string, lineStart: number): number {
  const indentOf = (line: string) => /^[ \t]*(?:-[ \t]+)?/.exec(line)![0].length;
  let next = text.indexOf('\n', lineStart);
  const indent = indentOf(text.slice(lineStart, next === -1 ? text.length : next));
  while (next !== -1) {
    const start = next + 1;
    next = text.indexOf('\n', start);
    const line = text.slice(start, next === -1 ? text.length : next);
    if (line.trim() !== '' && !line.trimStart().startsWith('#') && /^[ \t]*/.exec(line)![0].length <= indent) return start;
  }
  return text.length;
}

/** The key a duplicate repeats: where it was first written in the same mapping, and its text. */
export function firstOccurrence(document: Document.Parsed, duplicateAt: number): { key: string; start: number; end: number } | undefined {
  let found: { key: string; start: number; end: number } | undefined;
  visit(document, {
    Map(_, map) {
      if (found || !isMap(map)) return;
      const at = map.items.findIndex((item) => isPair(item) && isScalar(item.key) && item.key.range?.[0] === duplicateAt);
      if (at === -1) return;
      const duplicate = map.items[at]!;
      const key = isScalar(duplicate.key) ? String(duplicate.key.value) : '';
      const first = map.items.find((item, i) => i < at && isPair(item) && isScalar(item.key) && String(item.key.value) === key);
      const range = first && isScalar(first.key) ? first.key.range : undefined;
      if (range) found = { key, start: range[0], end: range[1] };
      return visit.BREAK;
    },
  });
  return found;
}

/** Where a value starts: after `key: `, a list dash, or inside a flow collection. A quote there opens a
 *  quoted scalar; anywhere else (it's, 5'10") it is text. */
const VALUE_START = /(?:^|[:\-[{,])[ \t]*$/;

/**
 * The quote whose string is still open where YAML reports its first error: yaml notices an unclosed
 * quote lines later (at a backslash, or at the end of the file), never at the quote. Undefined when the
 * error is not inside a quoted string.
 */
export function unclosedQuote(text: string, lineCounter: LineCounter, errorAt: number): { diagnostic: Diagnostic; end: number } | undefined {
  let open: { quote: string; at: number } | undefined;
  for (let i = 0; i < errorAt && i < text.length; i++) {
    const ch = text[i]!;
    if (open) {
      if (open.quote === '"' && ch === '\\') i++;
      else if (ch === open.quote) {
        if (open.quote === "'" && text[i + 1] === "'") i++;
        else open = undefined;
      }
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const lineStart = text.lastIndexOf('\n', i - 1) + 1;
      if (VALUE_START.test(text.slice(lineStart, i))) open = { quote: ch, at: i };
    }
  }
  if (!open) return undefined;
  const line = lineCounter.linePos(open.at).line;
  const lineEnd = text.indexOf('\n', open.at) === -1 ? text.length : text.indexOf('\n', open.at);
  const rest = text.slice(open.at + 1, lineEnd);
  // Safe to close at the end of its line: nothing else on the line could be the intended closing quote,
  // and the next line starts something new rather than continuing the string.
  const nextLine = text.slice(lineEnd + 1, text.indexOf('\n', lineEnd + 1) === -1 ? text.length : text.indexOf('\n', lineEnd + 1));
  const indentOf = (s: string) => /^[ \t]*/.exec(s)![0].length;
  const keyLine = text.slice(text.lastIndexOf('\n', open.at - 1) + 1, lineEnd);
  const safe = !rest.includes(open.quote) && (lineEnd >= text.length || (nextLine.trim() !== '' && indentOf(nextLine) <= indentOf(keyLine)));
  const closeAt = open.at + 1 + rest.trimEnd().length;
  const range = rangeFromOffsets(lineCounter, open.at, open.at + 1);
  const quoteName = open.quote === '"' ? localized('双引号', 'double quote') : localized('单引号', 'single quote');
  return {
    end: errorAt,
    diagnostic: {
      code: 'yaml-syntax',
      severity: 'error',
      message: localized(
        '第 {line} 行的{quote} {mark} 没有闭合：后面的内容都被当成了这个字符串的一部分',
        'The {quote} {mark} on line {line} is never closed: everything after it is read as part of the string',
        {
          line,
          quote: quoteName,
          mark: open.quote,
        },
      ),
      range,
      path: '',
      ...(safe
        ? {
            fix: {
              title: localized('在第 {line} 行末尾补上 {mark}', 'Close it with {mark} at the end of line {line}', { line, mark: open.quote }),
              edits: [{ range: rangeFromOffsets(lineCounter, closeAt, closeAt), newText: open.quote }],
            },
          }
        : {}),
    },
  };
}
