// One stray quote in a CSV export costs its own row, never the rows after it (csv-records.ts): the row
// is rejected with its line (1-based, as an editor shows it; the header is line 1) and a reason that
// names the line and the column but never the value; reading goes on with the next line. Legit
// quoting still works: fields over several lines, `""`, and the lines after them keep their numbers.
// `ab"c` and `"ab"c` on one line are kept as written (csv-parse's relax_quotes). A record over 4 MB is
// a rejected row. Counts add up: read = accepted + rejected + skipped, also through `bundle check`
// and `evaluate` on the example month.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { OUTSIDE, scanLine } from '../../src/data/csv-records.js';
import { MAX_LINE_BYTES } from '../../src/data/line-limit.js';
import { openBundle } from '../../src/data/open-bundle.js';
import { readRecords } from '../../src/data/read-records.js';
import type { RawRecord } from '../../src/data/raw-record.js';
import { gb18030 } from './gb18030.js';

const repo = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'qungui-csv-quotes-'));
let files = 0;

async function read(content: string | Buffer, columns?: Record<string, string>): Promise<RawRecord[]> {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, content);
  const out: RawRecord[] = [];
  for await (const record of readRecords(path, { format: 'csv', ...(columns ? { columns } : {}) })) out.push(record);
  return out;
}

/** Line → a record's field `key`, or the English problem. */
const outcome = (records: RawRecord[], key: string) => records.map((r) => [r.line, 'record' in r ? r.record[key] : 'problem' in r ? r.problem.en : 'skip']);

const HEADER = 'group_id,member_id,name,joined_at,left_at,role,invited_by';
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞', '徐强', '孙丽', '马超'];
/** A roster of 52 members; row i (1-based, line i + 1) is member m<i>. */
const rosterRows = () => Array.from({ length: 52 }, (_, i) => `wrA,m${i + 1},${NAMES[i % NAMES.length]}${i + 1},2026-10-01 09:00:00,,member,`);
/** Row 5 (line 6) with a quote opening its name field that is never closed. */
const attacked = () => {
  const rows = rosterRows();
  rows[4] = rows[4]!.replace(',陈静5,', ',"陈静5,');
  return rows;
};

