// No output carries a personal number or e-mail unmasked, whatever its shape and wherever it came in:
// a chat message, a line that is not JSON, a cell of the wrong type, a member's name, an assignment's
// title. Every file `evaluate` writes (xlsx included) and `bundle check`'s output are searched after
// folding widths and dropping separators, so "１３８ 0013－8000" is found as 13800138000.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

const repo = join(import.meta.dirname, '../../..');

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => out.push(t), cwd, isTTY: false, env: {} };
  const code = await main(args, io);
  return { code, output: out.join('') };
}

// Secrets: numbers the detectors verify, and e-mails.
const digit = fc.integer({ min: 0, max: 9 });
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const phone = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([b, rest]) => `1${b}${rest}`);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const residentId = fc
  .tuple(
    fc.integer({ min: 110000, max: 659999 }),
    fc.integer({ min: 1950, max: 2005 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    digits(3),
  )
  .map(([region, y, m, d, seq]) => {
    const body = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
    const sum = [...body].reduce((s, c, i) => s + Number(c) * ID_WEIGHTS[i]!, 0);
    return body + '10X98765432'[sum % 11]!;
  });
const bankCard = digits(13).map((body) => {
  const partial = `622${body}`;
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let v = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return partial + String((10 - (sum % 10)) % 10);
});
const word = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), { minLength: 3, maxLength: 8 }).map((c) => c.join(''));
const email = fc.tuple(word, word).map(([local, domain]) => `${local}@${domain}.com`);

// Shapes people write them in.
const separator = fc.constantFrom('', ' ', '-', '.', '\u3000', '  ', ' - ', '－', '\u00a0');
const fullWidth = (text: string) => text.replace(/[0-9A-Za-z@.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const grouped = (number: string, sizes: number[], sep: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(number.slice(at, at + size));
    at += size;
  }
  if (at < number.length) parts.push(number.slice(at));
  return parts.filter(Boolean).join(sep);
};
type Secret = { kind: 'number' | 'email'; plain: string; written: string };
const secret: fc.Arbitrary<Secret> = fc.oneof(
  fc.tuple(phone, separator, fc.boolean(), fc.constantFrom('', '+86 ', '+86', '0086', '86-')).map(([p, sep, wide, prefix]) => {
    const written = prefix + grouped(p, [3, 4, 4], sep);
    return { kind: 'number' as const, plain: p, written: wide ? fullWidth(written) : written };
  }),
  fc.tuple(residentId, separator, fc.boolean()).map(([id, sep, wide]) => {
    const written = grouped(id, [6, 8, 4], sep);
    return { kind: 'number' as const, plain: id, written: wide ? fullWidth(written) : written };
  }),
  fc.tuple(bankCard, separator, fc.boolean()).map(([card, sep, wide]) => {
    const written = grouped(card, [4, 4, 4, 4], sep);
    return { kind: 'number' as const, plain: card, written: wide ? fullWidth(written) : written };
  }),
  fc.tuple(email, fc.boolean()).map(([e, wide]) => ({ kind: 'email' as const, plain: e, written: wide ? fullWidth(e) : e })),
);

/** Output text as the search sees it: widths folded, separators gone (for numbers), lower case. */
function normalised(text: string, kind: Secret['kind']): string {
  const folded = text.normalize('NFKC').toLowerCase();
  return kind === 'number' ? folded.replace(/[\s\-.\u2010-\u2015\u2212]/g, '') : folded;
}

async function outputTexts(outDir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const name of readdirSync(outDir)) {
    if (name.endsWith('.xlsx')) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(outDir, name));
      const cells: string[] = [];
      book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? '')))));
      texts.set(name, cells.join('\n'));
    } else if (!name.startsWith('.qungui-tmp')) {
      texts.set(name, readFileSync(join(outDir, name), 'utf8'));
    }
  }
  return texts;
}

