// Human names for ids in reports: rating and action labels per policy (from the policy files), clause
// summaries, finding and table names. Reports show 优秀, not "excellent".
import type { Locale } from '../diagnostics/diagnostic.js';

export interface PolicyLabels {
  ratings: Record<string, { 'zh-CN': string; en: string }>;
  actions: Record<string, { 'zh-CN': string; en: string }>;
  categories: Record<string, { 'zh-CN': string; en: string }>;
}

export type LabelBook = Record<string, PolicyLabels>;

/** Labels from validated policy values (ratings[], outcomes.actions[] and content.categories[]: label/labelEn). */
export function labelsFromPolicies(policies: readonly { value: unknown }[]): LabelBook {
  const book: LabelBook = {};
  for (const { value } of policies) {
    const policy = value as { metadata?: { id?: string }; ratings?: { id: string; label: string; labelEn?: string }[]; outcomes?: { actions?: { id: string; label: string; labelEn?: string }[] }; content?: { categories?: { id: string; label: string; labelEn?: string }[] } };
    const id = policy.metadata?.id;
    if (!id) continue;
    book[id] = {
      ratings: Object.fromEntries((policy.ratings ?? []).map((r) => [r.id, { 'zh-CN': r.label, en: r.labelEn ?? r.id }])),
      actions: Object.fromEntries((policy.outcomes?.actions ?? []).map((a) => [a.id, { 'zh-CN': a.label, en: a.labelEn ?? a.id }])),
      categories: Object.fromEntries((policy.content?.categories ?? []).map((c) => [c.id, { 'zh-CN': c.label, en: c.labelEn ?? c.id }])),
    };
  }
  return book;
}

export function ratingLabel(book: LabelBook, policyId: string, rating: string | null, locale: Locale): string {
  if (rating === null) return '';
  return book[policyId]?.ratings[rating]?.[locale] ?? rating;
}

export function actionLabel(book: LabelBook, policyId: string, action: string, locale: Locale): string {
  return book[policyId]?.actions[action]?.[locale] ?? action;
}

export const DIMENSION_TEXT = {
  assignments: { 'zh-CN': '作业', en: 'Assignments' },
  tests: { 'zh-CN': '测试', en: 'Tests' },
  participation: { 'zh-CN': '参与度', en: 'Participation' },
  overall: { 'zh-CN': '综合', en: 'Overall' },
} as const;

export const SEVERITY_TEXT = {
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  info: { 'zh-CN': '提示', en: 'info' },
} as const;

/** Names of the metrics the engine reports (E3/E6 participation, assignment criteria, test score). */
export const METRIC_TEXT: Record<string, { 'zh-CN': string; en: string }> = {
  activeDays: { 'zh-CN': '活跃天数', en: 'active days' },
  contentMessages: { 'zh-CN': '有效消息数', en: 'content messages' },
  repliesGiven: { 'zh-CN': '回复数', en: 'replies given' },
  questionsAnswered: { 'zh-CN': '解答提问数', en: 'questions answered' },
  onTimeRate: { 'zh-CN': '按时提交率(%)', en: 'on-time rate (%)' },
  attendanceRate: { 'zh-CN': '出勤率(%)', en: 'attendance rate (%)' },
  accuracy: { 'zh-CN': '作业准确性', en: 'accuracy' },
  completeness: { 'zh-CN': '作业完整性', en: 'completeness' },
  originality: { 'zh-CN': '作业原创性', en: 'originality' },
  score: { 'zh-CN': '测试得分', en: 'test score' },
  overallScore: { 'zh-CN': '综合得分', en: 'overall score' },
};

/** Metric columns for the member tables: the metrics any member has, known ones first in a fixed order.
 *  Timestamps (keys ending in At, epoch milliseconds) are left out: result.json keeps them. */
export function metricColumns(members: readonly { metrics: Record<string, number | null> }[]): string[] {
  const present = new Set(members.flatMap((m) => Object.keys(m.metrics)).filter((k) => !k.endsWith('At')));
  const known = Object.keys(METRIC_TEXT).filter((k) => present.has(k));
  return [...known, ...[...present].filter((k) => !(k in METRIC_TEXT)).sort()];
}

export const metricLabel = (key: string, locale: Locale) => METRIC_TEXT[key]?.[locale] ?? key;
