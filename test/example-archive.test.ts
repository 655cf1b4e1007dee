// The three example months (examples/data/2026-08, -09, -10) evaluated into a fresh archive by
// `npm run example:archive` (scripts/example-archive.mjs), checked against what was worked out by hand from the generated
// data (examples/data/*/submissions.csv, tests.csv, messages.jsonl; the sales policy's overall method:
// weighted 0.5/0.3/0.2 over rating scores excellent 100, good 66.7, pass 33.3, fail 0; overall pass
// from 30 in August — the version the script writes for August — and from 40 since September):
//
// - 彭平 (s07): August assignments accuracy 48.5 (< 65: fail), test 46 (< 65: fail), participation good
//   → 0 + 0 + 13.3 = 13.3: fail. September accuracy 82.5 / completeness 86 (good), test 83 (good),
//   25 active days and 10 replies (excellent) → 33.3 + 20 + 20 = 73.3: good. October good again.
// - 张娜 (s12): August 69 / 73.5 (pass), test 75 (pass), 25 days and 5 replies (good) → 40: pass.
//   September accuracy 49, test 51, no message at all → 0: fail. October fail → the second month running:
//   the sales policy's escalation (afterConsecutive 2) adds 调整培训岗位 (reassign).
// - 王浩 (s05): August 74 / 72.5, test 71, 4 replies → pass, pass, pass = 33.3: pass (≥ 30). September
//   73.5 / 76.5, test 70, 2 replies → the same 33.3: fail, because the pass line rose to 40 — the
//   policy's doing, which the reports mark in September. October 82.5 / 85.5 (good), 89 (good) → 60: pass.
// - 徐静 (m09) joins the management group on 1 September and never posts or submits: fail in September
//   and October → escalated in October.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { qungui, repoRoot } from './helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'qungui-example-archive-'));
const read = (path: string) => readFileSync(join(work, path), 'utf8');

function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

