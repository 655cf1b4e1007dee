// A byte that is not text costs its own line, wherever it is in the file (unreadable-line.ts): the
// line is a rejected row with its number and reading goes on — in the first 256 KB (where the
// encoding is decided) and far past them, with or without a BOM, in CSV (also inside a quoted field
// over several lines) and JSONL, streamed and cut into blocks alike. A BOM decides the encoding, and a
// UTF-8 file without one is never garbled as GB18030 for a few bad lines.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { detectEncoding, readRecords } from '../../src/data/read-records.js';
import type { RawRecord } from '../../src/data/raw-record.js';
import { byBlocks, streamed } from './read-both-ways.js';

const repo = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'qungui-bytes-'));
let files = 0;

const UNREADABLE = 'this line holds bytes that are not UTF-8 (or GBK) text, not read: check the line or export the file again';

function write(parts: (string | number[])[], ext: string): string {
  const path = join(dir, `f${files++}.${ext}`);
  writeFileSync(path, Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))));
  return path;
}

async function readCsv(path: string): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const record of readRecords(path, { format: 'csv' })) out.push(record);
  return out;
}

/** Line → the field `key`, or the English problem. */
const outcome = (records: RawRecord[], key: string) => records.map((r) => [r.line, 'record' in r ? r.record[key] : 'problem' in r ? r.problem.en : 'skip']);

async function cli(args: string[], cwd: string) {
  const out: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => out.push(t), cwd, isTTY: false, env: {} };
  return { code: await main(args, io), output: out.join('') };
}

describe('a byte that is not text rejects only its line', () => {
  it('CSV with a BOM, 0xFF on line 4: line 4 rejected, the rows around it read with their Chinese intact', async () => {
    const path = write(['\uFEFFid,name\r\n1,张伟\r\n2,王芳\r\n3,李', [0xff], '娜\r\n4,刘洋\r\n'], 'csv');
    expect(await detectEncoding(path)).toBe('utf-8');
    expect(outcome(await readCsv(path), 'name')).toEqual([
      [2, '张伟'],
      [3, '王芳'],
      [4, UNREADABLE],
      [5, '刘洋'],
    ]);
  });

  it('CSV without a BOM and one bad line among Chinese ones: still UTF-8 (not garbled as GB18030), the bad line rejected', async () => {
    const path = write(['id,name\n1,张伟\n2,王', [0xe8], '\n3,李娜\n'], 'csv');
    expect(await detectEncoding(path)).toBe('utf-8');
    expect(outcome(await readCsv(path), 'name')).toEqual([
      [2, '张伟'],
      [3, UNREADABLE],
      [4, '李娜'],
    ]);
  });

  it('a GBK export is still read as GBK, and an invalid byte in it rejects its line', async () => {
    // 张伟 and 李娜 in GBK; 0xFF is no GBK byte.
    const path = write(['id,name\n1,', [0xd5, 0xc5, 0xce, 0xb0], '\n2,', [0xff], 'x\n3,', [0xc0, 0xee, 0xc4, 0xc8], '\n'], 'csv');
    expect(await detectEncoding(path)).toBe('gb18030');
    expect(outcome(await readCsv(path), 'name')).toEqual([
      [2, '张伟'],
      [3, UNREADABLE],
      [4, '李娜'],
    ]);
  });

  it("a bad byte inside a quoted field over lines: the record's first line is rejected, naming the line of the byte", async () => {
    const path = write(['id,note\n1,"第一行\n第', [0xff], '二行"\n2,好\n'], 'csv');
    expect(outcome(await readCsv(path), 'note')).toEqual([
      [2, 'line 2: column 2 (note) opens a quote whose line 3 holds bytes that are not text; this line was not read; reading went on with the next line'],
      [3, UNREADABLE],
      [4, '好'],
    ]);
  });

  it('a bad byte in the header stops the read, naming the line', async () => {
    const path = write(['\uFEFFid,na', [0xff], 'me\n1,2\n'], 'csv');
    await expect(readCsv(path)).rejects.toThrow('line 1 (the header) holds bytes that are not UTF-8 (or GBK) text');
  });

  it('JSONL far past the first 256 KB: a lone 0xFF and a cut character are rejected lines, streamed and in blocks alike', async () => {
    const lines = Array.from({ length: 4000 }, (_, i) =>
      JSON.stringify({ message_id: `m${i + 1}`, content: `第${i + 1}条消息，${'内容是一段中文'.repeat(4)}` }),
    );
    const parts: (string | number[])[] = [
      `${lines.slice(0, 3000).join('\n')}\n`,
      '{"message_id":"bad1","content":"坏',
      [0xff],
      '"}\n',
      `${lines.slice(3000, 3500).join('\n')}\n`,
      '{"message_id":"bad2","content":"',
      [0xe5, 0x8f],
      '"}\n',
      `${lines.slice(3500).join('\n')}\n`,
    ];
    const path = write(parts, 'jsonl');
    const bytes = readFileSync(path);
    const size = bytes.length;
    expect(bytes.indexOf(0xff)).toBeGreaterThan(256 * 1024); // past the part the encoding is decided by
    const expected = await streamed(path);
    expect(expected).toHaveLength(4002);
    const problems = expected.filter((r) => 'problem' in r).map((r) => [r.line, (r as { problem: { en: string } }).problem.en]);
    expect(problems).toEqual([
      [3001, UNREADABLE],
      [3502, UNREADABLE],
    ]);
    for (const blockBytes of [1000, 64 * 1024, size]) expect(byBlocks(path, size, blockBytes).records).toEqual(expected);
  });

  it('evaluate on the example month: a bad byte on line 4 of members.csv is one rejected row there, the run goes on', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qungui-bytes-month-'));
    cpSync(join(repo, 'examples/data/2026-10'), join(folder, 'data'), { recursive: true });
    const path = join(folder, 'data/members.csv');
    const lines = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, Buffer.concat([Buffer.from(`${lines.slice(0, 3).join('\n')}\n`), Buffer.from([0xff]), Buffer.from(lines.slice(3).join('\n'))]));
    const r = await cli(
      ['evaluate', '--policy', join(repo, 'examples/policies'), '--data', 'data', '--month', '2026-10', '--out', 'out', '--max-rejected', '100'],
      folder,
    );
    expect(r.output).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(join(folder, 'out/result.json'), 'utf8'));
    const counts = result.data.counts.members;
    expect(counts.read).toBe(lines.filter((l) => l.trim() !== '').length - 1);
    expect(counts.rejected).toBe(1);
    expect(counts.read).toBe(counts.accepted + counts.rejected + (counts.skipped ?? 0));
    const rejected = readFileSync(join(folder, 'out/rejected.csv'), 'utf8')
      .split('\r\n')
      .filter((l) => l.startsWith('members.csv'));
    expect(rejected).toEqual(['members.csv,4,members,,此行含有无法识别的字节（不是 UTF-8 或 GBK 编码的文字），未读取；请检查该行或重新导出,']);
  });
});
