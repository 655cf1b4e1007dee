// Outline (document symbols), from the YAML document's own structure: sections, list items named by their id.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { ValidatedPolicy } from '../engine.js';

function toRange(v: ValidatedPolicy, start: number, end: number) {
  const a = v.lineCounter.linePos(start);
  const b = v.lineCounter.linePos(end);
  return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
}

function symbolsOf(v: ValidatedPolicy, node: Node | null | undefined, depth: number): DocumentSymbol[] {
  if (depth > 6 || !node) return [];
  if (isMap(node)) {
    return node.items.flatMap((pair) => {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return [];
      const value = pair.value as Node | null;
      const end = value?.range?.[1] ?? pair.key.range[1];
      return [
        {
          name: String(pair.key.value),
          kind: isMap(value) ? SymbolKind.Object : isSeq(value) ? SymbolKind.Array : SymbolKind.Property,
          range: toRange(v, pair.key.range[0], end),
          selectionRange: toRange(v, pair.key.range[0], pair.key.range[1]),
          children: symbolsOf(v, value, depth + 1),
        },
      ];
    });
  }
  if (isSeq(node)) {
    return node.items.flatMap((item, i) => {
      const n = item as Node;
      if (!n?.range) return [];
      const id = isMap(n) ? (n.get('id') ?? n.get('rating')) : undefined;
      return [
        {
          name: id !== undefined ? String(id) : `[${i}]`,
          kind: SymbolKind.Struct,
          range: toRange(v, n.range[0], n.range[1]),
          selectionRange: toRange(v, n.range[0], n.range[0]),
          children: symbolsOf(v, n, depth + 1),
        },
      ];
    });
  }
  return [];
}

export function documentSymbols(v: ValidatedPolicy): DocumentSymbol[] {
  return symbolsOf(v, v.document?.contents as Node | null, 0);
}
