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
  /** The archived copies as written (file inside the month folder, text), by policy id; absent for
   *  results given with --history. */
  texts?: Map<string, { file: string; text: string }>;
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

export interface TrendOptions {
  from?: string;
  to?: string;
  group?: string;
}

type MemberRatings = { policyId: string; name: string; ratings: { month: string; rating: string; rank: number; worst: boolean }[] };

/** The period's summary built a month at a time, oldest first: a month's result can be dropped once
 *  added (what is kept is per member a rating per month, and the last month's policies). */
export class TrendBuilder {
  private readonly groups = new Map<string, TrendGroup>();
  private readonly members = new Map<string, MemberRatings>();
  private readonly changes: Trend['policyChanges'] = [];
  private readonly months: string[] = [];
  private previous: { result: Pick<EvaluationResult, 'policies'>; policies: Map<string, unknown> } | undefined;

  constructor(private readonly options: TrendOptions = {}) {}

  /** The month before the period: not shown, but a policy change in the period's first month is named against it. */
  startFrom({ result, policies }: ArchivedMonth): void {
    this.previous = { result: { policies: result.policies }, policies };
  }

  add({ result, policies }: ArchivedMonth): void {
    const { from, to, group } = this.options;
    if ((from !== undefined && result.month < from) || (to !== undefined && result.month > to)) return;
    this.months.push(result.month);
    for (const policy of result.policies) {
      if (group && policy.id !== group) continue;
      const members = result.members.filter((m) => m.policyId === policy.id);
      const rated = members.filter((m) => m.ratings.overall !== null);
      // Every rating of the policy, in its order (best first), zeros included; a rating the policy no
      // longer declares comes after.
      const counts: Record<string, number> = {};
      for (const r of (at(policies.get(policy.id), 'ratings') as { id: string }[] | undefined) ?? []) counts[r.id] = 0;
      for (const m of rated) counts[m.ratings.overall!] = (counts[m.ratings.overall!] ?? 0) + 1;
      const rates = Object.fromEntries(Object.entries(counts).map(([r, n]) => [r, rated.length ? Math.round((n / rated.length) * 1000) / 1000 : 0]));
      const points = members.map((m) => m.points ?? 0);
      const entry = this.groups.get(policy.id) ?? { policyId: policy.id, name: policy.name, months: [] };
      entry.months.push({
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
      this.groups.set(policy.id, entry);
      // A policy's archived copy that differs from the month before it in the period: named.
      const was = this.previous?.result.policies.find((p) => p.id === policy.id);
      if (this.previous && was && was.sha256 !== policy.sha256) {
        const changes = policyChanges(this.previous.policies.get(policy.id), policies.get(policy.id));
        this.changes.push({ month: result.month, policyId: policy.id, changes: changes.length ? changes : [OTHER_POLICY_CHANGE] });
      }
    }
    for (const m of result.members) {
      if (m.ratings.overall === null || (group && m.policyId !== group)) continue;
      const order = ((at(policies.get(m.policyId), 'ratings') as { id: string }[] | undefined) ?? []).map((r) => r.id);
      const key = `${m.policyId}\u0000${m.groupId}\u0000${m.memberId}`;
      const entry = this.members.get(key) ?? { policyId: m.policyId, name: m.name ?? m.memberId, ratings: [] };
      const rank = order.indexOf(m.ratings.overall);
      entry.ratings.push({ month: result.month, rating: m.ratings.overall, rank, worst: rank === order.length - 1 });
      this.members.set(key, entry);
    }
    this.previous = { result: { policies: result.policies }, policies };
  }

  finish(): Trend {
    const from = this.options.from ?? this.months[0] ?? '';
    const to = this.options.to ?? this.months.at(-1) ?? '';
    const held = new Set(this.months);
    // Who climbed most from the first month they were rated to the last, and who failed the last
    // months running (calendar months: a gap ends a run).
    const improved: Trend['improved'] = [];
    const attention: Trend['attention'] = [];
    for (const entry of this.members.values()) {
      const first = entry.ratings[0]!;
      const last = entry.ratings.at(-1)!;
      if (entry.ratings.length > 1 && first.rank >= 0 && last.rank >= 0 && last.rank < first.rank)
        improved.push({ policyId: entry.policyId, name: entry.name, from: first.rating, to: last.rating, steps: first.rank - last.rank });
      let run = 0;
      for (let i = entry.ratings.length - 1; i >= 0 && entry.ratings[i]!.worst; i--) {
        if (i < entry.ratings.length - 1 && previousMonth(entry.ratings[i + 1]!.month) !== entry.ratings[i]!.month) break;
        run++;
      }
      if (run >= 2 && last.month === to) attention.push({ policyId: entry.policyId, name: entry.name, months: run, rating: last.rating });
    }
    improved.sort((a, b) => b.steps - a.steps || a.name.localeCompare(b.name, 'zh-CN'));
    attention.sort((a, b) => b.months - a.months || a.name.localeCompare(b.name, 'zh-CN'));
    return {
      from,
      to,
      months: [...this.months],
      gaps: from && to ? monthsBetween(from, to).filter((m) => !held.has(m)) : [],
      groups: [...this.groups.values()],
      improved: improved.slice(0, 10),
      attention,
      policyChanges: [...this.changes],
    };
  }
}

/** The summary of archived months held in memory (any order). */
export function trend(archived: readonly ArchivedMonth[], options: TrendOptions = {}): Trend {
  const builder = new TrendBuilder(options);
  for (const month of [...archived].sort((a, b) => (a.result.month < b.result.month ? -1 : 1))) builder.add(month);
  return builder.finish();
}