beforeAll(() => {
  const run = spawnSync(process.execPath, [join(repoRoot, 'scripts/example-archive.mjs'), '--out', work, '--locale', 'zh-CN'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
}, 120_000);

describe('the example archive, August to October', () => {
  test('October escalates exactly the two members failing two months running', () => {
    const october = JSON.parse(read('archive/2026-10/result.json'));
    const escalated = october.findings
      .filter((f: { code: string }) => f.code === 'repeated-fail')
      .map((f: { groupId: string; memberId: string; action: string; evidence: { months: string[] } }) => [f.groupId, f.memberId, f.action, f.evidence.months]);
    expect(escalated).toEqual([
      ['wrMgmtLead', 'm09', 'reassign', ['2026-09', '2026-10']],
      ['wrSkillSales', 's12', 'reassign', ['2026-09', '2026-10']],
    ]);
    const zhangNa = october.members.find((m: { memberId: string }) => m.memberId === 's12');
    expect(zhangNa.actions).toEqual(['retake', 'coaching', 'reassign']);
    // September escalated nobody: s12 passed in August, m09 was not yet in the group.
    const september = JSON.parse(read('archive/2026-09/result.json'));
    expect(september.findings.filter((f: { code: string }) => f.code === 'repeated-fail')).toEqual([]);
  });

  test('members.csv: the trend columns of 彭平, 张娜 and 王浩', () => {
    const [head, ...rows] = csvRows(read('2026-10/members.csv'));
    const column = (name: string) => head!.indexOf(name);
    const of = (name: string) => {
      const row = rows.find((r) => r[0] === name)!;
      return ['综合评级', '较上月', '2026-08 综合评级', '2026-09 综合评级'].map((c) => row[column(c)]);
    };
    expect(of('彭平')).toEqual(['良好', '持平', '不合格', '良好']);
    expect(of('张娜')).toEqual(['不合格', '持平', '合格', '不合格']);
    expect(of('王浩')).toEqual(['合格', '上升', '合格', '不合格']);
    // The onboarding group started in October: its learners are new, with no earlier ratings.
    const onboardingRow = rows.find((r) => r[1] === '2026 届新员工入职培训群')!;
    expect([onboardingRow[column('较上月')], onboardingRow[column('2026-08 综合评级')], onboardingRow[column('2026-09 综合评级')]]).toEqual(['新成员', '', '']);
  });

  test('report.html and report.md: the failing first, the rates over the months, September marked', () => {
    const html = read('2026-10/report.html');
    const sales = html.slice(html.indexOf('<section class="members" data-group="sales-skill-east">'));
    const section = sales.slice(0, sales.indexOf('</section>'));
    // 张娜 leads the sales table; her line of ratings and the change against September.
    expect(section.match(/<tbody><tr><td class="name">([^<]+)</)?.[1]).toBe('张娜');
    expect(section).toContain('8月合格 → 9月不合格 → 10月不合格');
    expect(section).toContain('连续不合格：</b>张娜（连续 2 个月不合格）');
    // The chart: best and worst rates per month (16 rated in August: 2 excellent, 1 fail; 15 in September:
    // 0 and 2; 15 in October: 1 and 5), September marked as a policy change and named.
    expect([...section.matchAll(/data-month="([^"]+)" data-values="([^"]+)"( data-policy-changed="true")?/g)].map((m) => [m[1], m[2], !!m[3]])).toEqual([
      ['2026-08', '13,6', false],
      ['2026-09', '0,13', true],
      ['2026-10', '7,33', false],
    ]);
    expect(section).toContain('2026-09 起群规变动：综合评级“合格”的分数下限 30 → 40');
    const md = read('2026-10/report.md');
    expect(md).toContain('| 2026-09 | 15 | 0% | 13% | 0.9 | 综合评级“合格”的分数下限 30 → 40 |');
    expect(md).toContain('- 张娜（华东区销售技能提升培训群）：连续 2 个月不合格（8月合格 → 9月不合格 → 10月不合格）');
    expect(read('2026-10/summary.md')).toContain('连续不合格：徐静（2026 新任经理管理培训群，2 个月）、张娜（华东区销售技能提升培训群，2 个月）');
    // September, the month of the change, evaluated again under August's policy: only 王浩 (pass, pass,
    // pass = 33.3: under 40, over 30) would have been rated otherwise.
    expect(read('2026-09/report.md')).toContain(
      '| 2026-09 | 15 | 0% | 13% | 0.9 | 综合评级“合格”的分数下限 30 → 40；若仍按 2026-08 的群规：王浩会是合格（现为不合格） |',
    );
    expect(read('2026-09/report.html')).toContain('2026-09 起群规变动：综合评级“合格”的分数下限 30 → 40；若仍按 2026-08 的群规：王浩会是合格（现为不合格）');
    // …and at the member: his fall against August is the policy's, said in his row.
    const [head, ...rows] = csvRows(read('2026-09/members.csv'));
    expect(rows.find((r) => r[0] === '王浩')![head!.indexOf('较上月')]).toBe('下降（按上月群规为合格）');
    expect(read('2026-09/report.md')).toContain('较上月：4 人上升，6 人下降，5 人持平，0 名新成员；其中 1 人的变化来自群规变动。');
  });

  test('with --history instead of --archive (no policy copies) the change is flagged, not denied', () => {
    const out = join(work, 'september-history');
    const run = qungui([
      'evaluate',
      '--policy',
      'examples/policies/skill-sales.qungui.yaml',
      '--policy',
      'examples/policies/management.qungui.yaml',
      '--data',
      'examples/data/2026-09',
      '--month',
      '2026-09',
      '--out',
      out,
      '--history',
      join(work, '2026-08'),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain(
      '| 2026-09 | 15 | 0% | 13% | 0.9 | 群规文件有改动（没有那个月的群规副本，列不出改了什么；用 --archive 归档的月份会列出） |',
    );
  });

  test('trend --format json for the quarter', () => {
    const run = qungui(['trend', '--archive', join(work, 'archive'), '--from', '2026-08', '--to', '2026-10', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const t = JSON.parse(run.stdout);
    expect([t.from, t.to, t.months, t.gaps]).toEqual(['2026-08', '2026-10', ['2026-08', '2026-09', '2026-10'], []]);
    const sales = t.groups.find((g: { policyId: string }) => g.policyId === 'sales-skill-east');
    expect(
      sales.months.map((m: { month: string; rated: number; counts: Record<string, number>; repeatedFailures: number }) => [
        m.month,
        m.rated,
        m.counts,
        m.repeatedFailures,
      ]),
    ).toEqual([
      ['2026-08', 16, { excellent: 2, good: 5, pass: 8, fail: 1 }, 0],
      ['2026-09', 15, { excellent: 0, good: 7, pass: 6, fail: 2 }, 0],
      ['2026-10', 15, { excellent: 1, good: 4, pass: 5, fail: 5 }, 1],
    ]);
    // Each month's counts are the tally of that month's archived ratings.
    for (const month of sales.months) {
      const result = JSON.parse(read(`archive/${month.month}/result.json`));
      const tally: Record<string, number> = { excellent: 0, good: 0, pass: 0, fail: 0 };
      for (const m of result.members)
        if (m.policyId === 'sales-skill-east' && m.ratings.overall) tally[m.ratings.overall] = (tally[m.ratings.overall] ?? 0) + 1;
      expect(month.counts).toEqual(tally);
    }
    expect(
      t.policyChanges.map((c: { month: string; policyId: string; changes: { 'zh-CN': string }[] }) => [c.month, c.policyId, c.changes.map((x) => x['zh-CN'])]),
    ).toEqual([['2026-09', 'sales-skill-east', ['综合评级“合格”的分数下限 30 → 40']]]);
    expect(t.attention.map((a: { name: string; months: number }) => [a.name, a.months])).toEqual([
      ['徐静', 2],
      ['张娜', 2],
    ]);
    expect(t.improved[0]).toEqual({ policyId: 'sales-skill-east', name: '彭平', from: 'fail', to: 'good', steps: 2 });
  });

  test('trend as a page and a workbook', async () => {
    const html = read('trend.html');
    expect(html).toContain('<section class="trend-group" data-group="sales-skill-east">');
    expect(html).toMatch(/<tr data-policy-changed="true"><td>2026-09<\/td>/);
    const xlsx = join(work, 'trend.xlsx');
    const run = qungui(['trend', '--archive', join(work, 'archive'), '--format', 'xlsx', '--out', xlsx]);
    expect(run.code, run.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['各月', '进步最大', '需要关注', '群规变动']);
    const months = workbook.getWorksheet('各月')!;
    const head = (months.getRow(1).values as unknown[]).slice(1);
    const september = months
      .getRows(2, months.rowCount - 1)!
      .find((r) => r.getCell(1).value === '华东区销售技能提升培训群' && r.getCell(2).value === '2026-09')!;
    const cell = (name: string) => september.getCell(head.indexOf(name) + 1).value;
    // Every rating a count and a share; points by hand: 7 good × 3 = 21 given, 2 fail × 4 = 8 deducted.
    expect([
      cell('已评级'),
      cell('优秀'),
      cell('良好'),
      cell('合格'),
      cell('合格占比（%）'),
      cell('不合格'),
      cell('加分'),
      cell('扣分'),
      cell('群规变动'),
    ]).toEqual([15, 0, 7, 6, 40, 2, 21, 8, '综合评级“合格”的分数下限 30 → 40']);
    // Without --force an existing file stays as it was.
    const again = qungui(['trend', '--archive', join(work, 'archive'), '--format', 'xlsx', '--out', xlsx]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });
});
