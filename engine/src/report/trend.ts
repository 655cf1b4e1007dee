// A period's summary from the archive (`qungui trend`): per group and month the rated learners, the
// count and rate of each overall rating, points given and deducted, follow-ups and repeated failures;
// the members who improved most and those who need attention; the months missing from the archive; and
// the policy changes in the period, named (a drop after a stricter threshold must not read as worse
// learning).
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { at } from '../policy/model/view.js';
import { OTHER_POLICY_CHANGE, policyChanges } from './policy-changes.js';
import { previousMonth } from '../evaluate/time.js';

export interface ArchivedMonth {
  result: EvaluationResult;
  /** The policy values that governed the month, by policy id (from the archived copies). */
  policies: Map<string, unknown>;
}

export interface TrendGroupMonth {
  month: string;
  rated: number;
  counts: Record<string, number>;
  rates: Record<string, number>;
  pointsGiven: number;
  pointsDeducted: number;
  /** Mean points of the rated learners (null with nobody rated). */
  averagePoints: number | null;
  followUps: number;
  repeatedFailures: number;
}

export interface TrendGroup {
  policyId: string;
  name: string;
  months: TrendGroupMonth[];
}

export interface Trend {
  from: string;
  to: string;
  months: string[];
  /** Months between from and to the archive does not hold. */
  gaps: string[];
  groups: TrendGroup[];
  improved: { policyId: string; name: string; from: string; to: string; steps: number }[];
  attention: { policyId: string; name: string; months: number; rating: string }[];
  policyChanges: { month: string; policyId: string; changes: LocalizedText[] }[];
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = to; m >= from; m = previousMonth(m)) out.unshift(m);
  return out;
}

export function trend(archived: readonly ArchivedMonth[], options: { from?: string; to?: string; group?: string } = {}): Trend {
  const all = [...archived].sort((a, b) => (a.result.month < b.result.month ? -1 : 1));
  const from = options.from ?? all[0]?.result.month ?? '';
  const to = options.to ?? all.at(-1)?.result.month ?? '';
  const inPeriod = all.filter((m) => m.result.month >= from && m.result.month <= to);
  const held = new Set(inPeriod.map((m) => m.result.month));
  const groupsById = new Map<string, TrendGroup>();
  for (const { result } of inPeriod) {
    for (const policy of result.policies) {
      if (options.group && policy.id !== options.group) continue;
      const members = result.members.filter((m) => m.policyId === policy.id);
      const rated = members.filter((m) => m.ratings.overall !== null);
      const counts: Record<string, number> = {};
      for (const m of rated) counts[m.ratings.overall!] = (counts[m.ratings.overall!] ?? 0) + 1;
      const rates = Object.fromEntries(Object.entries(counts).map(([r, n]) => [r, Math.round((n / rated.length) * 1000) / 1000]));
      const points = members.map((m) => m.points ?? 0);
      const group = groupsById.get(policy.id) ?? { policyId: policy.id, name: policy.name, months: [] };
      group.months.push({
        month: result.month,
        rated: rated.length,
        counts,
        rates,
        pointsGiven: points.filter((p) => p > 0).reduce((a, b) => a + b, 0),
        pointsDeducted: -points.filter((p) => p < 0).reduce((a, b) => a + b, 0),
        averagePoints: rated.length ? Math.round((rated.reduce((n, m) => n + (m.points ?? 0), 0) / rated.length) * 10) / 10 : null,
        followUps: members.reduce((n, m) => n + m.actions.length, 0),
        repeatedFailures: result.findings.filter((f) => f.policyId === policy.id && f.code === 'repeated-fail').length,
      });
      groupsById.set(policy.id, group);
    }
  }
  // Members across the period: who climbed most from the first month they were rated to the last, and
  // who failed in the last months running.
  const improved: Trend['improved'] = [];
  const attention: Trend['attention'] = [];
  const byMember = new Map<string, { policyId: string; name: string; ratings: { month: string; rating: string; rank: number; worst: boolean }[] }>();
  for (const { result, policies } of inPeriod) {
    for (const m of result.members) {
      if (m.ratings.overall === null || (options.group && m.policyId !== options.group)) continue;
      const order = ((at(policies.get(m.policyId), 'ratings') as { id: string }[] | undefined) ?? []).map((r) => r.id);
      const key = `${m.policyId}\u0000${m.groupId}\u0000${m.memberId}`;
      const entry = byMember.get(key) ?? { policyId: m.policyId, name: m.name ?? m.memberId, ratings: [] };
      const rank = order.indexOf(m.ratings.overall);
      entry.ratings.push({ month: result.month, rating: m.ratings.overall, rank, worst: rank === order.length - 1 });
      byMember.set(key, entry);
    }
  }
  for (const entry of byMember.values()) {
    const first = entry.ratings[0]!;
    const last = entry.ratings.at(-1)!;
    if (entry.ratings.length > 1 && last.rank < first.rank)
      improved.push({ policyId: entry.policyId, name: entry.name, from: first.rating, to: last.rating, steps: first.rank - last.rank });
    let run = 0;
    for (let i = entry.ratings.length - 1; i >= 0 && entry.ratings[i]!.worst; i--) run++;
    if (run >= 2 && last.month === to) attention.push({ policyId: entry.policyId, name: entry.name, months: run, rating: last.rating });
  }
  improved.sort((a, b) => b.steps - a.steps || a.name.localeCompare(b.name));
  attention.sort((a, b) => b.months - a.months || a.name.localeCompare(b.name));
  // Policy changes: a policy's archived copy differs from the month before it in the period.
  const policyChangesList: Trend['policyChanges'] = [];
  for (let i = 1; i < inPeriod.length; i++) {
    const before = inPeriod[i - 1]!;
    const after = inPeriod[i]!;
    for (const policy of after.result.policies) {
      if (options.group && policy.id !== options.group) continue;
      const was = before.result.policies.find((p) => p.id === policy.id);
      if (!was || was.sha256 === policy.sha256) continue;
      const changes = policyChanges(before.policies.get(policy.id), after.policies.get(policy.id));
      policyChangesList.push({
        month: after.result.month,
        policyId: policy.id,
        changes: changes.length ? changes : [OTHER_POLICY_CHANGE],
      });
    }
  }
  return {
    from,
    to,
    months: inPeriod.map((m) => m.result.month),
    gaps: from && to ? monthsBetween(from, to).filter((m) => !held.has(m)) : [],
    groups: [...groupsById.values()],
    improved: improved.slice(0, 10),
    attention,
    policyChanges: policyChangesList,
  };
}
