// The period's summary as a workbook for HR: 各月 (every group's months, one row each, gaps included),
// 进步最大, 需要关注 and 群规变动 — the same rows as trend.md, in sheets Excel filters and sorts.
import type { Locale } from '../diagnostics/diagnostic.js';
import { say } from '../i18n/localized-text.js';
import { ratingLabel, type LabelBook } from './labels.js';
import type { Trend } from './trend.js';
import { trendRows } from './trend-rows.js';
import { newBook, type Cell } from './xlsx-book.js';

export async function trendXlsx(t: Trend, book: LabelBook, locale: Locale): Promise<Buffer> {
  const s = (zh: string, en: string) => say(locale, zh, en);
  const { sheet, bytes } = await newBook();
  const label = (policyId: string, rating: string) => ratingLabel(book, policyId, rating, locale);
  // One sheet for all groups: each rating label a count and a share column, in the policies' order
  // (groups share labels such as 优秀 and 不合格; a label only one group uses is empty for the others).
  const labels: string[] = [];
  for (const group of t.groups)
    for (const r of Object.keys(book[group.policyId]?.ratings ?? {})) {
      const l = label(group.policyId, r);
      if (!labels.includes(l)) labels.push(l);
    }
  const head = [
    s('群规', 'Policy'),
    s('月份', 'Month'),
    s('已评级', 'Rated'),
    ...labels.flatMap((l) => [l, say(locale, '{label}占比（%）', '{label} share (%)', { label: l })]),
    s('加分', 'Points given'),
    s('扣分', 'Points deducted'),
    s('平均绩效分', 'Average points'),
    s('后续措施', 'Follow-ups'),
    s('连续不合格', 'Repeated failures'),
    s('群规变动', 'Policy changes'),
  ];
  const rows: Cell[][] = [];
  for (const group of t.groups) {
    const ratingOf = new Map(Object.keys(book[group.policyId]?.ratings ?? {}).map((r) => [label(group.policyId, r), r]));
    for (const row of trendRows(t, group, locale)) {
      const m = row.data;
      const changes = row.changes.join(s('；', '; '));
      if (!m) {
        rows.push([
          group.name,
          row.month,
          s('（归档中没有这个月）', '(not in the archive)'),
          ...labels.flatMap(() => [null, null]),
          null,
          null,
          null,
          null,
          null,
          changes,
        ]);
        continue;
      }
      rows.push([
        group.name,
        row.month,
        m.rated,
        ...labels.flatMap((l) => {
          const r = ratingOf.get(l);
          return r === undefined ? [null, null] : [m.counts[r] ?? 0, Math.round((m.rates[r] ?? 0) * 100)];
        }),
        m.pointsGiven,
        m.pointsDeducted,
        m.averagePoints,
        m.followUps,
        m.repeatedFailures,
        changes,
      ]);
    }
  }
  sheet(s('各月', 'Months'), head, rows);
  sheet(
    s('进步最大', 'Most improved'),
    [s('姓名', 'Name'), s('群规', 'Policy'), s('起初', 'From'), s('期末', 'To')],
    t.improved.map((m) => [m.name, t.groups.find((g) => g.policyId === m.policyId)?.name ?? '', label(m.policyId, m.from), label(m.policyId, m.to)]),
  );
  sheet(
    s('需要关注', 'Needing attention'),
    [s('姓名', 'Name'), s('群规', 'Policy'), s('评级', 'Rating'), s('连续月数', 'Months running')],
    t.attention.map((m) => [m.name, t.groups.find((g) => g.policyId === m.policyId)?.name ?? '', label(m.policyId, m.rating), m.months]),
    { worst: (_, c) => c === 2 },
  );
  sheet(
    s('群规变动', 'Policy changes'),
    [s('月份', 'Month'), s('群规', 'Policy'), s('变动', 'Change')],
    t.policyChanges.flatMap((c) => c.changes.map((x) => [c.month, t.groups.find((g) => g.policyId === c.policyId)?.name ?? c.policyId, x[locale]])),
  );
  return bytes();
}
