// The month against the archived months before it, for the monthly reports: per member the overall
// ratings of up to six months and the change against last month; per group the best-rating rate, the
// worst-rating rate and the average points of those months; the members failing months running.
// Months are calendar months: a month the archive lacks is a gap, never the month before.
import type { EvaluationResult, MemberResult } from '../evaluate/result-types.js';
import { previousMonth } from '../evaluate/time.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import type { LabelBook } from './labels.js';
import { OTHER_POLICY_CHANGE, policyChanges } from './policy-changes.js';
import type { ArchivedMonth } from './trend.js';
import type { PolicyEffect } from '../diff/policy-effect.js';
import { localized } from '../i18n/localized-text.js';

/** How many months, the current included, the reports show. */
export const HISTORY_MONTHS = 6;

/** Against last month: better, worse, the same, new in the group, or nothing to compare. */
export type RatingChange = 'up' | 'down' | 'same' | 'new' | null;

export interface MemberHistoryRow {
  /** The overall rating per month of `months` (null: not in the group, not rated, or the month not archived). */
  overall: (string | null)[];
  change: RatingChange;
  /** The month a policy changed: the rating the member would have had under last month's policy, when it
   *  differs — their change against last month is then the policy's, not their learning's. */
  underLastPolicy?: string | null;
  /** Consecutive months ending this month with the worst overall rating (0 when this month is not). */
  failingRun: number;
}

export interface GroupMonthRates {
  month: string;
  /** False: the archive lacks the month (a gap row, no numbers). */
  held: boolean;
  rated: number;
  /** Shares of the best and the worst overall rating among the rated (0–1); null with nobody rated. */
  bestRate: number | null;
  worstRate: number | null;
  averagePoints: number | null;
  /** What changed in the group's policy since the month before it here (empty: nothing, or not known). */
  policyChanges: LocalizedText[];
  /** The month the changes are counted from, when it is not the calendar month before (a gap between). */
  comparedWith?: string;
  /** This month only: who would have been rated otherwise under the month before's policy. */
  effect?: PolicyEffect;
}

export interface MemberHistory {
  /** Calendar months, oldest first, from the earliest archived one of the window to the current; `held`
   *  says which the archive has (gaps stay in place, never closed up). */
  months: string[];
  held: boolean[];
  /** Whether last month is archived: without it there is no change to show. */
  lastMonthHeld: boolean;
  members: Map<string, MemberHistoryRow>;
  /** Per policy, the months from the first one the policy was evaluated in (gaps as rows). */
  groups: Map<string, GroupMonthRates[]>;
}

export function historyKey(m: Pick<MemberResult, 'policyId' | 'groupId' | 'memberId'>): string {
  return `${m.policyId}\u0000${m.groupId}\u0000${m.memberId}`;
}

/** The change shown when the copies of the two months' policies are not at hand (results from --history). */
const CHANGE_UNKNOWN = localized(
  '群规文件有改动（没有那个月的群规副本，列不出改了什么；用 --archive 归档的月份会列出）',
  'the policy file changed (no copy of that month’s policy to say what: months stored with --archive say it)',
);

