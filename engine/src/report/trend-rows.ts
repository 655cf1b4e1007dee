// The rows of a period's trend table per group, shared by trend.md, trend.html and trend.xlsx: every
// month of the period in order, a month the archive lacks as a gap row (never skipped silently), the
// policy changes beside the month they took effect.
import type { Locale } from '../diagnostics/diagnostic.js';
import { say } from '../i18n/localized-text.js';
import { ratingLabel, type LabelBook } from './labels.js';
import type { Trend, TrendGroup, TrendGroupMonth } from './trend.js';

export interface TrendRow {
  month: string;
  /** Undefined: the archive has no result for the month (a gap), or the group was not evaluated then. */
  data?: TrendGroupMonth;
  changes: string[];
}

export function trendRows(t: Trend, group: TrendGroup, locale: Locale): TrendRow[] {
  const months = [...new Set([...t.months, ...t.gaps])].sort();
  const first = group.months[0]?.month ?? '';
  return months
    .filter((month) => month >= first)
    .map((month) => ({
      month,
      ...(group.months.find((m) => m.month === month) ? { data: group.months.find((m) => m.month === month)! } : {}),
      changes: t.policyChanges.filter((c) => c.month === month && c.policyId === group.policyId).flatMap((c) => c.changes.map((x) => x[locale])),
    }));
}

/** The columns after the month: rated, each rating with its share, points, follow-ups, repeated failures. */
export function trendHead(group: TrendGroup, book: LabelBook, locale: Locale): string[] {
  return [
    say(locale, '月份', 'Month'),
    say(locale, '已评级', 'Rated'),
    ...Object.keys(book[group.policyId]?.ratings ?? {}).map((r) => ratingLabel(book, group.policyId, r, locale)),
    say(locale, '加分', 'Points given'),
    say(locale, '扣分', 'Points deducted'),
    say(locale, '平均绩效分', 'Average points'),
    say(locale, '后续措施', 'Follow-ups'),
    say(locale, '连续不合格', 'Repeated failures'),
    say(locale, '群规变动', 'Policy changes'),
  ];
}

/** One row's cells as text; a gap row says so in the second cell. */
export function trendCells(row: TrendRow, group: TrendGroup, book: LabelBook, locale: Locale): string[] {
  const ratings = Object.keys(book[group.policyId]?.ratings ?? {});
  const m = row.data;
  if (!m)
    return [
      row.month,
      say(locale, '（归档中没有这个月）', '(not in the archive)'),
      ...ratings.map(() => ''),
      '',
      '',
      '',
      '',
      '',
      row.changes.join(say(locale, '；', '; ')),
    ];
  return [
    row.month,
    String(m.rated),
    ...ratings.map((r) => say(locale, '{count}（{rate}%）', '{count} ({rate}%)', { count: m.counts[r] ?? 0, rate: Math.round((m.rates[r] ?? 0) * 100) })),
    String(m.pointsGiven),
    String(m.pointsDeducted),
    m.averagePoints === null ? '' : String(m.averagePoints),
    String(m.followUps),
    String(m.repeatedFailures),
    row.changes.join(say(locale, '；', '; ')),
  ];
}

export function groupName(t: Trend, policyId: string): string {
  return t.groups.find((g) => g.policyId === policyId)?.name ?? policyId;
}

/** Beside a group whose policy changed in the period. */
export function policyChangeHint(locale: Locale): string {
  return say(
    locale,
    '群规变动的月份，评级的升降可能来自群规而不是学习情况。',
    'In a month the policy changed, a rise or fall in ratings may come from the policy, not from learning.',
  );
}
