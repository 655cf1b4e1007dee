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

/** How many months, the current included, the reports show. */
export const HISTORY_MONTHS = 6;

/** Against last month: better, worse, the same, new in the group, or nothing to compare. */
export type RatingChange = 'up' | 'down' | 'same' | 'new' | null;

export interface MemberHistoryRow {
  /** The overall rating per month of `months` (null: not in the group, not rated, or the month not archived). */
  overall: (string | null)[];
  change: RatingChange;
  /** Consecutive months ending this month with the worst overall rating (0 when this month is not). */
  failingRun: number;
}

export interface GroupMonthRates {
  month: string;
  rated: number;
  /** Shares of the best and the worst overall rating among the rated (0–1); null with nobody rated. */
  bestRate: number | null;
  worstRate: number | null;
  averagePoints: number | null;
  /** What changed in the group's policy since the month before it here (empty: nothing, or not known). */
  policyChanges: LocalizedText[];
  /** This month only: who would have been rated otherwise under the month before's policy. */
  effect?: PolicyEffect;
}

export interface MemberHistory {
  /** Oldest first, ending with the current month; only months the archive holds (and the current). A
   *  group's rates list only the months its policy was evaluated in. */
  months: string[];
  members: Map<string, MemberHistoryRow>;
  groups: Map<string, GroupMonthRates[]>;
}

export function historyKey(m: Pick<MemberResult, 'policyId' | 'groupId' | 'memberId'>): string {
  return `${m.policyId}\u0000${m.groupId}\u0000${m.memberId}`;
}

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
  const archived = calendar.slice(0, -1).filter((m) => byMonth.has(m));
  if (!archived.length) return null;
  const months = [...archived, result.month];
  const resultOf = (month: string) => (month === result.month ? result : byMonth.get(month));
  const indexed = new Map<string, Map<string, MemberResult>>();
  for (const month of months) indexed.set(month, new Map(resultOf(month)!.members.map((m) => [historyKey(m), m])));
  const order = (policyId: string) => Object.keys(book[policyId]?.ratings ?? {});

  const members = new Map<string, MemberHistoryRow>();
  const lastMonth = previousMonth(result.month);
  for (const m of result.members) {
    const key = historyKey(m);
    const ratings = order(m.policyId);
    const worst = ratings.at(-1);
    const overall = months.map((month) => indexed.get(month)!.get(key)?.ratings.overall ?? null);
    let change: RatingChange = null;
    const before = indexed.get(lastMonth);
    if (before) {
      const was = before.get(key);
      if (!was) change = 'new';
      else if (was.ratings.overall !== null && m.ratings.overall !== null) {
        const delta = ratings.indexOf(was.ratings.overall) - ratings.indexOf(m.ratings.overall);
        change = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
      }
    }
    let failingRun = 0;
    for (let month = result.month; worst !== undefined; month = previousMonth(month)) {
      if (indexed.get(month)?.get(key)?.ratings.overall !== worst) break;
      failingRun++;
    }
    members.set(key, { overall, change, failingRun });
  }

  const groups = new Map<string, GroupMonthRates[]>();
  for (const policy of result.policies) {
    const ratings = order(policy.id);
    const policyIn = (month: string) => (month === result.month ? book[policy.id]?.policy : policiesOf.get(month)?.get(policy.id));
    const fileIn = (month: string) => resultOf(month)!.policies.find((p) => p.id === policy.id)?.sha256;
    groups.set(
      policy.id,
      months
        .filter((month) => resultOf(month)!.policies.some((p) => p.id === policy.id))
        .map((month, i, held) => {
          const before = held[i - 1];
          let changes: LocalizedText[] = [];
          if (before && fileIn(before) && fileIn(month) && fileIn(before) !== fileIn(month)) {
            const was = policyIn(before);
            const now = policyIn(month);
            changes = was !== undefined && now !== undefined ? policyChanges(was, now) : [];
            if (!changes.length) changes = [OTHER_POLICY_CHANGE];
          }
          const rated = resultOf(month)!.members.filter((m) => m.policyId === policy.id && m.ratings.overall !== null);
          const share = (rating: string | undefined) => (rated.length ? rated.filter((m) => m.ratings.overall === rating).length / rated.length : null);
          const points = rated.map((m) => m.points ?? 0);
          return {
            month,
            rated: rated.length,
            bestRate: share(ratings[0]),
            worstRate: share(ratings.at(-1)),
            averagePoints: points.length ? points.reduce((a, b) => a + b, 0) / points.length : null,
            policyChanges: changes,
            ...(month === result.month && changes.length && effects?.has(policy.id) ? { effect: effects.get(policy.id)! } : {}),
          };
        }),
    );
  }
  return { months, members, groups };
}

/** The members failing this month and the months right before it, longest run first. */
export function failingMembers(result: EvaluationResult, history: MemberHistory, policyId?: string): { member: MemberResult; run: number }[] {
  return result.members
    .filter((m) => policyId === undefined || m.policyId === policyId)
    .map((member) => ({ member, run: history.members.get(historyKey(member))?.failingRun ?? 0 }))
    .filter((x) => x.run >= 2)
    .sort((a, b) => b.run - a.run || (a.member.name ?? a.member.memberId).localeCompare(b.member.name ?? b.member.memberId, 'zh-CN'));
}
