// The period's summary as Markdown for the training department: per group a table of months with the
// rated learners, each rating's count and rate, points, follow-ups and repeated failures; the policy
// changes beside the months they happened in; the members who improved most and who need attention.
import type { Locale } from '../diagnostics/diagnostic.js';
import { say } from '../i18n/localized-text.js';
import { markdownText as md } from './markdown-text.js';
import type { Trend } from './trend.js';

export function trendMarkdown(
  t: Trend,
  labels: (policyId: string, rating: string) => string,
  ratingsOf: (policyId: string) => string[],
  locale: Locale,
): string {
  const out: string[] = [say(locale, '# 培训群考核趋势（{from} 至 {to}）', '# Training groups: trend ({from} to {to})', { from: t.from, to: t.to }), ''];
  if (t.gaps.length)
    out.push(say(locale, '> 归档中缺少这些月份：{gaps}', '> The archive lacks these months: {gaps}', { gaps: t.gaps.join(say(locale, '、', ', ')) }), '');
  for (const group of t.groups) {
    const ratings = ratingsOf(group.policyId);
    out.push(`## ${md(group.name)}`, '');
    const head = [
      say(locale, '月份', 'Month'),
      say(locale, '已评级', 'Rated'),
      ...ratings.map((r) => md(labels(group.policyId, r))),
      say(locale, '加分', 'Points given'),
      say(locale, '扣分', 'Points deducted'),
      say(locale, '后续措施', 'Follow-ups'),
      say(locale, '连续不合格', 'Repeated failures'),
      say(locale, '群规变动', 'Policy changes'),
    ];
    out.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    for (const m of group.months) {
      const changes = t.policyChanges.filter((c) => c.month === m.month && c.policyId === group.policyId).flatMap((c) => c.changes.map((x) => md(x[locale])));
      const cells = [
        m.month,
        String(m.rated),
        ...ratings.map((r) => say(locale, '{count}（{rate}%）', '{count} ({rate}%)', { count: m.counts[r] ?? 0, rate: Math.round((m.rates[r] ?? 0) * 100) })),
        String(m.pointsGiven),
        String(m.pointsDeducted),
        String(m.followUps),
        String(m.repeatedFailures),
        changes.join(say(locale, '；', '; ')),
      ];
      out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  out.push(say(locale, '## 进步最大的成员', '## Most improved'), '');
  if (!t.improved.length) out.push(say(locale, '本期没有评级上升的成员。', 'No member rose in rating in the period.'));
  for (const m of t.improved)
    out.push(
      say(locale, '- {name}：{from} → {to}', '- {name}: {from} → {to}', {
        name: md(m.name),
        from: md(labels(m.policyId, m.from)),
        to: md(labels(m.policyId, m.to)),
      }),
    );
  out.push('', say(locale, '## 需要关注的成员（连续不合格）', '## Needing attention (failing months running)'), '');
  if (!t.attention.length) out.push(say(locale, '本期末没有连续不合格的成员。', 'No member failed two months running at the end of the period.'));
  for (const m of t.attention)
    out.push(
      say(locale, '- {name}：连续 {months} 个月{rating}', '- {name}: {rating} {months} months running', {
        name: md(m.name),
        months: m.months,
        rating: md(labels(m.policyId, m.rating)),
      }),
    );
  return `${out.join('\n')}\n`;
}
