// Offsets ↔ positions. The yaml LineCounter gives 1-based line/col; diagnostics carry 0-based LSP
// positions and the offsets themselves, so every consumer (CLI, LSP, quick fixes) agrees.
import type { LineCounter } from 'yaml';
import type { Range } from './diagnostic.js';

export function rangeFromOffsets(lineCounter: LineCounter, startOffset: number, endOffset: number): Range {
  const start = lineCounter.linePos(startOffset);
  const end = lineCounter.linePos(Math.max(startOffset, endOffset));
  return {
    start: { line: start.line - 1, character: start.col - 1 },
    end: { line: end.line - 1, character: end.col - 1 },
    startOffset,
    endOffset: Math.max(startOffset, endOffset),
  };
}

/** A LineCounter for text that was not parsed by yaml (binary, oversized): still gives exact ranges. */
export function countLines(text: string, lineCounter: LineCounter): LineCounter {
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}
