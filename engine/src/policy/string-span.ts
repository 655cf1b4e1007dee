// Maps an offset inside a string value (a CEL expression, a regex) to an offset in the file, so a
// diagnostic can point at the exact character, not the whole line.
import { isScalar, Scalar } from 'yaml';
import type { LoadedPolicy } from './load.js';
import { nodeAtPath, type Path } from './paths.js';

/** File offsets [start, end) for characters [from, to) of the string at `path`; undefined when unmappable. */
export function spanInString(loaded: LoadedPolicy, path: Path, from: number, to: number): [number, number] | undefined {
  const node = loaded.document ? nodeAtPath(loaded.document, path).value : undefined;
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const value = node.value;
  const [start, end] = node.range;
  const source = loaded.text.slice(start, end);
  let base: number;
  switch (node.type) {
    case Scalar.PLAIN:
      base = source === value ? start : -1;
      break;
    case Scalar.QUOTE_SINGLE:
    case Scalar.QUOTE_DOUBLE:
      base = source.slice(1, -1) === value ? start + 1 : -1;
      break;
    default: {
      // Block scalars: a one-line value sits on the line after the header.
      const index = value.includes('\n') && value.trimEnd().includes('\n') ? -1 : source.indexOf(value.trimEnd());
      base = index === -1 ? -1 : start + index;
    }
  }
  if (base === -1) return undefined;
  // An error at the very end (e.g. "unexpected end") marks the last character rather than nothing.
  if (from >= value.length && value.length > 0) from = value.length - 1;
  const clampedFrom = Math.max(0, Math.min(from, value.length));
  const clampedTo = Math.max(clampedFrom, Math.min(to, value.length));
  return [base + clampedFrom, base + clampedTo];
}
