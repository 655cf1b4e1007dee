// A line over MAX_LINE_BYTES (line-limit.ts) is a rejected row with its number, and reading goes on
// with the next line: streamed (read-records.ts), cut into blocks (message-blocks.ts) — the same
// records either way —, in a WeCom archive (recalls after the long line still found), and as
// `bundle check` reports it. Timing is bench material; here only a generous bound against a normal
// file of the same size, which a quadratic split would break by far.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/bundle.js';
import { readWecomArchive } from '../../src/data/formats/wecom-archive.js';
import { MAX_LINE_BYTES } from '../../src/data/line-limit.js';
import { BLOCK_BYTES } from '../../src/data/threads/message-blocks.js';
import type { RawRecord } from '../../src/data/raw-record.js';
import { byBlocks, streamed } from './read-both-ways.js';

const dir = mkdtempSync(join(tmpdir(), 'qungui-long-lines-'));
const TOO_LONG = 'line longer than 4 MB, not read (no chat record is that long)';

/** Line number → message id, or the English problem. */
const outcome = (records: RawRecord[]) => records.map((r) => [r.line, 'record' in r ? r.record.message_id : 'problem' in r ? r.problem.en : 'skip']);

/** A JSON line of exactly `bytes` bytes. */
const lineOf = (id: string, bytes: number) => {
  const shell = JSON.stringify({ message_id: id, content: '' });
  return JSON.stringify({ message_id: id, content: 'x'.repeat(bytes - shell.length) });
};

describe('long lines', () => {
  it.each([20, 50])(
    'a single %i MB line is rejected with its number; the lines after it are read; time stays linear',
    async (mb) => {
      const path = join(dir, `long${mb}.jsonl`);
      writeFileSync(path, `${lineOf('a', 40)}\n${lineOf('long', mb * 2 ** 20)}\n${lineOf('b', 40)}\n${lineOf('c', 40)}`);
      const normal = join(dir, `normal${mb}.jsonl`);
      writeFileSync(normal, `${lineOf('n', 200)}\n`.repeat((mb * 2 ** 20) / 201));
      const t0 = performance.now();
      const records = await streamed(path);
      const longTime = performance.now() - t0;
      const t1 = performance.now();
      await streamed(normal);
      const normalTime = performance.now() - t1;
      expect(outcome(records)).toEqual([
        [1, 'a'],
        [2, TOO_LONG],
        [3, 'b'],
        [4, 'c'],
      ]);
      // Generous: a quadratic split takes ~100× a normal read at 20 MB.
      expect(longTime).toBeLessThan(3 * normalTime + 1000);
    },
    30_000,
  );

  it('cut into blocks, a long line in the middle gives the streaming reader’s records; the cap is exact', async () => {
    const crlfLong = `${lineOf('crlf', MAX_LINE_BYTES - 1)}\r`; // its "\r" counts, its "\n" does not
    const text = [
      lineOf('a', 100),
      lineOf('at-cap', MAX_LINE_BYTES),
      lineOf('b', 100),
      lineOf('over-cap', MAX_LINE_BYTES + 1),
      '',
      lineOf('c', 100),
      crlfLong,
      lineOf('huge', 6 * 2 ** 20),
      lineOf('d', 100),
      lineOf('last-over', MAX_LINE_BYTES + 1),
    ].join('\n');
    const path = join(dir, 'middle.jsonl');
    writeFileSync(path, text);
    const size = Buffer.byteLength(text);
    const records = await streamed(path);
    expect(outcome(records)).toEqual([
      [1, 'a'],
      [2, 'at-cap'],
      [3, 'b'],
      [4, TOO_LONG],
      [6, 'c'],
      [7, 'crlf'],
      [8, TOO_LONG],
      [9, 'd'],
      [10, TOO_LONG],
    ]);
    expect(byBlocks(path, size, BLOCK_BYTES).records).toEqual(records);
    // A block size that is not a divisor of anything, and one over the cap (every line measured).
    expect(byBlocks(path, size, 1_000_003).records).toEqual(records);
    expect(byBlocks(path, size, MAX_LINE_BYTES + 4096).records).toEqual(records);
  }, 30_000);

  it('a WeCom archive: the long line is rejected, a recall after it still marks its message', async () => {
    const message = (id: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({ msgid: id, action: 'send', from: 'u1', roomid: 'wrA', msgtime: 1790000000000, msgtype: 'text', text: { content: 'hi' }, ...extra });
    const path = join(dir, 'archive.jsonl');
    writeFileSync(
      path,
      [
        message('m1'),
        message('long', { text: { content: 'recall '.repeat(MAX_LINE_BYTES / 5) } }),
        JSON.stringify({ msgid: 'r1', action: 'recall', revoke: { pre_msgid: 'm1' } }),
      ].join('\n'),
    );
    const records: RawRecord[] = [];
    for await (const record of readWecomArchive(path, { table: 'messages', file: 'archive.jsonl', format: 'wecom-archive' })) records.push(record);
    expect(records.map((r) => [r.line, 'record' in r ? [r.record.message_id, r.record.recalled] : 'problem' in r ? r.problem.en : 'skip'])).toEqual([
      [1, ['m1', true]],
      [2, TOO_LONG],
      [3, 'skip'],
    ]);
  });

  it('bundle check reports the line with its number and the reason', async () => {
    const bundle = mkdtempSync(join(tmpdir(), 'qungui-long-check-'));
    const row = (id: string, content: string) =>
      JSON.stringify({ message_id: id, group_id: 'wrA', sender_id: 'u1', type: 'text', sent_at: '2026-10-01 09:00:00', content });
    writeFileSync(join(bundle, 'messages.jsonl'), [row('m1', 'hi'), row('m2', '长'.repeat(2 * 2 ** 20)), row('m3', 'ok')].join('\n'));
    writeFileSync(join(bundle, 'members.csv'), 'group_id,member_id,joined_at\nwrA,u1,2026-09-01\n');
    let stdout = '';
    const code = await run(['check', bundle, '--month', '2026-10', '--locale', 'en'], {
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
      cwd: '/',
      isTTY: false,
      env: {},
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^messages\s+3\s+2\s+1\s+0$/m);
    expect(stdout).toContain('messages.jsonl:2');
    expect(stdout).toContain(TOO_LONG);
  });
});