describe('a stray quote rejects only its own row', () => {
  it("the attack: a quote opening row 5's name is never closed; line 6 is rejected, the 51 other members read", async () => {
    const records = await read(`${HEADER}\n${attacked().join('\n')}\n`);
    const problems = records.filter((r) => 'problem' in r);
    const rows = records.filter((r) => 'record' in r);
    expect(rows).toHaveLength(51);
    expect(problems).toHaveLength(1);
    // Row 5 of the roster, the header being line 1: line 6.
    expect(problems[0]!.line).toBe(6);
    const reason = (problems[0] as { problem: { 'zh-CN': string; en: string } }).problem;
    expect(reason['zh-CN']).toBe('第 6 行第 3 列（name）以引号开头，但直到文件末尾都没有闭合的引号（多半是多余的引号）；此行未读取，从下一行继续读取');
    expect(reason.en).toBe(
      'line 6: column 3 (name) opens a quote that is never closed before the end of the file (most likely a stray quote); this line was not read; reading went on with the next line',
    );
    // Personal data: neither the value nor any other cell of the row is echoed.
    for (const text of Object.values(reason)) for (const cell of ['陈静5', 'm5', '2026-10-01']) expect(text).not.toContain(cell);
    // Every other row keeps its own line.
    expect(outcome(records, 'member_id')).toEqual(Array.from({ length: 52 }, (_, i) => (i === 4 ? [6, reason.en] : [i + 2, `m${i + 1}`])));
  });

  it('the same file as a UTF-8 export with a BOM and CRLF, and as GB18030: the same outcome', async () => {
    const expected = outcome(await read(`${HEADER}\n${attacked().join('\n')}\n`), 'name');
    expect(outcome(await read(`\uFEFF${HEADER}\r\n${attacked().join('\r\n')}\r\n`), 'name')).toEqual(expected);
    expect(outcome(await read(gb18030(`${HEADER}\r\n${attacked().join('\r\n')}\r\n`)), 'name')).toEqual(expected);
  });

  it("a stray quote that meets a later row's quotes swallows nothing: only its line is rejected", async () => {
    const rows = rosterRows();
    rows[4] = rows[4]!.replace(',陈静5,', ',"陈静5,');
    rows[19] = rows[19]!.replace(',member,', ',"member",'); // a legit quoted field 15 rows below
    rows[30] = rows[30]!.replace(',member,', ',"mem""ber",');
    const records = await read(`${HEADER}\n${rows.join('\n')}\n`);
    expect(records.filter((r) => 'record' in r)).toHaveLength(51);
    const problem = records.find((r) => 'problem' in r) as { line: number; problem: { en: string; 'zh-CN': string } };
    expect(problem.line).toBe(6);
    expect(problem.problem.en).toBe(
      'line 6: column 3 (name) opens a quote that is only met again on line 21, followed by neither a comma nor the line end (most likely a stray quote); this line was not read; reading went on with the next line',
    );
    expect(problem.problem['zh-CN']).toContain('第 6 行第 3 列（name）以引号开头，直到第 21 行才遇到引号');
    expect(outcome(records, 'role').slice(19, 21)).toEqual([
      [21, 'member'],
      [22, 'member'],
    ]);
    expect(outcome(records, 'role')[30]).toEqual([32, 'mem"ber']);
  });

  it('a stray quote on the last line, with or without a line end after it', async () => {
    for (const end of ['', '\n', '\r\n']) {
      const records = await read(`a,b,c${end || '\n'}1,2,3${end || '\n'}4,5,"6${end}`);
      expect(outcome(records, 'c')).toEqual([
        [2, '3'],
        [
          3,
          'line 3: column 3 (c) opens a quote that is never closed before the end of the file (most likely a stray quote); this line was not read; reading went on with the next line',
        ],
      ]);
    }
  });

  it('stray quotes on lines that follow one another: each is its own rejected row, the rows between are read', async () => {
    const text = ['a,b,c', '1,"2,3', '4,5,6', '7,"8,9', '10,"11,12', '13,14,15'].join('\n');
    const records = await read(text);
    expect(records.map((r) => [r.line, 'record' in r ? r.record.a : 'rejected'])).toEqual([
      [2, 'rejected'],
      [3, '4'],
      [4, 'rejected'],
      [5, 'rejected'],
      [6, '13'],
    ]);
  });

  it("a quote inside an unquoted field, and junk after a closing quote, on one line: kept as written (csv-parse's relax_quotes)", async () => {
    const records = await read('a,b,c\n1,ab"c,3\n2,"ab"c,3\n3,"a,b"x,3\n4,5,6\n');
    expect(records.map((r) => [r.line, 'record' in r ? r.record.b : 'problem' in r ? r.problem.en : ''])).toEqual([
      [2, 'ab"c'],
      [3, '"ab"c'],
      [4, '"a,b"x'],
      [5, '5'],
    ]);
  });
});

