// JSON paths ↔ yaml nodes. Every diagnostic and every finding names a path; this is where a path
// becomes the exact range of a key or a value in the source.
import { isMap, isSeq, isScalar, isPair, type Document, type Node, type Pair } from 'yaml';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** `assessment.tests.bands[2].min`: the form people read in messages and in result.json. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** Parses ajv's instancePath (`/assessment/tests/bands/2`) into segments; numeric parts of arrays become numbers. */
export function parsePointer(pointer: string, value: unknown): PathSegment[] {
  if (pointer === '') return [];
  const segments: PathSegment[] = [];
  let current: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(key);
      segments.push(index);
      current = current[index];
    } else {
      segments.push(key);
      current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
    }
  }
  return segments;
}

export interface NodeAtPath {
  /** The pair holding the last segment when it is a mapping key. */
  pair?: Pair<Node, Node | null>;
  key?: Node;
  value?: Node | null;
  /** The deepest node found along the path (when the path does not fully exist). */
  deepest?: Node;
  /** How many segments of the path were found. */
  depth: number;
}

export function nodeAtPath(document: Document.Parsed, path: Path): NodeAtPath {
  let node: Node | null | undefined = document.contents;
  let result: NodeAtPath = { depth: 0, value: node, deepest: node ?? undefined };
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment)) as
        | Pair<Node, Node | null>
        | undefined;
      if (!pair) return { ...result, depth: i };
      node = pair.value;
      result = { pair, key: pair.key, value: pair.value, deepest: pair.value ?? pair.key, depth: i + 1 };
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return { ...result, depth: i };
      node = item;
      result = { value: item, deepest: item, depth: i + 1 };
    } else {
      return { ...result, depth: i };
    }
  }
  return result;
}

/** [start, end) of a node's own text (its value, without trailing comments). */
export function nodeSpan(node: Node | null | undefined): [number, number] | undefined {
  if (!node?.range) return undefined;
  return [node.range[0], node.range[1]];
}
