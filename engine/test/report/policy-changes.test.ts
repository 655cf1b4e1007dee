// The words for what changed in a policy between two months: every kind of change a training manager
// must not mistake for a change in learning.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { OTHER_POLICY_CHANGE, policyChanges } from '../../src/report/policy-changes.js';

const sales = parse(readFileSync(new URL('../../../examples/policies/skill-sales.qungui.yaml', import.meta.url), 'utf8'));
const copy = () => structuredClone(sales);
const zh = (before: unknown, after: unknown) => policyChanges(before, after).map((c) => c['zh-CN']);

describe('policyChanges', () => {
  test('the same policy: nothing', () => {
    expect(zh(sales, copy())).toEqual([]);
    expect(OTHER_POLICY_CHANGE['zh-CN']).toContain('都未变');
  });

  test('a threshold, by the rating it belongs to, in both directions of the table', () => {
    const after = copy();
    after.assessment.overall.bands[2].min = 40 + 5;
    expect(zh(sales, after)).toEqual(['综合评级“合格”的分数下限 40 → 45']);
    expect(policyChanges(sales, after)[0]!.en).toBe('overall “Pass”: score threshold 40 → 45');
  });

  test('a band added or removed, a metric added to a band, a band condition, a table added or removed', () => {
    const noGood = copy();
    noGood.assessment.tests.bands.splice(1, 1);
    expect(zh(sales, noGood)).toEqual(['测试考核取消了“良好”档']);
    expect(zh(noGood, sales)).toEqual(['测试考核新增“良好”档（分数下限 82）']);
    const stricter = copy();
    stricter.assessment.assignments.bands[2].min.originality = 60;
    expect(zh(sales, stricter)).toEqual(['作业考核“合格”新增原创性下限 60']);
    expect(zh(stricter, sales)).toEqual(['作业考核“合格”取消了原创性下限 60']);
    const condition = copy();
    condition.assessment.participation.bands[0].when = 'attendanceRate >= 90.0';
    expect(zh(sales, condition)).toEqual(['参与度考核“优秀”的附加条件有改动']);
    const noTests = copy();
    delete noTests.assessment.tests;
    expect(zh(sales, noTests)).toContain('不再评测试考核（档位表已删除）');
    expect(zh(noTests, sales)).toContain('新增测试考核评级');
  });

  test('weights, the escalation run and points', () => {
    const after = copy();
    after.assessment.overall.weights.tests = 0.4;
    after.outcomes.escalation.afterConsecutive = 3;
    after.outcomes.points.fail = -5;
    expect(zh(sales, after)).toEqual(['综合评级中测试考核的权重 0.3 → 0.4', '连续不合格升级的月数 2 → 3', '“不合格”的绩效分 -4 → -5']);
  });
});
