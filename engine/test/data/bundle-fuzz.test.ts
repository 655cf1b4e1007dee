// Random damage to the example month — bytes flipped, inserted (quotes, 0xFF, NUL, CR, LF, commas, a
// lead byte without its tail), cut, lines doubled, headers with a column doubled, renamed or dropped,
// a BOM added or removed, a file re-encoded as GB18030 — and `evaluate` and `bundle check` still
// answer as documented: exit 0, 1 or 2, never a stack trace or an internal error; with outputs
// (0 and 1), every table adds up (read = accepted + rejected + skipped), rejected.csv holds exactly
// the rejected rows, every JSONL line with content is counted, and 1 comes with its reason; with 2,
// nothing written and a message naming the problem.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { gb18030 } from './gb18030.js';

const repo = join(import.meta.dirname, '../../..');
const month = join(repo, 'examples/data/2026-10');
const FILES = ['members.csv', 'employees.csv', 'tests.csv', 'submissions.csv', 'attendance.csv', 'applications.csv', 'messages.jsonl'];

type Mutation =
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'double-line'; at: number }
  | { kind: 'header'; change: 'double' | 'rename' | 'drop'; column: number }
  | { kind: 'bom'; add: boolean }
  | { kind: 'gb18030' };

const INSERTS: number[][] = [[0x22], [0xff], [0x00], [0x0d], [0x0a], [0x2c], [0xe5], [0x22, 0x0a], [0x0d, 0x0a, 0x22], [0xef, 0xbb, 0xbf]];
const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at, bytes: fc.constantFrom(...INSERTS) }),
  fc.record({ kind: fc.constant('flip' as const), at, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('double-line' as const), at }),
  fc.record({
    kind: fc.constant('header' as const),
    change: fc.constantFrom('double' as const, 'rename' as const, 'drop' as const),
    column: fc.nat({ max: 8 }),
  }),
  fc.record({ kind: fc.constant('bom' as const), add: fc.boolean() }),
  fc.constant({ kind: 'gb18030' as const }),
);

function apply(bytes: Buffer, m: Mutation): Buffer {
  const offset = (fraction: number) => Math.floor(fraction * bytes.length);
  switch (m.kind) {
    case 'insert':
      return Buffer.concat([bytes.subarray(0, offset(m.at)), Buffer.from(m.bytes), bytes.subarray(offset(m.at))]);
    case 'flip': {
      const copy = Buffer.from(bytes);
      const i = offset(m.at);
      if (copy.length) copy[i] = copy[i]! ^ m.mask;
      return copy;
    }
    case 'truncate':
      return bytes.subarray(0, offset(m.at));
    case 'delete':
      return Buffer.concat([bytes.subarray(0, offset(m.at)), bytes.subarray(offset(m.at) + m.length)]);
    case 'double-line': {
      const start = bytes.lastIndexOf(0x0a, offset(m.at)) + 1;
      const end = bytes.indexOf(0x0a, start);
      const line = bytes.subarray(start, end === -1 ? bytes.length : end + 1);
      return Buffer.concat([bytes.subarray(0, start), line, line, bytes.subarray(start + line.length)]);
    }
    case 'header': {
      const end = bytes.indexOf(0x0a);
      const header = bytes
        .subarray(0, end === -1 ? bytes.length : end)
        .toString('utf8')
        .replace(/\r$/, '');
      const names = header.split(',');
      const i = m.column % names.length;
      if (m.change === 'double') names.splice(i, 0, names[i]!);
      else if (m.change === 'rename') names[i] = '备注';
      else names.splice(i, 1);
      return Buffer.concat([Buffer.from(names.join(',')), end === -1 ? Buffer.alloc(0) : bytes.subarray(end - (bytes[end - 1] === 0x0d ? 1 : 0))]);
    }
    case 'bom': {
      const has = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      if (m.add) return has ? bytes : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
      return has ? bytes.subarray(3) : bytes;
    }
    case 'gb18030':
      return gb18030(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes));
  }
}

/** JSONL lines the reader must count: those with anything but spaces, tabs and CR on them. */
function contentLines(bytes: Buffer): number {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let count = 0;
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf(0x0a, start);
    if (end === -1) end = body.length;
    if (body.subarray(start, end).some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0d)) count++;
    start = end + 1;
  }
  return count;
}

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => out.push(t), cwd, isTTY: false, env: {} };
  const code = await main(args, io);
  return { code, output: out.join('') };
}

type Counts = Record<string, { read: number; accepted: number; rejected: number; skipped?: number }>;

describe('fuzz: a damaged month never crashes qungui, never loses a row without a word', () => {
  test('random mutations of the example bundle: documented exit codes, no stack trace, every row accounted for', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ file: fc.constantFrom(...FILES), mutation }), { minLength: 1, maxLength: 3 }), async (damage) => {
        const dir = mkdtempSync(join(tmpdir(), `qungui-fuzz-${runs++}-`));
        cpSync(month, join(dir, 'data'), { recursive: true });
        for (const { file, mutation: m } of damage) {
          if (m.kind === 'header' && file.endsWith('.jsonl')) continue;
          const path = join(dir, 'data', file);
          writeFileSync(path, apply(readFileSync(path), m));
        }
        const messages = readFileSync(join(dir, 'data/messages.jsonl'));

        const evaluated = await run(['evaluate', '--policy', join(repo, 'examples/policies'), '--data', 'data', '--month', '2026-10', '--out', 'out'], dir);
        expect([0, 1, 2]).toContain(evaluated.code);
        expect(evaluated.output).not.toMatch(/\n\s+at |内部错误|internal error/i);
        if (evaluated.code === 2) {
          expect(evaluated.output).toMatch(/^qungui evaluate: \S/m);
          expect(existsSync(join(dir, 'out'))).toBe(false);
        } else {
          const result = JSON.parse(readFileSync(join(dir, 'out/result.json'), 'utf8')) as {
            data: { counts: Counts; rejected: number };
            problems?: unknown[];
            notEvaluated: { reason: { 'zh-CN': string } }[];
          };
          const counts = result.data.counts;
          let rejected = 0;
          for (const [table, c] of Object.entries(counts)) {
            expect(c.read, table).toBe(c.accepted + c.rejected + (c.skipped ?? 0));
            rejected += c.rejected;
          }
          expect(result.data.rejected).toBe(rejected);
          const rows = parse(readFileSync(join(dir, 'out/rejected.csv'), 'utf8'), { bom: true, columns: true }) as unknown[];
          expect(rows).toHaveLength(rejected);
          // A messages file that is read at all is read whole: every line with content is counted.
          if (counts.messages) expect(counts.messages.read).toBe(contentLines(messages));
          // Exit 1 is a month that cannot be trusted, and says why; exit 0 has no such problem.
          expect((result.problems ?? []).length > 0).toBe(evaluated.code === 1);
          for (const n of result.notEvaluated) expect(n.reason['zh-CN']).not.toMatch(/^内部错误/);
        }

        const checked = await run(['bundle', 'check', 'data', '--month', '2026-10'], dir);
        expect([0, 1, 2]).toContain(checked.code);
        expect(checked.output).not.toMatch(/\n\s+at |内部错误|internal error/i);
      }),
      { numRuns: 30 },
    );
  }, 240_000);
});
