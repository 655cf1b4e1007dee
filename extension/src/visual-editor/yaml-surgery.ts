// Changes to a YAML text that touch only the characters they must: the yaml package's Document gives
// each node's exact range, the change is written there in the style of what surrounds it (flow or
// block, the siblings' indentation, the scalar's quoting), and everything else is left as it was —
// comments, key order, blank lines. Each function returns the whole new text; text-edit.ts reduces the
// difference to one edit.
import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type Pair,
  parse,
  parseDocument,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
  visit,
} from 'yaml';
import { RefusedEdit } from './refused-edit.js';

export type Path = readonly (string | number)[];
export type PlainValue = string | number | boolean;
export type NewRecord = { readonly [key: string]: NewValue };
export type NewValue = PlainValue | readonly (PlainValue | NewRecord)[] | NewRecord;

type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

/** A policy text as the form and its edits read it: duplicate keys kept (the validator names them) and
 *  yaml's own warnings (an unknown tag) left to the language server's diagnostics, not to the console. */
export function parsePolicyYaml(text: string): Document {
  return parseDocument(text, { uniqueKeys: false, logLevel: 'error' });
}

/** The node at a path (map keys by name, sequence items by index), or undefined. */
export function nodeAt(text: string, path: Path): Node | undefined {
  return nodeIn(parsePolicyYaml(text).contents as Node | null, path);
}

export function nodeIn(root: Node | null | undefined, path: Path): Node | undefined {
  return locate(root, path).node;
}

/** Whether the text at a path is shared: reached through an alias (`*a`), or anchored (`&a`) for aliases elsewhere. */
export function sharedAt(root: Node | null | undefined, path: Path): 'alias' | 'anchor' | undefined {
  let node: unknown = root;
  for (const segment of [undefined, ...path]) {
    if (segment !== undefined) {
      if (isMap(node)) node = pairOf(node, String(segment))?.value;
      else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
      else return undefined;
    }
    if (isAlias(node)) return 'alias';
    if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) return 'anchor';
  }
  return undefined;
}

/**
 * Refuses a change to shared text: writing there would change (an anchor) or lose (an alias replaced)
 * the values of every other key that refers to it.
 */
export function refuseShared(root: Node | null | undefined, path: Path): void {
  const shared = sharedAt(root, path);
  if (shared === 'alias') throw new RefusedEdit('This value refers to a value elsewhere (an alias): edit it in the text.');
  if (shared === 'anchor') throw new RefusedEdit('Other keys refer to this value (an anchor): edit it in the text.');
}

