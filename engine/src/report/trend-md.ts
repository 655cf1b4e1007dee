// The period's summary as Markdown for the training department: per group a table of months with the
// rated learners, each rating's count and rate, points, follow-ups and repeated failures; the policy
// changes beside the months they happened in; the members who improved most and who need attention.
import type { Locale } from '../diagnostics/diagnostic.js';
import { say } from '../i18n/localized-text.js';
import { ratingLabel, type LabelBook } from './labels.js';
import { markdownText as md } from './markdown-text.js';
import type { Trend } from './trend.js';
import { groupName, policyChangeHint, trendCells, trendHead, trendRows } from './trend-rows.js';

/** Numbers as they are (Markdown escaping would show 0\\.2); text escaped. */
const cellText = (c: string) => (/^-?\d+(\.\d+)?$/.test(c) ? c : md(c));

export function trendMarkdown(t: Trend, book: LabelBook, locale: Locale): string {
  const label = (policyId: string, rating: string) => md(ratingLabel(book, policyId, rating, locale));
  const out: string[] = [say(locale, '# 培训群考核趋势（{from} 至 {to}）', '# Training groups: trend ({from} to {to})', { from: t.from, to: t.to }), ''];
  if (t.gaps.length)
    out.push(say(locale, '> 归档中缺少这些月份：{gaps}', '> The archive lacks these months: {gaps}', { gaps: t.gaps.join(say(locale, '、', ', ')) }), '');
  for (const group of t.groups) {
    const head = trendHead(group, book, locale).map(md);
    out.push(`## ${md(group.name)}`, '', `| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    const rows = trendRows(t, group, locale);
    for (const row of rows) out.push(`| ${trendCells(row, group, book, locale).map(cellText).join(' | ')} |`);
    out.push('');
    if (rows.some((r) => r.changes.length)) out.push(`> ${md(policyChangeHint(locale))}`, '');
  }
  out.push(say(locale, '## 进步最大的成员', '## Most improved'), '');
  if (!t.improved.length) out.push(say(locale, '本期没有评级上升的成员。', 'No member rose in rating in the period.'));
  for (const m of t.improved)
    out.push(
      say(locale, '- {name}：{from} → {to}', '- {name}: {from} → {to}', { name: md(m.name), from: label(m.policyId, m.from), to: label(m.policyId, m.to) }),
    );
  out.push('', say(locale, '## 需要关注的成员（连续不合格）', '## Needing attention (failing months running)'), '');
  if (!t.attention.length) out.push(say(locale, '本期末没有连续不合格的成员。', 'No member failed two months running at the end of the period.'));
  for (const m of t.attention)
    out.push(
      say(locale, '- {name}（{group}）：连续 {months} 个月{rating}', '- {name} ({group}): {rating} {months} months running', {
        name: md(m.name),
        group: md(groupName(t, m.policyId)),
        months: m.months,
        rating: label(m.policyId, m.rating),
      }),
    );
  return `${out.join('\n')}\n`;
}
