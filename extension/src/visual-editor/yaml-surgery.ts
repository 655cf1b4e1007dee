// Changes to a YAML text that touch only the characters they must: the yaml package's Document gives
// each node's exact range, the change is written there in the style of what surrounds it (flow or
// block, the siblings' indentation, the scalar's quoting), and everything else is left as it was —
// comments, key order, blank lines. Each function returns the whole new text; text-edit.ts reduces the
// difference to one edit.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, parse, parseDocument, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

export type Path = readonly (string | number)[];
export type PlainValue = string | number | boolean;
export type NewValue = PlainValue | readonly PlainValue[] | { readonly [key: string]: NewValue };

type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

/** The node at a path (map keys by name, sequence items by index), or undefined. */
export function nodeAt(text: string, path: Path): Node | undefined {
  return nodeIn(parseDocument(text, { uniqueKeys: false }).contents as Node | null, path);
}

export function nodeIn(root: Node | null | undefined, path: Path): Node | undefined {
  return locate(root, path).node;
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
  const root = parseDocument(text, { uniqueKeys: false }).contents as Node | null;
  const { node, inFlow } = locate(root, path);
  if (node && isScalar(node) && !Array.isArray(value) && typeof value !== 'object') return replaceScalar(text, node, value, inFlow);
  if (node) return replaceNode(text, node, value, inFlow);
  const key = path.at(-1);
  const parentPath = path.slice(0, -1);
  const parent = nodeIn(root, parentPath);
  if (key === undefined) throw new Error('setAt needs a path');
  if (isMap(parent)) return insertPair(text, parent, String(key), value);
  if (isSeq(parent) && key === parent.items.length && !Array.isArray(value) && typeof value !== 'object') return appendItem(text, parent, value);
  if (parentPath.length === 0 && !parent) return `${text}${text.endsWith('\n') || !text ? '' : '\n'}${blockPair(String(key), value, '')}\n`;
  if (parent && isScalar(parent) && parent.value === null) return replaceNode(text, parent, { [String(key)]: value }, locate(root, parentPath).inFlow);
  if (parent) throw new Error(`cannot add ${String(key)} under a ${parent.constructor.name}`);
  return setAt(text, parentPath, { [String(key)]: value });
}

/** Removes a map key or a sequence item (with its separator or its lines). Absent paths change nothing. */
export function deleteAt(text: string, path: Path): string {
  const root = parseDocument(text, { uniqueKeys: false }).contents as Node | null;
  const parent = nodeIn(root, path.slice(0, -1));
  const key = path.at(-1);
  if (isMap(parent)) {
    const index = parent.items.findIndex((pair) => keyName(pair) === String(key));
    return index < 0 ? text : removeEntry(text, parent, index);
  }
  if (isSeq(parent) && typeof key === 'number' && key < parent.items.length) return removeEntry(text, parent, key);
  return text;
}

/** Adds an item to the end of the sequence at a path (created as `[item]` when missing). */
export function appendAt(text: string, path: Path, value: PlainValue): string {
  const root = parseDocument(text, { uniqueKeys: false }).contents as Node | null;
  const seq = nodeIn(root, path);
  if (isSeq(seq)) return appendItem(text, seq, value);
  return setAt(text, path, [value]);
}

/**
 * Inserts a copy of the item at `from` (its exact lines) before the item at `before`, then lets `adjust`
 * rewrite the copy: a new band row looks like its neighbour.
 */
export function insertCopyOf(text: string, path: Path, from: number, before: number, adjust: (copy: string, copyPath: Path) => string): string {
  const root = parseDocument(text, { uniqueKeys: false }).contents as Node | null;
  const seq = nodeIn(root, path);
  if (!isSeq(seq) || seq.flow) throw new Error('insertCopyOf needs a block sequence');
  const source = seq.items[from] as Node;
  const [start, end] = itemLines(text, source);
  const lines = text.slice(start, end);
  const target = seq.items[before] as Node | undefined;
  const at = target ? itemLines(text, target)[0] : end;
  const copy = lines.endsWith('\n') ? lines : `\n${lines}`;
  const inserted = target ? text.slice(0, at) + lines + text.slice(at) : text.slice(0, at) + copy + text.slice(at);
  return adjust(inserted, [...path, target ? before : seq.items.length]);
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
    return inFlow ? sameList(parse(`[${value}]`), value) : parse(`k: ${value}`)?.k === value;
  } catch {
    return false;
  }
}

