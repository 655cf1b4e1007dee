// cel-cost: a condition whose estimated work is past CEL_COST_LIMIT is refused at validation, on the
// expression's exact range — the attack of seven nested exists over ten-element lists among them —
// while ordinary conditions, and every policy we ship, stay far below it.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CEL_ASSUMED_SIZE, CEL_COST_LIMIT, estimateCelCost } from '../../src/policy/cel-cost.js';
import { bandEnvironment, eligibilityEnvironment } from '../../src/policy/cel-environments.js';
import { validatePolicy } from '../../src/policy/validate.js';
import { bandTables } from '../../src/policy/model/band-tables.js';
import { diagnose, minimalPolicy } from './helpers.js';

const TEN = '[0,1,2,3,4,5,6,7,8,9]';
const zeros = (n: number) => `[${Array(n).fill('0').join(',')}]`;

/** `depth` exists nested over `list`, the innermost predicate `false` (so none short-circuits). */
function nested(depth: number, list = TEN): string {
  let source = 'false';
  for (let i = depth; i > 0; i--) source = `${list}.exists(v${i}, ${source})`;
  return source;
}

/** The minimal policy with one band condition on the tests dimension. */
function withWhen(when: string): string {
  return minimalPolicy.replace('- { rating: good, min: 60 }', `- { rating: good, min: 60, when: '${when}' }`);
}

const tests = bandEnvironment('tests');
const cost = (source: string) => estimateCelCost(tests, source);

describe('the cost model', () => {
  test('a comprehension costs 1 + cost(range) + size(range) × (1 + cost(body)); nesting multiplies', () => {
    // [10 values] costs 11; exists over it with body `false` (1): 1 + 11 + 10 × 2.
    expect(cost(nested(1))).toBe(32);
    expect(cost(nested(2))).toBe(1 + 11 + 10 * (1 + 32));
    expect(cost(nested(3))).toBe(3_442);
    expect(cost(nested(7))).toBe(34_444_442);
  });

  test('sizes unknown before run time count as CEL_ASSUMED_SIZE', () => {
    // member.department.split('') : 100 characters assumed → 101 pieces.
    const over = cost("member.department.split('').exists(c, c == 'x')")!;
    expect(over).toBeGreaterThan(CEL_ASSUMED_SIZE * 3);
    expect(over).toBeLessThan(CEL_COST_LIMIT);
  });

  test('values built by doubling grow their size: cel.bind chains of `+` are caught', () => {
    const chain = (levels: number) => {
      let body = `x${levels}.size() > 0`;
      for (let i = levels; i >= 1; i--)
        body = `cel.bind(x${i}, ${
          i === 1
            ? TEN
            : Array(10)
                .fill(`x${i - 1}`)
                .join(' + ')
        }, ${body})`;
      return body;
    };
    expect(cost(chain(4))).toBeLessThan(CEL_COST_LIMIT);
    expect(cost(chain(5))).toBeGreaterThan(CEL_COST_LIMIT);
  });

  test('ordinary conditions cost next to nothing', () => {
    expect(cost('score >= 60.0 && member.joinedDays >= 30')).toBeLessThan(20);
    expect(cost("member.department in ['销售部', '市场部'] || member.role == 'admin'")).toBeLessThan(20);
    expect(estimateCelCost(eligibilityEnvironment(), 'employee.tenureDays >= 90')).toBe(4);
  });

  test('an expression that does not parse or type-check has no estimate (cel-syntax / cel-type say why)', () => {
    expect(cost('score >= 60 &&')).toBeUndefined();
    expect(cost('nope.exists(x, true)')).toBeUndefined();
  });
});

describe('cel-cost diagnostics', () => {
  test('seven nested exists over ten-element lists: cel-cost, error, on the whole expression', () => {
    const when = nested(7);
    const text = withWhen(when);
    const [diagnostic, ...rest] = validatePolicy({ file: 'test.qungui.yaml', text }).diagnostics;
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ code: 'cel-cost', severity: 'error' });
    const start = text.indexOf(when);
    expect([diagnostic!.range.startOffset, diagnostic!.range.endOffset]).toEqual([start, start + when.length]);
    expect(diagnose(text)).toEqual([`cel-cost 14:41-14:${41 + when.length}`]);
    expect(diagnostic!.message['zh-CN']).toBe(
      `条件表达式计算量过大：估计每位成员约 34,444,442 步，上限 100,000 步。请简化条件：减少嵌套的 exists/all/map/filter，或缩短它们遍历的列表`,
    );
    expect(diagnostic!.message.en).toContain('about 34,444,442 steps per member, the limit is 100,000');
  });

  test('three nested exists of ten (3,442 steps) and four (34,442) are fine; five (344,442) is not', () => {
    expect(diagnose(withWhen(nested(3)))).toEqual([]);
    expect(diagnose(withWhen(nested(4)))).toEqual([]);
    expect(diagnose(withWhen(nested(5))).map((d) => d.split(' ')[0])).toEqual(['cel-cost']);
  });

  test('exactly at the limit is allowed, one step over is refused', () => {
    // 2 + 4a + 4ab + 3abc for lists of a, b, c zeros: 39, 40, 20 → 99,998; `&& true` adds 2, `&& !false` 3.
    const base = `${zeros(39)}.exists(a, ${zeros(40)}.exists(b, ${zeros(20)}.exists(c, false)))`;
    expect(cost(base)).toBe(99_998);
    expect(cost(`${base} && true`)).toBe(CEL_COST_LIMIT);
    expect(cost(`${base} && !false`)).toBe(CEL_COST_LIMIT + 1);
    expect(diagnose(withWhen(`${base} && true`))).toEqual([]);
    expect(diagnose(withWhen(`${base} && !false`)).map((d) => d.split(' ')[0])).toEqual(['cel-cost']);
  });

  test('the eligibility expression is checked too', () => {
    const text = minimalPolicy.replace('membership:\n', `membership:\n  eligibility: { expression: '${nested(6)}' }\n`);
    expect(diagnose(text).map((d) => d.split(' ')[0])).toEqual(['cel-cost']);
  });

  test('a syntax error is cel-syntax only, never also cel-cost', () => {
    expect(diagnose(withWhen(`${nested(7)} &&`)).map((d) => d.split(' ')[0])).toEqual(['cel-syntax']);
  });
});

describe('the policies we ship stay far below the limit', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const files = [
    ...readdirSync(`${root}examples/policies`).map((f) => `examples/policies/${f}`),
    ...readdirSync(`${root}test/fixtures/diff`)
      .filter((f) => f.endsWith('.qungui.yaml'))
      .map((f) => `test/fixtures/diff/${f}`),
  ].filter((f) => f.endsWith('.qungui.yaml'));

  test.each(files)('%s: no cel-cost, every condition under 1 % of the limit', (file) => {
    const validated = validatePolicy({ file, text: readFileSync(root + file, 'utf8') });
    expect(validated.diagnostics.filter((d) => d.code === 'cel-cost')).toEqual([]);
    const policy = validated.value as { membership?: { eligibility?: { expression?: string } } };
    const conditions = bandTables(validated.value).flatMap((table) =>
      table.bands.flatMap((band) => (band.when === undefined ? [] : [estimateCelCost(bandEnvironment(table.dimension), band.when)])),
    );
    const eligibility = policy.membership?.eligibility?.expression;
    if (eligibility !== undefined) conditions.push(estimateCelCost(eligibilityEnvironment(), eligibility));
    for (const steps of conditions) expect(steps).toBeLessThan(CEL_COST_LIMIT / 100);
  });
});
