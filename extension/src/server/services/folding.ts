// Folding ranges: every mapping or list that spans more than one line (the outline's nesting).
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver';
import type { ValidatedPolicy } from '../engine.js';
import { documentSymbols } from './symbols.js';

export function foldingRanges(v: ValidatedPolicy): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const walk = (symbols: DocumentSymbol[]) => {
    for (const s of symbols) {
      if (s.range.end.line > s.range.start.line)
        ranges.push({ startLine: s.range.start.line, endLine: s.range.end.line - (s.range.end.character === 0 ? 1 : 0) });
      walk(s.children ?? []);
    }
  };
  walk(documentSymbols(v));
  return ranges.filter((r) => r.endLine > r.startLine);
}
