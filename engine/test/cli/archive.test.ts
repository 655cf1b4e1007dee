// evaluate --archive: the month stored whole (result, exact policy copies with their hashes, the
// version), earlier months read back for R2, a month replaced only with --replace, no other month
// touched, and an archive qungui cannot read refused by name.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const root = new URL('../../../', import.meta.url).pathname;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: root, isTTY: false, env: {} };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const evaluate = (archive: string, extra: string[] = []) => [
  'evaluate',
  '--policy',
  'examples/policies',
  '--data',
  'examples/data/2026-10',
  '--month',
  '2026-10',
  '--out',
  mkdtempSync(join(tmpdir(), 'qungui-archive-out-')),
  '--archive',
  archive,
  ...extra,
];

const tree = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const path = join(e.parentPath, e.name);
        return [path.slice(dir.length + 1), readFileSync(path, 'utf8')];
      }),
  );

/** An archived September made from October's result (same people), as an earlier run would leave it. */
function withSeptember(archive: string): void {
  cpSync(join(archive, '2026-10'), join(archive, '2026-09'), { recursive: true });
  const result = JSON.parse(readFileSync(join(archive, '2026-09/result.json'), 'utf8'));
  writeFileSync(join(archive, '2026-09/result.json'), JSON.stringify({ ...result, month: '2026-09' }));
  const manifest = JSON.parse(readFileSync(join(archive, '2026-09/archive.json'), 'utf8'));
  writeFileSync(join(archive, '2026-09/archive.json'), JSON.stringify({ ...manifest, month: '2026-09' }));
}