/** The example month with each secret planted in one place. */
function plant(secrets: Secret[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'qungui-pii-'));
  const data = join(dir, 'data');
  cpSync(join(repo, 'examples/data/2026-10'), data, { recursive: true });
  const [inMessage, inBadLine, inBadCell, inName, inTitle] = secrets as [Secret, Secret, Secret, Secret, Secret];
  appendFileSync(
    join(data, 'messages.jsonl'),
    `${[
      JSON.stringify({
        message_id: 'msg-pii-1',
        group_id: 'wrOnboard2026',
        sender_id: 'n01',
        sent_at: '2026-10-20 10:00:00',
        type: 'text',
        content: `有事联系我 ${inMessage.written} 谢谢`,
      }),
      `${inBadLine.written} 这一行不是 JSON`,
    ].join('\n')}\n`,
  );
  appendFileSync(join(data, 'employees.csv'), `pii01,测试员,人力资源部,专员,正式,${inBadCell.written},\n`);
  const members = join(data, 'members.csv');
  writeFileSync(members, readFileSync(members, 'utf8').replace('wrOnboard2026,n01,张博,', `wrOnboard2026,n01,张博${inName.written},`));
  const assignments = join(data, 'assignments.csv');
  writeFileSync(assignments, readFileSync(assignments, 'utf8').replace('公司制度测验作业', `制度测验 ${inTitle.written}`));
  return dir;
}

const evaluateArgs = (extra: string[] = []) => [
  'evaluate',
  '--policy',
  join(repo, 'examples/policies'),
  '--data',
  'data',
  '--month',
  '2026-10',
  '--out',
  'out',
  '--format',
  'xlsx',
  '--max-rejected',
  '100',
  ...extra,
];

function leaks(texts: Map<string, string>, secrets: Secret[]): string[] {
  const found: string[] = [];
  for (const [name, text] of texts) {
    for (const s of secrets) if (normalised(text, s.kind).includes(s.plain.toLowerCase())) found.push(`${name}: ${s.written}`);
  }
  return found;
}

describe('personal data in every output', () => {
  test('random numbers and e-mails in random shapes, planted in messages, bad lines, bad cells, names and titles: none unmasked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(secret, { minLength: 5, maxLength: 5 }), async (secrets) => {
        const dir = plant(secrets);
        const evaluated = await run(evaluateArgs(), dir);
        expect(evaluated.code, evaluated.output).toBeLessThan(2);
        const texts = await outputTexts(join(dir, 'out'));
        expect([...texts.keys()]).toEqual(
          expect.arrayContaining(['result.json', 'rejected.csv', 'members.csv', 'findings.csv', 'report.md', 'report.html', 'report.xlsx']),
        );
        texts.set('(evaluate console)', evaluated.output);
        texts.set('(bundle check)', (await run(['bundle', 'check', 'data', '--month', '2026-10', '--show', '50'], dir)).output);
        expect(leaks(texts, secrets)).toEqual([]);
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  test('--no-redact shows them whole, the same way in every output (so the search above can fail)', async () => {
    const secrets: Secret[] = [
      { kind: 'number', plain: '13800138000', written: '138 0013 8000' },
      { kind: 'email', plain: 'zhang@example.com', written: 'zhang@example.com' },
      { kind: 'number', plain: '13912345678', written: '13912345678' },
      { kind: 'number', plain: '13700000001', written: '137-0000-0001' },
      { kind: 'number', plain: '13600000002', written: '13600000002' },
    ];
    const dir = plant(secrets);
    await run(evaluateArgs(['--no-redact']), dir);
    const texts = await outputTexts(join(dir, 'out'));
    texts.set('(bundle check)', (await run(['bundle', 'check', 'data', '--month', '2026-10', '--show', '50', '--no-redact'], dir)).output);
    const shown = leaks(texts, secrets);
    // The message's number is evidence (findings, reports); the bad cell is in rejected.csv and bundle
    // check; the name and the title are wherever the member and the assignment are named.
    expect(shown).toEqual(
      expect.arrayContaining([
        'findings.csv: 138 0013 8000',
        'report.html: 138 0013 8000',
        'rejected.csv: 13912345678',
        '(bundle check): 13912345678',
        'members.csv: 137-0000-0001',
        'result.json: 137-0000-0001',
      ]),
    );
    // A line that is not JSON is never echoed, even with --no-redact: its reason says where, not what.
    expect(shown.filter((s) => s.endsWith('zhang@example.com'))).toEqual([]);
  }, 60_000);
});