describe('legit quoting still works', () => {
  it('fields over several lines (LF and CRLF) and "" keep their values; a record is numbered by its first line, the rows after it by theirs', async () => {
    for (const nl of ['\n', '\r\n']) {
      const text = ['id,content,n', `1,"第一行${nl}第二行${nl}${nl}第四行",a`, '2,"他说：""好的""",b', `3,"""${nl}""",c`, '4,"",d', '5,plain,e'].join(nl);
      const records = await read(`${text}${nl}`);
      expect(records.map((r) => [r.line, 'record' in r ? [r.record.id, r.record.content, r.record.n] : 'problem'])).toEqual([
        [2, ['1', `第一行${nl}第二行${nl}${nl}第四行`, 'a']],
        [6, ['2', '他说："好的"', 'b']],
        [7, ['3', `"${nl}"`, 'c']],
        [9, ['4', '', 'd']],
        [10, ['5', 'plain', 'e']],
      ]);
    }
  });

  it('a quoted field over lines that does not fit the columns is one rejected row, its lines named; empty lines are no rows', async () => {
    const records = await read('a,b,c\n\n1,"x\ny",3,4\n\n5,6,7\n');
    expect(outcome(records, 'a')).toEqual([
      [3, 'malformed CSV row: 4 columns, the header has 3 (the record spans lines 3–4)'],
      [6, '5'],
    ]);
  });

  it('a quote in the header that is never closed stops the read, naming the line (no row would have the right names)', async () => {
    await expect(read('a,"b,c\n1,2,3\n')).rejects.toThrow('line 1 (the header) has a quote that is never properly closed');
  });

  it("the header on a later row (bundle.yaml headerRow): the lines before it are not read, numbers stay the file's", async () => {
    const path = join(dir, 'header-row.csv');
    writeFileSync(path, '本表由人力资源部导出 "说明\n\na,b\n1,"2\n3,4\n');
    const out: RawRecord[] = [];
    for await (const record of readRecords(path, { format: 'csv', headerRow: 3 })) out.push(record);
    expect(outcome(out, 'a')).toEqual([
      [
        4,
        'line 4: column 2 (b) opens a quote that is never closed before the end of the file (most likely a stray quote); this line was not read; reading went on with the next line',
      ],
      [5, '3'],
    ]);
  });
});

describe('records over 4 MB', () => {
  it('a quoted field still open after 4 MB: its first line is rejected, each line after it read on its own, the rest of the file too', async () => {
    const body = Array.from({ length: 5000 }, () => 'y'.repeat(1000));
    const text = ['a,b,c', '1,2,3', `4,"${body[0]}`, ...body.slice(1), 'z",5', '6,7,8'].join('\n');
    const records = await read(text);
    expect(records[0]).toEqual({ line: 2, record: { a: '1', b: '2', c: '3' } });
    expect(records[1]).toEqual({
      line: 3,
      problem: expect.objectContaining({
        en: 'line 3: column 2 (b) opens a quote still not closed after 4 MB (most likely a stray quote); this line was not read; reading went on with the next line',
      }),
    });
    // The 4 999 lines of the field and its closing line, now rows of their own: rejected one by one.
    expect(records.slice(2, -2).every((r, i) => r.line === i + 4 && 'problem' in r && r.problem.en === 'malformed CSV row: 1 columns, the header has 3')).toBe(
      true,
    );
    expect(records.at(-2)).toEqual({ line: 5003, problem: expect.objectContaining({ en: 'malformed CSV row: 2 columns, the header has 3' }) });
    expect(records.at(-1)).toEqual({ line: 5004, record: { a: '6', b: '7', c: '8' } });
    expect(records).toHaveLength(5003);
  }, 30_000);

  it('a quoted field up to the cap is one record; a single line over the cap is a rejected row', async () => {
    const atCap = 'x'.repeat(MAX_LINE_BYTES - 100);
    const records = await read(`a,b,c\n1,"${atCap.slice(0, 10)}\n${atCap.slice(10)}",3\n${'4,5,'.padEnd(MAX_LINE_BYTES + 10, 'w')}\n7,8,9\n`);
    expect(records.map((r) => [r.line, 'record' in r ? String(r.record.b).length : 'problem' in r ? r.problem.en : ''])).toEqual([
      [2, atCap.length + 1],
      [4, 'line longer than 4 MB, not read (no chat record is that long)'],
      [5, 1],
    ]);
  }, 30_000);
});

