// A JSONL file read the two ways the engine reads messages: streamed (read-records.ts), and cut into
// blocks (message-blocks.ts) with each block's records renumbered by the lines of the blocks before it.
import { closeSync, openSync } from 'node:fs';
import { planBlocks, readBlock } from '../../src/data/threads/message-blocks.js';
import { jsonlRecord, readJsonlBatches } from '../../src/data/read-records.js';
import type { RawRecord } from '../../src/data/raw-record.js';

const asJsonl = (line: number, text: string) => jsonlRecord(line, text, undefined, true);

export async function streamed(path: string): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const batch of readJsonlBatches(path, { format: 'jsonl', streamed: true })) out.push(...batch);
  return out;
}

export function byBlocks(path: string, size: number, blockBytes: number): { records: RawRecord[]; lines: number } {
  const fd = openSync(path, 'r');
  try {
    const records: RawRecord[] = [];
    let lineBase = 0;
    for (const block of planBlocks([{ size, splittable: true }], blockBytes)) {
      const read = readBlock(fd, block.range ?? { start: 0, end: size }, size, asJsonl);
      for (const record of read.records) records.push({ ...record, line: record.line + lineBase });
      lineBase += read.lines;
    }
    return { records, lines: lineBase };
  } finally {
    closeSync(fd);
  }
}
