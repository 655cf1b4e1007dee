// The numbers every report view shows: rating distributions per policy and dimension, points, findings
// by clause, by category and by severity, and the admin work queue. Computed once from the result.
import type { EvaluationResult, Finding } from '../evaluate/result-types.js';
import type { LabelBook } from './labels.js';
import { needsAction } from './work-queue.js';
import { localized } from '../i18n/localized-text.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';

export const DIMENSIONS = ['assignments', 'tests', 'participation', 'overall'] as const;

export interface Distribution {
  policyId: string;
  dimension: (typeof DIMENSIONS)[number];
  counts: { rating: string; count: number }[];
  unrated: number;
}

export interface ReportSummary {
  distributions: Distribution[];
  points: { value: number; count: number }[];
  byClause: { clause: string; count: number }[];
  byCategory: { category: string; count: number }[];
  bySeverity: Record<Finding['severity'], number>;
  workQueue: Finding[];
}

/** Everyone in the governed groups and the learners among them, as the monthly summary (A4) says it. */
export function headcount(result: EvaluationResult): LocalizedText {
  const learners = result.members.length;
  const everyone = learners + (result.staff ?? 0);
  return localized('成员 {everyone} 人（学员 {learners} 人）', '{everyone} members ({learners} learners)', { everyone, learners });
}

const sortedCounts = <K extends string | number>(map: Map<K, number>) => [...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

export function summarize(result: EvaluationResult, book: LabelBook): ReportSummary {
  const distributions: Distribution[] = [];
  for (const policy of result.policies) {
    const members = result.members.filter((m) => m.policyId === policy.id);
    const order = Object.keys(book[policy.id]?.ratings ?? {});
    for (const dimension of DIMENSIONS) {
      const counts = new Map<string, number>(order.map((r) => [r, 0]));
      let unrated = 0;
      for (const m of members) {
        const r = m.ratings[dimension];
        if (r === null) unrated++;
        else counts.set(r, (counts.get(r) ?? 0) + 1);
      }
      if (unrated === members.length) continue; // dimension not assessed in this policy
      distributions.push({ policyId: policy.id, dimension, counts: [...counts].map(([rating, count]) => ({ rating, count })), unrated });
    }
  }
  const points = new Map<number, number>();
  for (const m of result.members) if (m.points !== null) points.set(m.points, (points.get(m.points) ?? 0) + 1);
  const byClause = new Map<string, number>();
  const byCategory = new Map<string, number>();
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) {
    byClause.set(f.clause, (byClause.get(f.clause) ?? 0) + 1);
    const category = f.evidence.category;
    if (typeof category === 'string') byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
    bySeverity[f.severity]++;
  }
  const clauseOrder = 'GMACTNERS';
  return {
    distributions,
    points: sortedCounts(points).map(([value, count]) => ({ value, count })),
    byClause: [...byClause]
      .sort((a, b) => clauseOrder.indexOf(a[0][0]!) - clauseOrder.indexOf(b[0][0]!) || Number(a[0].slice(1)) - Number(b[0].slice(1)))
      .map(([clause, count]) => ({ clause, count })),
    byCategory: sortedCounts(byCategory).map(([category, count]) => ({ category, count })),
    bySeverity,
    workQueue: result.findings.filter(needsAction),
  };
}

/** Per-table row accounting, tables in name order (read = accepted + rejected). */
export function dataCounts(result: EvaluationResult): [string, EvaluationResult['data']['counts'][string]][] {
  return Object.entries(result.data.counts).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
