// Quick fix shared by rules that flag a redundant list item: delete the item (with its "- " line in a
// block list, or with its comma in a flow list).
import { isSeq } from 'yaml';
import type { Fix, LocalizedText } from '../../diagnostics/diagnostic.js';
import { rangeFromOffsets } from '../../diagnostics/range.js';
import type { LoadedPolicy } from '../load.js';
import { nodeAtPath, type Path } from '../paths.js';

export function removeItemFix(loaded: LoadedPolicy, itemPath: Path, title: LocalizedText): { fix?: Fix } {
  const document = loaded.document;
  if (!document) return {};
  const index = itemPath[itemPath.length - 1];
  const seq = nodeAtPath(document, itemPath.slice(0, -1)).value;
  if (typeof index !== 'number' || !isSeq(seq)) return {};
  const item = seq.items[index] as { range?: [number, number, number] } | undefined;
  if (!item?.range) return {};
  const text = loaded.text;
  let start: number;
  let end: number;
  if (seq.flow) {
    const previous = index > 0 ? (seq.items[index - 1] as { range?: [number, number, number] }).range : undefined;
    if (previous) {
      start = previous[1];
      end = item.range[1];
    } else {
      start = item.range[0];
      const next = (seq.items[index + 1] as { range?: [number, number, number] } | undefined)?.range;
      end = next ? next[0] : item.range[1];
    }
  } else {
    start = text.lastIndexOf('\n', item.range[0] - 1) + 1;
    const lineEnd = text.indexOf('\n', item.range[1]);
    end = lineEnd === -1 ? text.length : lineEnd + 1;
  }
  return { fix: { title, edits: [{ range: rangeFromOffsets(loaded.lineCounter, start, end), newText: '' }] } };
}