describe('evaluate --archive', { timeout: 60_000 }, () => {
  test('stores the month: its result, exact copies of the policies with their sha256, the version', async () => {
    const archive = join(mkdtempSync(join(tmpdir(), 'qungui-archive-')), 'archive');
    const run = capture();
    expect(await main(evaluate(archive), run.io), run.stderr()).toBe(0);
    expect(readdirSync(archive)).toEqual(['2026-10']);
    expect(readdirSync(join(archive, '2026-10')).sort()).toEqual(['archive.json', 'policies', 'result.json']);
    const manifest = JSON.parse(readFileSync(join(archive, '2026-10/archive.json'), 'utf8'));
    const result = JSON.parse(readFileSync(join(archive, '2026-10/result.json'), 'utf8'));
    expect(manifest).toMatchObject({ tool: 'qungui', format: 1, version: '0.1.0', month: '2026-10' });
    for (const p of manifest.policies) {
      expect(readFileSync(join(archive, '2026-10', p.file), 'utf8')).toBe(readFileSync(join(root, p.source), 'utf8'));
      expect(result.policies.find((r: { id: string }) => r.id === p.id).sha256).toBe(p.sha256);
    }
  });

  test('R2 from the archive: a member failing in September and October is escalated, no --history needed', async () => {
    const archive = join(mkdtempSync(join(tmpdir(), 'qungui-archive-')), 'archive');
    expect(await main(evaluate(archive), capture().io)).toBe(0);
    const without = JSON.parse(readFileSync(join(archive, '2026-10/result.json'), 'utf8'));
    expect(without.findings.filter((f: { code: string }) => f.code === 'repeated-fail')).toEqual([]);
    withSeptember(archive);
    expect(await main(evaluate(archive, ['--replace']), capture().io)).toBe(0);
    const escalated = JSON.parse(readFileSync(join(archive, '2026-10/result.json'), 'utf8'));
    // Every example policy escalates after 2 failing months: everyone failing overall in both gets its action.
    const expected = without.members
      .filter((m: { ratings: { overall: string } }) => m.ratings.overall === 'fail')
      .map((m: { memberId: string }) => m.memberId)
      .sort();
    const repeated = escalated.findings.filter((f: { code: string }) => f.code === 'repeated-fail').map((f: { memberId: string }) => f.memberId);
    expect(repeated.sort()).toEqual(expected);
    expect(escalated.members.find((m: { memberId: string }) => m.memberId === expected[0]).actions).toContain('reassign');
  });

  test('an archived month is replaced only with --replace; other months stay byte for byte', async () => {
    const archive = join(mkdtempSync(join(tmpdir(), 'qungui-archive-')), 'archive');
    expect(await main(evaluate(archive), capture().io)).toBe(0);
    withSeptember(archive);
    const before = tree(archive);
    const again = capture();
    expect(await main(evaluate(archive), again.io)).toBe(2);
    expect(again.stderr()).toContain('已有 2026-10；要重新考核并替换这个月，请加 --replace');
    expect(tree(archive)).toEqual(before);
    expect(await main(evaluate(archive, ['--replace']), capture().io)).toBe(0);
    const after = tree(archive);
    for (const [file, text] of Object.entries(before)) if (file.startsWith('2026-09')) expect(after[file], file).toBe(text);
    expect(readdirSync(archive).sort()).toEqual(['2026-09', '2026-10']); // no staging folder left
  });

  test('a damaged result.json, or a month a newer qungui archived, is refused by name before any work', async () => {
    const archive = join(mkdtempSync(join(tmpdir(), 'qungui-archive-')), 'archive');
    expect(await main(evaluate(archive), capture().io)).toBe(0);
    withSeptember(archive);
    writeFileSync(join(archive, '2026-09/result.json'), '{"version": 1, "month": "2026-09", "members": [');
    const damaged = capture();
    expect(await main(evaluate(archive, ['--replace']), damaged.io)).toBe(2);
    expect(damaged.stderr()).toContain(`${join(archive, '2026-09/result.json')} 已损坏（不是有效的 JSON），这个归档月份无法使用`);
    withSeptember(archive);
    const manifest = JSON.parse(readFileSync(join(archive, '2026-09/archive.json'), 'utf8'));
    writeFileSync(join(archive, '2026-09/archive.json'), JSON.stringify({ ...manifest, format: 2, version: '9.0.0' }));
    const newer = capture();
    expect(await main(evaluate(archive, ['--replace']), newer.io)).toBe(2);
    expect(newer.stderr()).toContain('是较新版本的 qungui（9.0.0）写的归档，请升级 qungui 后再读取');
    expect(existsSync(join(archive, '2026-10/result.json'))).toBe(true);
  });

  test('--replace never removes a month folder qungui did not write, nor files someone added to one', async () => {
    const archive = join(mkdtempSync(join(tmpdir(), 'qungui-archive-')), 'archive');
    mkdirSync(join(archive, '2026-10'), { recursive: true });
    writeFileSync(join(archive, '2026-10', 'precious.jpg'), 'photo');
    const foreign = capture();
    expect(await main(evaluate(archive, ['--replace']), foreign.io)).toBe(2);
    expect(foreign.stderr()).toContain(`${join(archive, '2026-10')} 不是 qungui 写的归档月份（或其中有别人放入的文件：precious.jpg），--replace 不会删除它`);
    expect(readFileSync(join(archive, '2026-10', 'precious.jpg'), 'utf8')).toBe('photo');
    // An archived month with a note someone put in it.
    const real = join(mkdtempSync(join(tmpdir(), 'qungui-archive-')), 'archive');
    expect(await main(evaluate(real), capture().io)).toBe(0);
    writeFileSync(join(real, '2026-10', '说明.txt'), '10 月的补充说明');
    const added = capture();
    expect(await main(evaluate(real, ['--replace']), added.io)).toBe(2);
    expect(added.stderr()).toContain('说明.txt');
    expect(existsSync(join(real, '2026-10', '说明.txt'))).toBe(true);
  });

  test('an archived policy copy edited by hand is refused by name, never used', async () => {
    const archive = join(mkdtempSync(join(tmpdir(), 'qungui-archive-')), 'archive');
    expect(await main(evaluate(archive), capture().io)).toBe(0);
    withSeptember(archive);
    const copy = join(archive, '2026-09/policies/onboarding.qungui.yaml');
    writeFileSync(copy, readFileSync(copy, 'utf8').replace('rating: pass, min: 60', 'rating: pass, min: 50'));
    const run = capture();
    expect(await main(['trend', '--archive', archive], run.io)).toBe(2);
    expect(run.stderr()).toContain(`${copy} 与归档时的群规不一致（sha256 不同，文件被改过或来自另一个归档）`);
  });

  test('a month that cannot be trusted is not archived, and evaluate says so', async () => {
    const archive = join(mkdtempSync(join(tmpdir(), 'qungui-archive-')), 'archive');
    const run = capture();
    // October's exports evaluated as November: no message falls in the month.
    const args = evaluate(archive).map((a) => (a === '2026-10' ? '2026-11' : a));
    expect(await main(args, run.io)).toBe(1);
    expect(run.stderr()).toContain(`本月没有存入归档 ${archive}：处理上述问题后重新考核`);
    expect(existsSync(archive)).toBe(false);
  });

  test('the archive is never the data folder, inside it, or overlapping --out; nothing is written', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'qungui-archive-data-')), 'month');
    cpSync(join(root, 'examples/data/2026-10'), data, { recursive: true });
    const before = tree(data);
    const args = (archive: string, out: string) => [
      'evaluate',
      '--policy',
      'examples/policies',
      '--data',
      data,
      '--month',
      '2026-10',
      '--out',
      out,
      '--archive',
      archive,
    ];
    const outside = mkdtempSync(join(tmpdir(), 'qungui-archive-out-'));
    const inData = capture();
    expect(await main(args(join(data, 'archive'), join(outside, 'a')), inData.io)).toBe(2);
    expect(inData.stderr()).toContain(
      `--archive ${join(data, 'archive')} 在数据文件夹 ${data} 之内，写入会改动导出的数据；请把它放在数据文件夹之外（例如 --archive archive）`,
    );
    const policies = capture();
    expect(await main(args('examples', join(outside, 'b')), policies.io)).toBe(2);
    expect(policies.stderr()).toContain('--archive examples 包含群规 examples/policies，写入会改动群规');
    const overlap = capture();
    expect(await main(args(join(outside, 'c', 'archive'), join(outside, 'c')), overlap.io)).toBe(2);
    expect(overlap.stderr()).toContain(`--archive ${join(outside, 'c', 'archive')} 与 --out ${join(outside, 'c')} 重叠`);
    expect(tree(data)).toEqual(before);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('qungui trend', { timeout: 60_000 }, () => {
  /** September from October, with the onboarding tests' pass threshold at 55 then (raised to 60 in October). */
  async function archiveWithChange(): Promise<string> {
    const archive = join(mkdtempSync(join(tmpdir(), 'qungui-trend-')), 'archive');
    expect(await main(evaluate(archive), capture().io)).toBe(0);
    withSeptember(archive);
    const copy = join(archive, '2026-09/policies/onboarding.qungui.yaml');
    const stricter = readFileSync(copy, 'utf8').replace(
      /( {2}tests:\n {4}bands:\n(?:.*\n)*?) {6}- \{ rating: pass, min: 60 \}/,
      '$1      - { rating: pass, min: 55 }',
    );
    expect(stricter).toContain('- { rating: pass, min: 55 }');
    writeFileSync(copy, stricter);
    // As an earlier run with that policy would have left it: the result and the manifest name its hash.
    const sha256 = createHash('sha256').update(stricter, 'utf8').digest('hex');
    const result = JSON.parse(readFileSync(join(archive, '2026-09/result.json'), 'utf8'));
    result.policies = result.policies.map((p: { id: string; sha256: string }) => (p.id === 'onboarding-2026' ? { ...p, sha256 } : p));
    writeFileSync(join(archive, '2026-09/result.json'), JSON.stringify(result));
    const manifest = JSON.parse(readFileSync(join(archive, '2026-09/archive.json'), 'utf8'));
    manifest.policies = manifest.policies.map((p: { id: string; sha256: string }) => (p.id === 'onboarding-2026' ? { ...p, sha256 } : p));
    writeFileSync(join(archive, '2026-09/archive.json'), JSON.stringify(manifest));
    return archive;
  }

  test('the quarter as JSON: months, rates per group, the policy change named in the month it took effect, who needs attention', async () => {
    const archive = await archiveWithChange();
    const run = capture();
    expect(await main(['trend', '--archive', archive, '--format', 'json'], run.io), run.stderr()).toBe(0);
    const t = JSON.parse(run.stdout());
    expect(t.months).toEqual(['2026-09', '2026-10']);
    expect(t.gaps).toEqual([]);
    const onboarding = t.groups.find((g: { policyId: string }) => g.policyId === 'onboarding-2026');
    const october = JSON.parse(readFileSync(join(archive, '2026-10/result.json'), 'utf8'));
    const rated = october.members.filter(
      (m: { policyId: string; ratings: { overall: string | null } }) => m.policyId === 'onboarding-2026' && m.ratings.overall !== null,
    );
    const fails = rated.filter((m: { ratings: { overall: string } }) => m.ratings.overall === 'fail').length;
    expect(
      onboarding.months.map((m: { month: string; rated: number; counts: { fail: number }; rates: { fail: number } }) => [
        m.month,
        m.rated,
        m.counts.fail,
        m.rates.fail,
      ]),
    ).toEqual([
      ['2026-09', rated.length, fails, Math.round((fails / rated.length) * 1000) / 1000],
      ['2026-10', rated.length, fails, Math.round((fails / rated.length) * 1000) / 1000],
    ]);
    expect(t.policyChanges).toEqual([
      { month: '2026-10', policyId: 'onboarding-2026', changes: [expect.objectContaining({ 'zh-CN': '测试考核“合格”的分数下限 55 → 60' })] },
    ]);
    // Failing in both months: needing attention, two months running.
    expect(t.attention.length).toBe(october.members.filter((m: { ratings: { overall: string } }) => m.ratings.overall === 'fail').length);
    expect(t.attention.every((a: { months: number }) => a.months === 2)).toBe(true);
    const md = capture();
    expect(await main(['trend', '--archive', archive, '--group', 'onboarding-2026', '--locale', 'zh-CN'], md.io)).toBe(0);
    expect(md.stdout()).toContain('# 培训群考核趋势（2026-09 至 2026-10）');
    expect(md.stdout()).toContain('测试考核“合格”的分数下限 55 → 60');
    expect(md.stdout()).not.toContain('华东区销售技能提升培训群');
  });

  test('a month missing in the middle is shown as a gap', async () => {
    const archive = await archiveWithChange();
    cpSync(join(archive, '2026-09'), join(archive, '2026-08'), { recursive: true });
    const result = JSON.parse(readFileSync(join(archive, '2026-08/result.json'), 'utf8'));
    writeFileSync(join(archive, '2026-08/result.json'), JSON.stringify({ ...result, month: '2026-08' }));
    const manifest = JSON.parse(readFileSync(join(archive, '2026-08/archive.json'), 'utf8'));
    writeFileSync(join(archive, '2026-08/archive.json'), JSON.stringify({ ...manifest, month: '2026-08' }));
    const { rmSync } = await import('node:fs');
    rmSync(join(archive, '2026-09'), { recursive: true });
    const run = capture();
    expect(await main(['trend', '--archive', archive, '--format', 'json'], run.io), run.stderr()).toBe(0);
    const t = JSON.parse(run.stdout());
    expect([t.months, t.gaps]).toEqual([['2026-08', '2026-10'], ['2026-09']]);
    // The page and the Markdown show the gap as a row of its own.
    const md = capture();
    expect(await main(['trend', '--archive', archive], md.io)).toBe(0);
    expect(md.stdout()).toMatch(/\| 2026-09 \| （归档中没有这个月） \|/);
    // October's monthly report says last month is missing rather than counting no changes.
    const out = mkdtempSync(join(tmpdir(), 'qungui-archive-out-'));
    const october = capture();
    expect(
      await main(
        evaluate(archive, ['--replace']).map((a, i, all) => (all[i - 1] === '--out' ? out : a)),
        october.io,
      ),
      october.stderr(),
    ).toBe(0);
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain('上月（2026-09）不在归档中，无法与上月比较。');
    expect(report).toMatch(/\| 2026-09 \| （归档中没有这个月） \|/);
    expect(readFileSync(join(out, 'members.csv'), 'utf8').split('\n')[0]).toContain('2026-08 综合评级,2026-09 综合评级（未归档）');
  });

  test('trend: a period starting at a policy change still names it; bad periods, groups and --out refused', async () => {
    const archive = await archiveWithChange();
    const from = capture();
    expect(await main(['trend', '--archive', archive, '--from', '2026-10', '--format', 'json'], from.io), from.stderr()).toBe(0);
    expect(JSON.parse(from.stdout()).policyChanges.map((c: { month: string }) => c.month)).toEqual(['2026-10']);
    const refusals: [string[], string][] = [
      [['--from', '2026-10', '--to', '2026-09'], '--from 2026-10 晚于 --to 2026-09'],
      [['--group', 'nope'], '归档中没有群规 nope 的月份；归档中的群规：'],
      [['--format', 'json', '--out', join(archive, '2026-10', 'result.json'), '--force'], '在归档'],
    ];
    for (const [args, text] of [...refusals, [['--archive', join(archive, 'nope')], `找不到归档文件夹 ${join(archive, 'nope')}`] as [string[], string]]) {
      const run = capture();
      expect(await main(['trend', '--archive', archive, ...args], run.io)).toBe(2);
      expect(run.stderr()).toContain(text);
    }
    expect(JSON.parse(readFileSync(join(archive, '2026-10', 'result.json'), 'utf8')).month).toBe('2026-10');
  });

  test('explain --archive: an archived month explained against the policy in force then', async () => {
    const archive = await archiveWithChange();
    const then = capture();
    expect(await main(['explain', '--archive', archive, '--month', '2026-09', '--member', '胡芳', '--locale', 'zh-CN'], then.io), then.stderr()).toBe(0);
    // September's copy has the tests' pass band at 55; October's at 60.
    expect(then.stdout()).toContain('✗ 合格：分数 46 < 55 ✗');
    const now = capture();
    expect(await main(['explain', '--archive', archive, '--month', '2026-10', '--member', '胡芳', '--locale', 'zh-CN'], now.io)).toBe(0);
    expect(now.stdout()).toContain('✗ 合格：分数 46 < 60 ✗');
    const missing = capture();
    expect(await main(['explain', '--archive', archive, '--month', '2026-07', '--member', '胡芳', '--locale', 'zh-CN'], missing.io)).toBe(2);
    expect(missing.stderr()).toBe('qungui explain：归档中没有 2026-07\n');
  });

  test("two archives merged by hand (one run's result beside another's policies) are refused, naming the month", async () => {
    const archive = await archiveWithChange();
    const other = join(mkdtempSync(join(tmpdir(), 'qungui-trend-')), 'archive');
    expect(await main(evaluate(other), capture().io)).toBe(0);
    withSeptember(other);
    // The other archive's September result copied over this one's: its onboarding hash is October's policy.
    cpSync(join(other, '2026-09/result.json'), join(archive, '2026-09/result.json'));
    const run = capture();
    expect(await main(['trend', '--archive', archive, '--format', 'json'], run.io)).toBe(2);
    expect(run.stderr()).toContain(`${join(archive, '2026-09')} 的 result.json 与 archive.json 不是同一次考核写的`);
  });
});
