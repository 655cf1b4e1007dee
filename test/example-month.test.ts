// The example month (issue 4.6): the generator reproduces the committed data byte for byte, and the
// monthly job on it — what `npm start` runs — finds at least 20 different clauses, with every output
// deterministic and CSVs that open in Excel.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { qungui, repoRoot } from './helpers/cli.js';

const args = (out: string) => [
  'evaluate',
  '--policy',
  'examples/policies',
  '--data',
  'examples/data/2026-10',
  '--month',
  '2026-10',
  '--out',
  out,
  '--format',
  'xlsx',
];

// Runs the monthly job on the example month, twice.
describe('example month', { timeout: 60_000 }, () => {
  it('the generator reproduces examples/data/2026-10 exactly', () => {
    execFileSync(process.execPath, ['scripts/gen-example-data.mjs', '--check'], { cwd: repoRoot, stdio: 'pipe' });
  });

  it('the monthly job finds at least 20 clauses; outputs are byte-identical across runs', () => {
    const a = mkdtempSync(join(tmpdir(), 'qungui-month-a-'));
    const b = mkdtempSync(join(tmpdir(), 'qungui-month-b-'));
    const first = qungui(args(a));
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('已完成 2026-10 考核');
    expect(qungui(args(b)).code).toBe(0);
    const files = readdirSync(a).sort();
    expect(files).toEqual([
      '.qungui-output.json',
      'findings.csv',
      'members.csv',
      'rejected.csv',
      'report.html',
      'report.md',
      'report.xlsx',
      'result.json',
      'summary.md',
    ]);
    for (const file of files) expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file).toBe(true);

    const result = JSON.parse(readFileSync(join(a, 'result.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schemas/result.schema.json'), 'utf8')));
    expect(validate(result), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const clauses = new Set(result.findings.map((f: { clause: string }) => f.clause));
    expect(clauses.size).toBeGreaterThanOrEqual(20);
    expect(result.members.length).toBeGreaterThanOrEqual(45);
    // The headline counts everyone and the learners, as each group's monthly summary (A4) does.
    const summaries = result.findings.filter((f: { code: string }) => f.code === 'monthly-summary') as { evidence: { members: number; learners: number } }[];
    const everyone = summaries.reduce((sum, f) => sum + f.evidence.members, 0);
    expect(summaries.reduce((sum, f) => sum + f.evidence.learners, 0)).toBe(result.members.length);
    expect(everyone).toBeGreaterThan(result.members.length);
    expect(first.stdout).toContain(`成员 ${everyone} 人（学员 ${result.members.length} 人）`);
    expect(result.data.rejected).toBe(0);
    // People-facing CSVs carry a BOM for Excel; no message is copied whole into an output.
    for (const csv of ['members.csv', 'findings.csv', 'rejected.csv']) expect(readFileSync(join(a, csv)).subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(readFileSync(join(a, 'findings.csv'), 'utf8')).not.toContain('13812345678');
    expect(readFileSync(join(a, 'report.md'), 'utf8')).toMatch(/^# 培训群月度考核报告（2026-10）\n/);

    // The cases the example exists to show, each where the generator put it.
    const has = (code: string, member: string | null) =>
      result.findings.some((f: { code: string; memberId: string | null }) => f.code === code && f.memberId === member);
    const cases: [string, string, string | null][] = [
      ['M1', 'no-approved-application', 'n05'],
      ['M1', 'application-missing-field', 'n06'],
      ['M2', 'ineligible-member', 'n07'],
      ['M4', 'exit-without-approval', 'n18'],
      ['S5', 'leaver-in-group', 'n12'],
      ['S4', 'outsider-in-confidential-group', 'wmGuestSpeaker01'],
      ['S4', 'confidential-forwarded', 'n10'],
      ['S1', 'confidential-content', 'n02'],
      ['N1', 'insulting-language', 's13'],
      ['M5', 'removal-violations', 's13'],
      ['N4', 'banned-content', 's04'],
      ['C1', 'unauthorized-material', 's07'],
    ];
    for (const [clause, code, member] of cases) expect(has(code, member), `${clause} ${code} ${member}`).toBe(true);
    // n19 left with an approved exit; s06's advertisement is covered by its 報備 exemption.
    expect(has('exit-without-approval', 'n19')).toBe(false);
    expect(has('banned-content', 's06')).toBe(false);
  });

  it('every answer in the example chat comes after its question', () => {
    const messages = readFileSync(join(repoRoot, 'examples/data/2026-10/messages.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { message_id: string; sent_at: string; reply_to?: string });
    const sentAt = new Map(messages.map((m) => [m.message_id, m.sent_at]));
    const replies = messages.filter((m) => m.reply_to);
    expect(replies.length).toBeGreaterThan(200);
    expect(replies.filter((m) => m.sent_at <= sentAt.get(m.reply_to!)!)).toEqual([]);
  });
});