describe('the grouping agrees with csv-parse', () => {
  const line = fc.array(fc.constantFrom('"', ',', 'x', '\r', '张'), { maxLength: 14 }).map((chars) => chars.join(''));

  it('a line alone: closed exactly when csv-parse reads it without an open quote at the end', () => {
    fc.assert(
      fc.property(line, (text) => {
        let open = false;
        try {
          parse(text, { relax_quotes: true, record_delimiter: '\n', relax_column_count: true });
        } catch (error) {
          expect((error as { code: string }).code).toBe('CSV_QUOTE_NOT_CLOSED');
          open = true;
        }
        expect(scanLine(text, OUTSIDE) !== OUTSIDE).toBe(open);
      }),
      { numRuns: 3000 },
    );
  });

  it('random files: every row read is what csv-parse makes of the physical lines it is numbered by', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), async (lines) => {
        const text = ['a,b,c', ...lines].join('\n');
        const records = await read(text);
        const physical = text.split('\n');
        let last = 1;
        for (const record of records) {
          expect(record.line).toBeGreaterThan(last);
          last = record.line;
          if (!('record' in record)) continue;
          // The record's text is its lines from its first, up to where csv-parse closes it.
          let found = false;
          for (let end = record.line; end <= physical.length && !found; end++) {
            const own = physical.slice(record.line - 1, end).join('\n');
            try {
              const parsed = parse(own.endsWith('\r') ? own.slice(0, -1) : own, { columns: ['a', 'b', 'c'], relax_quotes: true, record_delimiter: '\n' });
              found = parsed.length === 1 && JSON.stringify(parsed[0]) === JSON.stringify(record.record);
            } catch {
              /* not closed yet */
            }
          }
          expect(found).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('through the engine', () => {
  function exampleMonth() {
    const folder = mkdtempSync(join(tmpdir(), 'qungui-quotes-'));
    cpSync(join(repo, 'examples/data/2026-10'), join(folder, 'data'), { recursive: true });
    const path = join(folder, 'data/members.csv');
    const lines = readFileSync(path, 'utf8').split('\n');
    // Row 5 of the 52 members (line 6): a quote opening its name, never closed.
    lines[5] = lines[5]!.replace(/^([^,]*,[^,]*,)/, '$1"');
    writeFileSync(path, lines.join('\n'));
    return { folder, name: lines[5]!.split(',')[2]!.slice(1) };
  }

  async function cli(args: string[], cwd: string) {
    const out: string[] = [];
    const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => out.push(t), cwd, isTTY: false, env: {} };
    return { code: await main(args, io), stdout: out.join('') };
  }

  it('openBundle counts it: read 52 = accepted 51 + rejected 1 + skipped 0', async () => {
    const { folder } = exampleMonth();
    const bundle = await openBundle(join(folder, 'data'), { timezone: 'Asia/Shanghai' });
    expect((await bundle.load('members')).length).toBe(51);
    const counts = bundle.counts.members!;
    expect(counts).toMatchObject({ read: 52, accepted: 51, rejected: 1 });
    expect(counts.read).toBe(counts.accepted + counts.rejected + (counts.skipped ?? 0));
    expect(bundle.rejected.map((r) => [r.file, r.line])).toEqual([['members.csv', 6]]);
  });

  it('bundle check lists the table as 52 read, 51 accepted, 1 rejected, and the line with its reason', async () => {
    const { folder, name } = exampleMonth();
    const r = await cli(['bundle', 'check', 'data', '--month', '2026-10', '--locale', 'en'], folder);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^members\s+52\s+51\s+1\s+0$/m);
    expect(r.stdout).toContain('members.csv:6  members  line 6: column 3 (name) opens a quote that is never closed before the end of the file');
    expect(r.stdout).not.toContain(name);
  });

  it('evaluate: 51 members read, the count adds up in result.json, rejected.csv names line 6 without the value', async () => {
    const { folder, name } = exampleMonth();
    const r = await cli(['evaluate', '--policy', join(repo, 'examples/policies'), '--data', 'data', '--month', '2026-10', '--out', 'out'], folder);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(join(folder, 'out/result.json'), 'utf8'));
    expect(result.data.rows.members).toBe(51);
    expect(result.data.counts.members).toEqual({ read: 52, accepted: 51, rejected: 1 });
    const rejected = readFileSync(join(folder, 'out/rejected.csv'), 'utf8')
      .split('\r\n')
      .filter((l) => l.startsWith('members.csv'));
    // Columns: file, line, table, field, reason, value (none: the reason stands alone).
    expect(rejected).toEqual([
      'members.csv,6,members,,第 6 行第 3 列（name）以引号开头，但直到文件末尾都没有闭合的引号（多半是多余的引号）；此行未读取，从下一行继续读取,',
    ]);
    expect(rejected[0]).not.toContain(name);
  });
});