function sameList(parsed: unknown, value: string): boolean {
  return Array.isArray(parsed) && parsed.length === 1 && parsed[0] === value;
}

function replaceScalar(text: string, node: Scalar, value: PlainValue, inFlow: boolean): string {
  const [start, end] = node.range!;
  const style = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? node.type : undefined;
  // `key:` with nothing after the colon: the value needs its space.
  const space = start === end && text[start - 1] === ':' ? ' ' : '';
  return text.slice(0, start) + space + scalarSource(value, inFlow, style) + text.slice(end);
}

function replaceNode(text: string, node: Node, value: NewValue, inFlowContext: boolean): string {
  const [start] = node.range!;
  const end = contentEnd(text, node);
  const inFlow = inFlowContext || (!isScalar(node) && (node as Collection).flow === true);
  if (inFlow || Array.isArray(value) || typeof value !== 'object') {
    const space = start === end && text[start - 1] === ':' ? ' ' : '';
    return text.slice(0, start) + space + flowSource(value) + text.slice(end);
  }
  // An empty value (`key:`) becomes a block map under its key.
  const indent = `${indentOf(text, start)}  `;
  const lines = Object.entries(value).map(([k, v]) => `\n${indent}${blockPair(k, v, indent)}`);
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

/** The offset of the line break that ends the line holding `offset` (or the end of the text). */
function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  return at < 0 ? text.length : at;
}

function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^ */.exec(text.slice(start))![0];
}

/** Where a block entry's lines start (its dash or key, with the indentation) and end (after the line break). */
function itemLines(text: string, entry: unknown): [number, number] {
  const [start, end] = entrySpan(text, entry);
  const last = lineEnd(text, end);
  return [lineStart(text, start), last < text.length ? last + 1 : last];
}

function removeEntry(text: string, collection: Collection, index: number): string {
  const entries = collection.items as unknown[];
  if (collection.flow) {
    const [start, end] = entrySpan(text, entries[index]);
    if (index < entries.length - 1) return text.slice(0, start) + text.slice(entrySpan(text, entries[index + 1])[0]);
    if (index > 0) return text.slice(0, entrySpan(text, entries[index - 1])[1]) + text.slice(end);
    return text.slice(0, start) + text.slice(end);
  }
  const [start, end] = itemLines(text, entries[index]);
  return text.slice(0, start) + text.slice(end);
}

function appendItem(text: string, seq: YAMLSeq<unknown>, value: PlainValue): string {
  if (seq.flow) return appendToFlow(text, seq, scalarSource(value, true));
  const last = seq.items.at(-1) as Node | undefined;
  if (!last) return replaceNode(text, seq, [value], false);
  const end = lineEnd(text, entrySpan(text, last)[1]);
  const dash = text.slice(lineStart(text, last.range![0]), last.range![0]);
  return `${text.slice(0, end)}\n${dash}${scalarSource(value, false)}${text.slice(end)}`;
}

function insertPair(text: string, map: YAMLMap<unknown, unknown>, key: string, value: NewValue): string {
  if (map.flow) return appendToFlow(text, map, `${scalarSource(key, true)}: ${flowSource(value)}`);
  const last = map.items.at(-1);
  if (!last) return replaceNode(text, map, { [key]: value }, false);
  const first = map.items[0]!.key as Node;
  const indent = text.slice(lineStart(text, first.range![0]), first.range![0]).replace(/[^ ]/g, ' ');
  const end = lineEnd(text, entrySpan(text, last)[1]);
  return `${text.slice(0, end)}\n${indent}${blockPair(key, value, indent)}${text.slice(end)}`;
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
  if (Array.isArray(value)) return `[${value.map((v) => scalarSource(v, true)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, NewValue>);
    return entries.length ? `{ ${entries.map(([k, v]) => `${scalarSource(k, true)}: ${flowSource(v)}`).join(', ')} }` : '{}';
  }
  return scalarSource(value as PlainValue, true);
}

function blockPair(key: string, value: NewValue, indent: string): string {
  const name = scalarSource(key, false);
  if (Array.isArray(value) || typeof value !== 'object')
    return `${name}: ${Array.isArray(value) ? flowSource(value) : scalarSource(value as PlainValue, false)}`;
  const inner = `${indent}  `;
  return `${name}:${Object.entries(value as Record<string, NewValue>)
    .map(([k, v]) => `\n${inner}${blockPair(k, v, inner)}`)
    .join('')}`;
}
