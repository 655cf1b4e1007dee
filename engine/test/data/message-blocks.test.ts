// Cutting a JSONL file into byte ranges (message-blocks.ts): whatever the block size, the blocks'
// records, numbered by the lines of the blocks before them, are exactly the records the streaming
// reader gives — on files with empty lines, CRLF, a BOM, multi-byte characters, lines longer than a
// block, broken JSON, and no final newline.
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSplittable, planBlocks, readBlock } from '../../src/data/threads/message-blocks.js';
import { jsonlRecord } from '../../src/data/read-records.js';
import type { ResolvedSource } from '../../src/data/source-records.js';
import { byBlocks, streamed } from './read-both-ways.js';

const dir = mkdtempSync(join(tmpdir(), 'qungui-blocks-'));
const asJsonl = (line: number, text: string) => jsonlRecord(line, text, undefined, true);
const source = (path: string): ResolvedSource => ({ table: 'messages', file: 'm.jsonl', format: 'jsonl', path, display: 'm.jsonl' });

const line = fc.oneof(
  fc.record({ message_id: fc.string({ maxLength: 8 }), content: fc.string({ unit: 'grapheme', maxLength: 60 }) }).map((r) => JSON.stringify(r)),
  fc.constantFrom('', '   ', '{"broken": ', '[1, 2]', '\uFEFF{"message_id": "bom"}', `{"content": "很长的一行${'长'.repeat(300)}"}`, '{"emoji": "👍🏻"}'),
);

describe('message blocks', () => {
  it('any block size gives the streaming reader’s records and line numbers', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 40 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 400 }),
        async (lines, crlf, bom, finalNewline, blockBytes) => {
          const text = (bom ? '\uFEFF' : '') + lines.join(crlf ? '\r\n' : '\n') + (finalNewline && lines.length ? '\n' : '');
          const path = join(dir, `f${run++}.jsonl`);
          writeFileSync(path, text);
          const size = Buffer.byteLength(text);
          const expected = await streamed(path);
          const got = byBlocks(path, size, blockBytes);
          expect(got.records).toEqual(expected);
          // Every line counted once: the blocks' lines add up to the file's (a BOM alone is no line).
          const body = text.replace(/^\uFEFF/, '');
          expect(got.lines).toBe(body === '' ? 0 : body.split('\n').length - (body.endsWith('\n') ? 1 : 0));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a line longer than several blocks belongs to the block it starts in; the blocks inside it are empty', () => {
    const long = JSON.stringify({ message_id: 'long', content: '字'.repeat(5000) });
    const text = `{"message_id":"a"}\n${long}\n{"message_id":"b"}\n`;
    const path = join(dir, 'long.jsonl');
    writeFileSync(path, text);
    const size = Buffer.byteLength(text);
    const fd = openSync(path, 'r');
    const blocks = planBlocks([{ size, splittable: true }], 1024);
    const reads = blocks.map((block) => readBlock(fd, block.range!, size, asJsonl));
    closeSync(fd);
    // "a" and the long line start in block 0; "b" starts in the block holding the long line's end.
    const bStart = Buffer.byteLength(`{"message_id":"a"}\n${long}\n`);
    const bBlock = Math.floor(bStart / 1024);
    expect(reads.map((r) => r.lines)).toEqual(blocks.map((_, i) => (i === 0 ? 2 : i === bBlock ? 1 : 0)));
    expect(reads[0]!.records.map((r) => ('record' in r ? r.record.message_id : undefined))).toEqual(['a', 'long']);
    expect(reads[bBlock]!.records.map((r) => r.line)).toEqual([1]);
  });

  it('plans whole files for what cannot be cut, and ranges that cover a large file exactly', () => {
    expect(
      planBlocks(
        [
          { size: 100, splittable: false },
          { size: 10, splittable: true },
          { size: 25, splittable: true },
        ],
        10,
      ),
    ).toEqual([
      { source: 0 },
      { source: 1 },
      { source: 2, range: { start: 0, end: 10 } },
      { source: 2, range: { start: 10, end: 20 } },
      { source: 2, range: { start: 20, end: 25 } },
    ]);
    expect(isSplittable(source('x'), 'utf-8')).toBe(true);
    expect(isSplittable(source('x'), 'gb18030')).toBe(false);
    expect(isSplittable({ ...source('x'), format: 'csv' }, 'utf-8')).toBe(false);
    expect(isSplittable({ ...source('x'), format: 'wecom-archive' }, 'utf-8')).toBe(true);
    expect(isSplittable({ ...source('x'), format: 'memotrace-csv' }, 'utf-8')).toBe(false);
  });
});