/** Null when the archive has none of the five months before this one: the reports then stay as they were. */
export function memberHistory(
  result: EvaluationResult,
  earlier: readonly ArchivedMonth[],
  book: LabelBook,
  effects?: ReadonlyMap<string, PolicyEffect>,
): MemberHistory | null {
  const byMonth = new Map(earlier.map((a) => [a.result.month, a.result]));
  const policiesOf = new Map(earlier.map((a) => [a.result.month, a.policies]));
  const calendar: string[] = [result.month];
  while (calendar.length < HISTORY_MONTHS) calendar.unshift(previousMonth(calendar[0]!));
  const first = calendar.findIndex((m) => byMonth.has(m));
  if (first === -1 || first === calendar.length - 1) return null;
  const months = calendar.slice(first);
  const resultOf = (month: string) => (month === result.month ? result : byMonth.get(month));
  const held = months.map((m) => resultOf(m) !== undefined);
  const indexed = new Map<string, Map<string, MemberResult>>();
  for (const month of months) {
    const r = resultOf(month);
    if (r) indexed.set(month, new Map(r.members.map((m) => [historyKey(m), m])));
  }
  const order = (policyId: string) => Object.keys(book[policyId]?.ratings ?? {});
  const lastMonth = previousMonth(result.month);
  const before = indexed.get(lastMonth);

  const members = new Map<string, MemberHistoryRow>();
  for (const m of result.members) {
    const key = historyKey(m);
    const ratings = order(m.policyId);
    const worst = ratings.at(-1);
    const overall = months.map((month) => indexed.get(month)?.get(key)?.ratings.overall ?? null);
    let change: RatingChange = null;
    if (before) {
      const was = before.get(key);
      const rankWas = was?.ratings.overall ? ratings.indexOf(was.ratings.overall) : -1;
      const rankNow = m.ratings.overall ? ratings.indexOf(m.ratings.overall) : -1;
      // A rating today's policy does not know (renamed since) cannot be compared.
      if (!was) change = 'new';
      else if (rankWas >= 0 && rankNow >= 0) change = rankWas > rankNow ? 'up' : rankWas < rankNow ? 'down' : 'same';
    }
    let failingRun = 0;
    for (let month = result.month; worst !== undefined; month = previousMonth(month)) {
      if (indexed.get(month)?.get(key)?.ratings.overall !== worst) break;
      failingRun++;
    }
    const moved = effects?.get(m.policyId)?.changed.find((c) => c.groupId === m.groupId && c.memberId === m.memberId);
    members.set(key, { overall, change, failingRun, ...(moved ? { underLastPolicy: moved.before } : {}) });
  }

  const groups = new Map<string, GroupMonthRates[]>();
  for (const policy of result.policies) {
    const ratings = order(policy.id);
    const policyIn = (month: string) => (month === result.month ? book[policy.id]?.policy : policiesOf.get(month)?.get(policy.id));
    const fileIn = (month: string) => resultOf(month)?.policies.find((p) => p.id === policy.id)?.sha256;
    const start = months.findIndex((month) => fileIn(month) !== undefined);
    let previousHeld: string | undefined;
    const rows: GroupMonthRates[] = [];
    for (const month of months.slice(start)) {
      const r = resultOf(month);
      if (!r || fileIn(month) === undefined) {
        rows.push({ month, held: false, rated: 0, bestRate: null, worstRate: null, averagePoints: null, policyChanges: [] });
        continue;
      }
      let changes: LocalizedText[] = [];
      if (previousHeld && fileIn(previousHeld) !== fileIn(month)) {
        const was = policyIn(previousHeld);
        const now = policyIn(month);
        changes = was !== undefined && now !== undefined ? policyChanges(was, now) : [CHANGE_UNKNOWN];
        if (!changes.length) changes = [OTHER_POLICY_CHANGE];
      }
      const rated = r.members.filter((m) => m.policyId === policy.id && m.ratings.overall !== null);
      const share = (rating: string | undefined) => (rated.length ? rated.filter((m) => m.ratings.overall === rating).length / rated.length : null);
      const points = rated.map((m) => m.points ?? 0);
      rows.push({
        month,
        held: true,
        rated: rated.length,
        bestRate: share(ratings[0]),
        worstRate: share(ratings.at(-1)),
        averagePoints: points.length ? points.reduce((a, b) => a + b, 0) / points.length : null,
        policyChanges: changes,
        ...(changes.length && previousHeld !== previousMonth(month) ? { comparedWith: previousHeld! } : {}),
        ...(month === result.month && changes.length && effects?.has(policy.id) ? { effect: effects.get(policy.id)! } : {}),
      });
      previousHeld = month;
    }
    groups.set(policy.id, rows);
  }
  return { months, held, lastMonthHeld: before !== undefined, members, groups };
}

/** The members failing this month and the months right before it, longest run first. */
export function failingMembers(result: EvaluationResult, history: MemberHistory, policyId?: string): { member: MemberResult; run: number }[] {
  return result.members
    .filter((m) => policyId === undefined || m.policyId === policyId)
    .map((member) => ({ member, run: history.members.get(historyKey(member))?.failingRun ?? 0 }))
    .filter((x) => x.run >= 2)
    .sort((a, b) => b.run - a.run || (a.member.name ?? a.member.memberId).localeCompare(b.member.name ?? b.member.memberId, 'zh-CN'));
}