/** The node at a path and whether one of its ancestors is a flow collection (then it is written in flow style). */
function locate(root: Node | null | undefined, path: Path): { node: Node | undefined; inFlow: boolean } {
  let node: unknown = root;
  let inFlow = false;
  for (const segment of path) {
    if (isMap(node) || isSeq(node)) inFlow ||= node.flow === true;
    if (isMap(node)) node = pairOf(node, String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return { node: undefined, inFlow };
  }
  return { node: (node ?? undefined) as Node | undefined, inFlow };
}

/** Sets the value at a path: a scalar is rewritten in place; a missing key is added beside its siblings. */
export function setAt(text: string, path: Path, value: NewValue): string {
  const root = parsePolicyYaml(text).contents as Node | null;
  refuseShared(root, path);
  const { node, inFlow } = locate(root, path);
  if (node && isScalar(node) && !Array.isArray(value) && typeof value !== 'object') return replaceScalar(text, node, value, inFlow);
  if (node) return replaceNode(text, node, value, inFlow);
  const key = path.at(-1);
  const parentPath = path.slice(0, -1);
  const parent = nodeIn(root, parentPath);
  if (key === undefined) throw new Error('setAt needs a path');
  if (isMap(parent)) return insertPair(text, parent, String(key), value);
  if (isSeq(parent) && key === parent.items.length && !Array.isArray(value) && typeof value !== 'object') return appendItem(text, parent, value);
  const eol = lineBreakOf(text);
  if (parentPath.length === 0 && !parent) return `${text}${text.endsWith('\n') || !text ? '' : eol}${blockPair(String(key), value, '', eol)}${eol}`;
  if (parent && isScalar(parent) && parent.value === null) return replaceNode(text, parent, { [String(key)]: value }, locate(root, parentPath).inFlow);
  if (parent) throw new Error(`cannot add ${String(key)} under a ${parent.constructor.name}`);
  return setAt(text, parentPath, { [String(key)]: value });
}

/** Removes a map key or a sequence item (with its separator or its lines). Absent paths change nothing. */
export function deleteAt(text: string, path: Path): string {
  const root = parsePolicyYaml(text).contents as Node | null;
  refuseShared(root, path);
  const parent = nodeIn(root, path.slice(0, -1));
  const key = path.at(-1);
  let index = -1;
  if (isMap(parent)) index = parent.items.findIndex((pair) => keyName(pair) === String(key));
  else if (isSeq(parent) && typeof key === 'number' && key < parent.items.length) index = key;
  if (index < 0 || !(isMap(parent) || isSeq(parent))) return text;
  const removed = removeEntry(text, parent, index);
  if (parent.flow || parent.items.length > 1 || path.length < 2) return removed;
  // The last entry of a block list or map: `key:` alone would be null where the schema wants a list or
  // a map (a second error for the same removal); it becomes `key: []` / `key: {}`.
  const emptied = nodeIn(parsePolicyYaml(removed).contents as Node | null, path.slice(0, -1));
  if (!isScalar(emptied) || emptied.value !== null || !emptied.range) return removed;
  return fillEmpty(removed, emptied.range[0], isSeq(parent) ? '[]' : '{}');
}

/** Adds an item to the end of the sequence at a path (created as `[item]` when missing). */
export function appendAt(text: string, path: Path, value: PlainValue): string {
  const root = parsePolicyYaml(text).contents as Node | null;
  refuseShared(root, path);
  const seq = nodeIn(root, path);
  if (isSeq(seq)) return appendItem(text, seq, value);
  return setAt(text, path, [value]);
}

/**
 * Inserts a copy of the item at `from` (its exact lines) before the item at `before`, then lets `adjust`
 * rewrite the copy: a new band row looks like its neighbour.
 */
export function insertCopyOf(text: string, path: Path, from: number, before: number, adjust: (copy: string, copyPath: Path) => string): string {
  const root = parsePolicyYaml(text).contents as Node | null;
  refuseShared(root, path);
  const seq = nodeIn(root, path);
  // A table written `[{…}, {…}]` on one line: a row copied into it would need its own style of writing.
  if (!isSeq(seq) || seq.flow) throw new RefusedEdit('This table is written on one line ([…]): add the row in the text.');
  const source = seq.items[from] as Node;
  const [start, end] = itemLines(text, source);
  // The copy is a new row: the neighbour's comments are about the neighbour.
  const lines = withoutComments(text.slice(start, end));
  const target = seq.items[before] as Node | undefined;
  // Above the comment lines that head the row it goes before (they are that row's).
  const at = target ? ownLinesStart(text, target) : end;
  const copy = lines.endsWith('\n') ? lines : `\n${lines}`;
  const inserted = target ? text.slice(0, at) + lines + text.slice(at) : text.slice(0, at) + copy + text.slice(at);
  return adjust(inserted, [...path, target ? before : seq.items.length]);
}

/** Moves the item at `index` of the block sequence at `path` to `to`, one place up or down: the two
 *  items trade their lines, each with the comment lines that head it and the comment after it. */
export function moveItem(text: string, path: Path, index: number, to: number): string {
  const root = parsePolicyYaml(text).contents as Node | null;
  refuseShared(root, path);
  const seq = nodeIn(root, path);
  if (!isSeq(seq) || Math.abs(to - index) !== 1 || to < 0 || to >= seq.items.length) return text;
  if (seq.flow) throw new RefusedEdit('This table is written on one line ([…]): move the row in the text.');
  const [upper, lower] = index < to ? [index, to] : [to, index];
  // An anchor moved below its alias would leave the alias pointing at nothing.
  if ([upper, lower].some((i) => holdsSharing(seq.items[i] as Node)))
    throw new RefusedEdit('This row shares values with another (& or *): move it in the text.');
  const eol = lineBreakOf(text);
  // Comment lines right above a row go with it, also above the first row: a move and the move back
  // give the text again.
  const upperStart = ownLinesStart(text, seq.items[upper]);
  const upperEnd = itemLines(text, seq.items[upper])[1];
  const lowerStart = ownLinesStart(text, seq.items[lower]);
  const lowerEnd = itemLines(text, seq.items[lower])[1];
  // The last line of the file may lack its line break: each moved block gets one, the end keeps none.
  const block = (from: number, end: number) => (text.slice(from, end).endsWith('\n') ? text.slice(from, end) : text.slice(from, end) + eol);
  const between = text.slice(upperEnd, lowerStart);
  const moved = block(lowerStart, lowerEnd) + between + block(upperStart, upperEnd);
  const tail = text.slice(lowerEnd);
  return text.slice(0, upperStart) + (lowerEnd === text.length && !text.endsWith('\n') ? moved.slice(0, -eol.length) : moved) + tail;
}

/** Whether a node or anything in it is an alias or carries an anchor. */
function holdsSharing(node: Node): boolean {
  let found = false;
  visit(node, (_key, child) => {
    if (isAlias(child) || (isNode(child) && child.anchor)) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found || Boolean(node.anchor);
}

// ─── scalars ────────────────────────────────────────────────────────────────────────────────────

/** A scalar as YAML source, in the quoting it had (or plain when plain reads back the same). */
export function scalarSource(value: PlainValue, inFlow: boolean, style?: Scalar['type']): string {
  if (typeof value !== 'string') return String(value);
  // Line breaks and control characters need double quotes' escapes.
  if (style === 'QUOTE_DOUBLE' || /[\p{Cc}\p{Cf}\u2028\u2029]/u.test(value)) return JSON.stringify(value);
  const single = `'${value.replaceAll("'", "''")}'`;
  if (style === 'QUOTE_SINGLE') return single;
  return readsBackAs(value, inFlow) ? value : single;
}

function readsBackAs(value: string, inFlow: boolean): boolean {
  if (!value || value !== value.trim()) return false;
  try {
    return inFlow ? sameList(parse(`[${value}]`, { logLevel: 'error' }), value) : parse(`k: ${value}`, { logLevel: 'error' })?.k === value;
  } catch {
    return false;
  }
}

function sameList(parsed: unknown, value: string): boolean {
  return Array.isArray(parsed) && parsed.length === 1 && parsed[0] === value;
}

function replaceScalar(text: string, node: Scalar, value: PlainValue, inFlow: boolean): string {
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return replaceBlockScalar(text, node, value);
  const [start, end] = node.range!;
  const style = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? node.type : undefined;
  return start === end
    ? fillEmpty(text, start, scalarSource(value, inFlow, style))
    : text.slice(0, start) + scalarSource(value, inFlow, style) + text.slice(end);
}

/**
 * Writes a value where an empty one (`key:`) is. yaml puts an empty value at the next token: the line
 * break, or the `#` of a comment after the colon (`timezone:   # 时区`); the value gets a space before it
 * and, before a comment, one after it — glued to the `#`, the comment would read as part of the value.
 */
function fillEmpty(text: string, at: number, source: string): string {
  const before = /[ \t]/.test(text[at - 1] ?? '') ? '' : ' ';
  const after = text[at] === '#' ? ' ' : '';
  return text.slice(0, at) + before + source + after + text.slice(at);
}

/**
 * A `|` or `>` scalar rewritten under the same header (style, chomping, indentation kept): its range
 * runs to the next line's start, so a value written there inline would join the next key's line.
 * A value the block cannot hold as written (a first line starting with a space) goes in double quotes.
 */
function replaceBlockScalar(text: string, node: Scalar, value: PlainValue): string {
  const [start, end] = node.range!;
  const headerEnd = lineEnd(text, start);
  const headerLine = text.slice(start, headerEnd);
  const header = headerLine.replace(/\s*(#.*)?$/, '');
  const eol = lineBreakOf(text);
  const bodyStart = headerEnd + eol.length;
  const firstLine = /^( *)\S/m.exec(text.slice(bodyStart, end));
  const indent = firstLine?.[1] || `${indentOf(text, start)}  `;
  const content = String(value).replace(/\n+$/, '');
  const lines = node.type === 'BLOCK_FOLDED' ? content.replace(/\n+/g, (breaks) => `${breaks}\n`) : content;
  const body = lines
    .split('\n')
    .map((line) => (line ? indent + line : ''))
    .join(eol);
  const source = `${headerLine}${eol}${body}${eol}`;
  const tail = text.slice(end);
  const written = text.slice(0, start) + source + tail;
  const expected = content + (header.includes('-') ? '' : '\n');
  if (readsBackBlock(header, body.replaceAll(eol, '\n'), indent, expected)) return written;
  return text.slice(0, start) + JSON.stringify(String(value)) + (text.slice(start, end).endsWith('\n') ? eol : '') + tail;
}

function readsBackBlock(header: string, body: string, indent: string, expected: string): boolean {
  try {
    const shifted = body
      .split('\n')
      .map((line) => (line ? `  ${line.slice(indent.length)}` : ''))
      .join('\n');
    const read = parse(`k: ${header}\n${shifted}\n`, { logLevel: 'error' })?.k;
    return read === expected;
  } catch {
    return false;
  }
}

/** The document's own line break: a CRLF file gets CRLF lines. */
export function lineBreakOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

function replaceNode(text: string, node: Node, value: NewValue, inFlowContext: boolean): string {
  const [start] = node.range!;
  const end = contentEnd(text, node);
  const eol = lineBreakOf(text);
  // Records for a list in block context (a table's first row, under an empty `key:` or `key: []`):
  // one `- { … }` line each under the key, as policies write their tables.
  if (!inFlowContext && Array.isArray(value) && value.some((v) => typeof v === 'object')) {
    const indent = `${indentOf(text, start)}  `;
    const lines = value.map((v) => `${eol}${indent}- ${flowSource(v)}`).join('');
    if (start === end && text[start] === '#') return text.slice(0, lineEnd(text, start)) + lines + text.slice(lineEnd(text, start));
    return text.slice(0, start).replace(/ +$/, '') + lines + text.slice(end);
  }
  const inFlow = inFlowContext || (!isScalar(node) && (node as Collection).flow === true);
  if (inFlow || Array.isArray(value) || typeof value !== 'object') {
    if (start === end) return fillEmpty(text, start, flowSource(value));
    return text.slice(0, start) + flowSource(value) + text.slice(end);
  }
  // An empty value (`key:`) becomes a block map under its key; a comment after the colon stays on the key's line.
  const indent = `${indentOf(text, start)}  `;
  const lines = Object.entries(value).map(([k, v]) => `${eol}${indent}${blockPair(k, v, indent, eol)}`);
  if (start === end && text[start] === '#') {
    const commentEnd = lineEnd(text, start);
    return text.slice(0, commentEnd) + lines.join('') + text.slice(commentEnd);
  }
  return text.slice(0, start).replace(/ +$/, '') + lines.join('') + text.slice(end);
}

// ─── collections ────────────────────────────────────────────────────────────────────────────────

function pairOf(map: YAMLMap<unknown, unknown>, key: string): Pair<unknown, unknown> | undefined {
  return map.items.find((pair) => keyName(pair) === key);
}

function keyName(pair: Pair<unknown, unknown>): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** Where an entry (a pair of a map, an item of a sequence) starts and its content ends. */
function entrySpan(text: string, entry: unknown): [number, number] {
  if (isPair(entry)) {
    const key = entry.key as Node;
    const value = entry.value as Node | null;
    return [key.range![0], value?.range ? Math.max(contentEnd(text, value), key.range![1]) : key.range![1]];
  }
  const node = entry as Node;
  return [node.range![0], contentEnd(text, node)];
}

/** The end of a node's own characters: its range without the line breaks and spaces after it. */
function contentEnd(text: string, node: Node): number {
  let end = node.range![1];
  while (end > node.range![0] && /\s/.test(text[end - 1]!)) end--;
  return end;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the line break (`\n`, or the `\r` of `\r\n`) that ends the line holding `offset`, or the end of the text. */
function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  if (at < 0) return text.length;
  return text[at - 1] === '\r' && at - 1 >= offset ? at - 1 : at;
}

function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^ */.exec(text.slice(start))![0];
}

/** Where a block entry's lines start (its dash or key, with the indentation) and end (after the line break). */
function itemLines(text: string, entry: unknown): [number, number] {
  const [start, end] = entrySpan(text, entry);
  const last = text.indexOf('\n', end);
  return [lineStart(text, start), last < 0 ? text.length : last + 1];
}

function removeEntry(text: string, collection: Collection, index: number): string {
  const entries = collection.items as unknown[];
  if (collection.flow) {
    const [start, end] = entrySpan(text, entries[index]);
    // A flow list written one item a line (`  b, # B`): the item's line goes whole, its comment with it;
    // cut between the items instead, the comment after it would end up on its neighbour.
    const from = lineStart(text, start);
    const rest = text.slice(end, lineEnd(text, end));
    if (entries.length > 1 && !text.slice(from, start).trim() && /^\s*,?\s*(#.*)?$/.test(rest))
      return text.slice(0, from) + text.slice(itemLines(text, entries[index])[1]);
    if (index < entries.length - 1) return text.slice(0, start) + text.slice(entrySpan(text, entries[index + 1])[0]);
    if (index > 0) return text.slice(0, entrySpan(text, entries[index - 1])[1]) + text.slice(end);
    return text.slice(0, start) + text.slice(end);
  }
  const [start, end] = itemLines(text, entries[index]);
  // The comment lines heading the entry go with it; above the first one they may head the whole list.
  return text.slice(0, index > 0 ? ownLinesStart(text, entries[index]) : start) + text.slice(end);
}

/** Where an entry's lines start, with the comment lines right above it at its indentation. */
function ownLinesStart(text: string, entry: unknown): number {
  const [start] = itemLines(text, entry);
  const column = indentOf(text, start).length;
  let from = start;
  while (from > 0) {
    const previous = lineStart(text, from - 1);
    const comment = /^( *)#/.exec(text.slice(previous, from));
    if (!comment || comment[1]!.length !== column) break;
    from = previous;
  }
  return from;
}

/** Lines of YAML without their comments: comment-only lines go, a trailing `# …` is cut (not a `#` in quotes). */
function withoutComments(lines: string): string {
  return lines
    .split(/(?<=\n)/)
    .filter((line) => !/^\s*#/.test(line))
    .map((line) => {
      const at = commentStart(line);
      if (at < 0) return line;
      const eol = /\r?\n$/.exec(line)?.[0] ?? '';
      return line.slice(0, at).replace(/[ \t]+$/, '') + eol;
    })
    .join('');
}

function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote && !(quote === '"' && line[i - 1] === '\\')) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return i;
  }
  return -1;
}

function appendItem(text: string, seq: YAMLSeq<unknown>, value: PlainValue): string {
  if (seq.flow) return appendToFlow(text, seq, scalarSource(value, true));
  const last = seq.items.at(-1) as Node | undefined;
  if (!last) return replaceNode(text, seq, [value], false);
  const end = lineEnd(text, entrySpan(text, last)[1]);
  const dash = text.slice(lineStart(text, last.range![0]), last.range![0]);
  return `${text.slice(0, end)}${lineBreakOf(text)}${dash}${scalarSource(value, false)}${text.slice(end)}`;
}

function insertPair(text: string, map: YAMLMap<unknown, unknown>, key: string, value: NewValue): string {
  if (map.flow) return appendToFlow(text, map, `${scalarSource(key, true)}: ${flowSource(value)}`);
  const last = map.items.at(-1);
  if (!last) return replaceNode(text, map, { [key]: value }, false);
  const first = map.items[0]!.key as Node;
  const indent = text.slice(lineStart(text, first.range![0]), first.range![0]).replace(/[^ ]/g, ' ');
  const end = lineEnd(text, entrySpan(text, last)[1]);
  const eol = lineBreakOf(text);
  return `${text.slice(0, end)}${eol}${indent}${blockPair(key, value, indent, eol)}${text.slice(end)}`;
}

/** Appends an entry to `[a, b]` / `{ a: 1 }` after the last one, or into the empty brackets. */
function appendToFlow(text: string, collection: Collection, source: string): string {
  const entries = collection.items as unknown[];
  if (entries.length) {
    const end = entrySpan(text, entries.at(-1))[1];
    return `${text.slice(0, end)}, ${source}${text.slice(end)}`;
  }
  const [start] = collection.range!;
  const close = contentEnd(text, collection) - 1;
  const padded = text[start] === '{' ? ` ${source} ` : source;
  return text.slice(0, start + 1) + padded + text.slice(close);
}

function flowSource(value: NewValue): string {
  if (Array.isArray(value)) return `[${value.map((v) => flowSource(v)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, NewValue>);
    return entries.length ? `{ ${entries.map(([k, v]) => `${scalarSource(k, true)}: ${flowSource(v)}`).join(', ')} }` : '{}';
  }
  return scalarSource(value as PlainValue, true);
}

function blockPair(key: string, value: NewValue, indent: string, eol = '\n'): string {
  const name = scalarSource(key, false);
  // A list of records: one `- { … }` line per record, as policies write their tables.
  if (Array.isArray(value) && value.some((v) => typeof v === 'object')) return `${name}:${value.map((v) => `${eol}${indent}  - ${flowSource(v)}`).join('')}`;
  if (Array.isArray(value) || typeof value !== 'object')
    return `${name}: ${Array.isArray(value) ? flowSource(value) : scalarSource(value as PlainValue, false)}`;
  const inner = `${indent}  `;
  return `${name}:${Object.entries(value as Record<string, NewValue>)
    .map(([k, v]) => `${eol}${inner}${blockPair(k, v, inner, eol)}`)
    .join('')}`;
}
