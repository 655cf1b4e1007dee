// The runtime step budget: a condition that passes the static estimate (cel-cost) but meets data far
// larger than assumed — a long department name split into characters and compared pairwise — stops
// with CelBudgetError within the budget, is never taken as "false", and `qungui evaluate` says which
// policy line did it (exit 2, the user's language, no stack trace, nothing written).
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { CelBudgetError, compileBounded, lastCelSteps } from '../../src/evaluate/cel-budget.js';
import { CEL_COST_LIMIT, CEL_RUNTIME_BUDGET, estimateCelCost } from '../../src/policy/cel-cost.js';
import { bandEnvironment, eligibilityEnvironment } from '../../src/policy/cel-environments.js';
import { BASE, member, msg, policy, run } from './helpers.js';

const TEN = '[0,1,2,3,4,5,6,7,8,9]';
function nested(depth: number): string {
  let source = 'false';
  for (let i = depth; i > 0; i--) source = `${TEN}.exists(v${i}, ${source})`;
  return source;
}

/** "No character twice": passes the static check (100 characters assumed: ~51,000 steps); a
 * department of 2,000 different characters makes it 4,000,000. */
const PAIRWISE = "member.department.split('').all(a, member.department.split('').exists_one(b, b == a))";
const LONG_DEPARTMENT = Array.from({ length: 2_000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
const facts = (department: string) => ({ member: { joinedDays: 40n, role: 'member', department, position: '', employmentStatus: '正式' } });

/** Runs `fn`, returning what it threw and how long it took. */
function timed(fn: () => unknown): { error: unknown; ms: number } {
  const start = performance.now();
  try {
    fn();
    return { error: undefined, ms: performance.now() - start };
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
}

describe('compileBounded', () => {
  test('gives what cel-js gives for ordinary conditions, errors included', () => {
    const env = bandEnvironment('participation');
    expect(compileBounded(env, 'activeDays >= 10.0')({ activeDays: 12 })).toBe(true);
    expect(compileBounded(env, "member.department in ['销售部']")(facts('市场部'))).toBe(false);
    expect(compileBounded(env, "member.department.split('/').exists(d, d == '销售部')")(facts('总部/销售部'))).toBe(true);
    expect(compileBounded(env, "['a', 'b'].map(x, x + '!').filter(x, x != 'a!') == ['b!']")({})).toBe(true);
    expect(compileBounded(env, 'cel.bind(x, [1, 2, 3], x.all(y, y > 0))')({})).toBe(true);
    expect(() => compileBounded(env, 'activeDays >= 10.0')({})).toThrow(/activeDays/);
    expect(() => compileBounded(env, 'activeDays >= 10.0')({})).not.toThrow(CelBudgetError);
  });

  test('the seven-nested attack, run without validation, stops at the budget within a second', () => {
    const condition = compileBounded(bandEnvironment('tests'), nested(7));
    const { error, ms } = timed(() => condition({}));
    expect(error).toBeInstanceOf(CelBudgetError);
    expect((error as CelBudgetError).budget).toBe(CEL_RUNTIME_BUDGET);
    // Past the budget every node throws at once; the loops still open unwind in a few dozen steps.
    expect(lastCelSteps()).toBeGreaterThan(CEL_RUNTIME_BUDGET);
    expect(lastCelSteps()).toBeLessThan(CEL_RUNTIME_BUDGET + 100);
    expect(ms).toBeLessThan(1_000);
  });

  test("CEL's own error absorption (exists, all, ||, &&) does not turn the budget into an answer", () => {
    const env = bandEnvironment('tests');
    for (const source of [
      `${nested(7)} || true`,
      `true || ${nested(7)}` /* short-circuits: fine */,
      `!(${nested(7)}) && false`,
      `[1, 2].exists(x, x == 2 || ${nested(6)})`,
      `[1, 2].all(x, ${nested(6)} || x > 0)`,
    ]) {
      const { error } = timed(() => compileBounded(env, source)({}));
      if (source.startsWith('true ||')) expect(error).toBeUndefined();
      else expect(error, source).toBeInstanceOf(CelBudgetError);
    }
  });

  test('lists a condition builds count their length: no gigabyte lists from a cheap-looking tree', () => {
    const env = bandEnvironment('tests');
    const long = { member: { ...facts('x').member, department: 'ab'.repeat(CEL_RUNTIME_BUDGET) } };
    expect(timed(() => compileBounded(env, "member.department.split('').size() > 0")(long)).error).toBeInstanceOf(CelBudgetError);
    expect(compileBounded(env, "member.department.split('').size() > 0")(facts('ab'))).toBe(true);
  });

  test("matches runs on RE2: linear in the text, where JavaScript's RegExp backtracks for minutes", () => {
    const env = bandEnvironment('tests');
    const condition = compileBounded(env, "member.department.matches('^(a+)+$')");
    const { error, ms } = timed(() => expect(condition(facts(`${'a'.repeat(10_000)}!`))).toBe(false));
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(1_000);
    expect(condition(facts('aaa'))).toBe(true);
    expect(compileBounded(env, "member.department.matches('销售')")(facts('华东销售部'))).toBe(true);
    expect(compileBounded(env, "member.department.matches('^销售')")(facts('华东销售部'))).toBe(false);
    // A backreference needs backtracking: an evaluation error (so the band does not apply), not a hang.
    expect(() => compileBounded(env, "member.department.matches('(a)\\\\1')")(facts('aa'))).toThrow(/RE2/);
  });

  test('a condition under the static limit can still meet data past the runtime budget', () => {
    expect(estimateCelCost(bandEnvironment('participation'), PAIRWISE)).toBeLessThan(CEL_COST_LIMIT);
    const condition = compileBounded(bandEnvironment('participation'), PAIRWISE);
    expect(condition(facts('销售部'))).toBe(true);
    expect(condition(facts('销售销'))).toBe(false);
    const { error, ms } = timed(() => condition(facts(LONG_DEPARTMENT)));
    expect(error).toBeInstanceOf(CelBudgetError);
    expect(ms).toBeLessThan(2_000);
  });
});

const participation = (when: string) => `assessment:
  participation:
    bands:
      - { rating: excellent, min: 1, when: "${when}" }
      - { rating: fail }
`;

describe('evaluate', () => {
  const rows = (department: string) => ({
    members: [member('a')],
    employees: [{ employee_id: 'a', name: 'a', employment_status: '正式', department }],
    messages: [msg('a', '2026-11-02 09:00', '今天学习第一章')],
  });

  test('a band condition over its budget stops the run, naming the policy file and the line of the `when`', async () => {
    const validated = policy(participation(PAIRWISE));
    expect(validated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Short data: rated as usual.
    const fine = await run(validated, rows('销售部'));
    expect(fine.members[0]!.ratings.participation).toBe('excellent');
    const start = performance.now();
    const error = await run(validated, rows(LONG_DEPARTMENT)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(CelBudgetError);
    const budget = error as CelBudgetError;
    const line = (BASE + participation(PAIRWISE)).split('\n').findIndex((l) => l.includes('when:')) + 1;
    expect({ file: budget.file, line: budget.line, path: budget.path }).toEqual({
      file: 'test.qungui.yaml',
      line,
      path: ['assessment', 'participation', 'bands', 0, 'when'],
    });
    expect(budget.describe()['zh-CN']).toMatch(new RegExp(`^test\\.qungui\\.yaml:${line}:\\d+：条件表达式在本月数据上的计算超过了 1,000,000 步的上限`));
  });

  test('the eligibility expression over its budget is not "ineligible": it stops the run too', async () => {
    const source = PAIRWISE.replaceAll('member.', 'employee.');
    expect(estimateCelCost(eligibilityEnvironment(), source)).toBeLessThan(CEL_COST_LIMIT);
    const validated = policy(`membership:\n  eligibility: { expression: "${source}" }\n`);
    const error = await run(validated, rows(LONG_DEPARTMENT)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CelBudgetError);
    expect((error as CelBudgetError).path).toEqual(['membership', 'eligibility', 'expression']);
    expect((error as CelBudgetError).line).toBe(BASE.split('\n').length + 1);
  });
});

describe('qungui evaluate', () => {
  function setup(when: string) {
    const dir = mkdtempSync(join(tmpdir(), 'qungui-cel-budget-'));
    writeFileSync(join(dir, 'policy.qungui.yaml'), BASE + participation(when));
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'members.csv'), 'group_id,member_id,joined_at\ng1,a,2026-09-01 09:00:00\n');
    writeFileSync(join(data, 'employees.csv'), `employee_id,name,employment_status,department\na,甲,正式,${LONG_DEPARTMENT}\n`);
    writeFileSync(
      join(data, 'messages.jsonl'),
      `${JSON.stringify({ message_id: 'm1', group_id: 'g1', sender_id: 'a', sent_at: '2026-11-02 09:00:00', type: 'text', content: '大家好' })}\n`,
    );
    return dir;
  }

  async function evaluateIn(dir: string, ...extra: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir, isTTY: false, env: {} };
    const code = await main(['evaluate', '--policy', 'policy.qungui.yaml', '--data', 'data', '--out', 'out', '--month', '2026-11', ...extra], io);
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  const line = (BASE + participation(PAIRWISE)).split('\n').findIndex((l) => l.includes('when:')) + 1;

  test('exit 2 with the zh-CN message naming policy.qungui.yaml:line, no stack trace, nothing written', async () => {
    const dir = setup(PAIRWISE);
    const { code, stdout, stderr } = await evaluateIn(dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      new RegExp(
        `^qungui evaluate: policy\\.qungui\\.yaml:${line}:\\d+：条件表达式在本月数据上的计算超过了 1,000,000 步的上限，考核已停止，未写入结果。请简化这个条件`,
      ),
    );
    expect(stderr).not.toMatch(/\n\s+at |Error:|CelBudgetError/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test('--locale en says it in English', async () => {
    const { code, stderr } = await evaluateIn(setup(PAIRWISE), '--locale', 'en');
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(
        `^qungui evaluate: policy\\.qungui\\.yaml:${line}:\\d+: the condition took more than its limit of 1,000,000 steps on this month's data; evaluation stopped and nothing was written\\. Simplify the condition`,
      ),
    );
  });

  test('qungui diff, which evaluates too, exits 2 with the same message (QUNGUI_LOCALE decides the language)', async () => {
    const dir = setup(PAIRWISE);
    writeFileSync(join(dir, 'other.qungui.yaml'), BASE + participation(PAIRWISE).replace('min: 1', 'min: 2'));
    const err: string[] = [];
    const io: CliIo = { stdout: () => {}, stderr: (t) => err.push(t), cwd: dir, isTTY: false, env: { QUNGUI_LOCALE: 'en' } };
    expect(await main(['diff', '--policy', 'policy.qungui.yaml', '--policy', 'other.qungui.yaml', '--data', 'data', '--month', '2026-11'], io)).toBe(2);
    expect(err.join('')).toMatch(new RegExp(`^qungui diff: policy\\.qungui\\.yaml:${line}:\\d+: the condition took more than its limit of 1,000,000 steps`));
  });

  test('the seven-nested attack never gets that far: validation refuses it (exit 2, cel-cost)', async () => {
    const { code, stderr } = await evaluateIn(setup(nested(7)));
    expect(code).toBe(2);
    expect(stderr).toContain('cel-cost');
    expect(stderr).toContain('34,444,442');
  });
});
