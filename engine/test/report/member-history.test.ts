// A month beside the archived months before it: calendar months across a year's end, a gap kept in place,
// the change against last month, the failing run, a rating the policy no longer knows.
import { describe, expect, test } from 'vitest';
import type { EvaluationResult, MemberResult } from '../../src/evaluate/result-types.js';
import { asWritten } from '../../src/i18n/localized-text.js';
import type { LabelBook } from '../../src/report/labels.js';
import { failingMembers, historyKey, memberHistory } from '../../src/report/member-history.js';

const book: LabelBook = {
  p: {
    ratings: { good: asWritten('良好', 'Good'), pass: asWritten('合格', 'Pass'), fail: asWritten('不合格', 'Fail') },
    actions: {},
    categories: {},
  },
};

function month(name: string, ratings: Record<string, string | null>): EvaluationResult {
  const members: MemberResult[] = Object.entries(ratings).map(([memberId, overall]) => ({
    groupId: 'g',
    memberId,
    name: memberId.toUpperCase(),
    policyId: 'p',
    ratings: { assignments: null, tests: null, participation: null, overall },
    metrics: {},
    points: overall === 'good' ? 3 : overall === 'fail' ? -4 : 0,
    actions: [],
  }));
  return {
    version: 1,
    month: name,
    policies: [{ id: 'p', name: '群规', file: 'p.qungui.yaml', sha256: 'same' } as EvaluationResult['policies'][number]],
    members,
    findings: [],
    notEvaluated: [],
    ungovernedGroups: [],
    data: { rows: {}, rejected: 0, counts: {} },
  };
}
const archived = (r: EvaluationResult) => ({ result: r, policies: new Map<string, unknown>() });
const row = (h: ReturnType<typeof memberHistory>, id: string) => h!.members.get(historyKey({ policyId: 'p', groupId: 'g', memberId: id }))!;

describe('memberHistory', () => {
  test('November, December, January: one run across the year; the change against December', () => {
    const h = memberHistory(
      month('2027-01', { a: 'fail', b: 'good', c: 'pass', d: 'pass' }),
      [archived(month('2026-11', { a: 'fail', b: 'pass' })), archived(month('2026-12', { a: 'fail', b: 'pass', c: 'gold' }))],
      book,
    );
    expect(h!.months).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(h!.held).toEqual([true, true, true]);
    expect([row(h, 'a').failingRun, row(h, 'a').change, row(h, 'a').overall]).toEqual([3, 'same', ['fail', 'fail', 'fail']]);
    expect(row(h, 'b').change).toBe('up');
    // c's December rating is one the policy does not declare (renamed since): no arrow rather than a wrong one.
    expect(row(h, 'c').change).toBeNull();
    expect(row(h, 'd').change).toBe('new');
    expect(failingMembers(month('2027-01', { a: 'fail' }), h!).map((f) => [f.member.memberId, f.run])).toEqual([['a', 3]]);
    const sales = h!.groups.get('p')!;
    expect(sales.map((m) => [m.month, m.rated, m.worstRate])).toEqual([
      ['2026-11', 2, 0.5],
      ['2026-12', 3, 1 / 3],
      ['2027-01', 4, 0.25],
    ]);
  });

  test('a month missing from the archive stays a gap: no change against it, a run ends there', () => {
    const h = memberHistory(month('2026-10', { a: 'fail' }), [archived(month('2026-08', { a: 'fail' }))], book);
    expect(h!.months).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(h!.held).toEqual([true, false, true]);
    expect(h!.lastMonthHeld).toBe(false);
    expect([row(h, 'a').change, row(h, 'a').failingRun]).toEqual([null, 1]);
    expect(h!.groups.get('p')!.map((m) => [m.month, m.held])).toEqual([
      ['2026-08', true],
      ['2026-09', false],
      ['2026-10', true],
    ]);
  });

  test('nothing archived in the five months before: no history at all', () => {
    expect(memberHistory(month('2026-10', { a: 'fail' }), [archived(month('2026-04', { a: 'fail' }))], book)).toBeNull();
  });
});
