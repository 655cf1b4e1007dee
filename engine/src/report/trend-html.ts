// The period's summary as one self-contained page (no network), for the training department to read
// and forward: per group a chart of the months (the best and the worst rating's share, average points,
// ★ where the policy changed) and the table of months; then who improved most and who needs attention.
import type { Locale } from '../diagnostics/diagnostic.js';
import { say, type MessageParams } from '../i18n/localized-text.js';
import { escapeHtml } from '../util/escape-html.js';
import { STYLE } from './html-page.js';
import { ratingLabel, type LabelBook } from './labels.js';
import { monthChart } from './svg-chart.js';
import type { Trend } from './trend.js';
import { groupName, policyChangeHint, trendCells, trendHead, trendRows } from './trend-rows.js';

export function trendHtml(t: Trend, book: LabelBook, locale: Locale): string {
  const s = (zh: string, en: string, params?: MessageParams) => say(locale, zh, en, params);
  const label = (policyId: string, rating: string) => ratingLabel(book, policyId, rating, locale);
  const title = s('培训群考核趋势（{from} 至 {to}）', 'Training groups: trend ({from} to {to})', { from: t.from, to: t.to });
  const parts = [`<h1>${escapeHtml(title)}</h1>`];
  if (t.gaps.length)
    parts.push(
      `<div class="problems" role="note">${escapeHtml(s('归档中缺少这些月份：{gaps}', 'The archive lacks these months: {gaps}', { gaps: t.gaps.join(s('、', ', ')) }))}</div>`,
    );
  for (const group of t.groups) {
    const ratings = Object.keys(book[group.policyId]?.ratings ?? {});
    const best = ratings[0];
    const worst = ratings.at(-1);
    const rows = trendRows(t, group, locale);
    const rateName = (rating: string | undefined) => s('{label}率', '{label} rate', { label: rating ? label(group.policyId, rating) : '' });
    const chart =
      rows.length > 1
        ? monthChart(
            s('{best}率与{worst}率', '{best} and {worst} rates', {
              best: best ? label(group.policyId, best) : '',
              worst: worst ? label(group.policyId, worst) : '',
            }),
            [rateName(best), rateName(worst)],
            rows.map((row) => ({
              month: row.month,
              values: row.data?.rated
                ? [Math.round((row.data.rates[best ?? ''] ?? 0) * 100), Math.round((row.data.rates[worst ?? ''] ?? 0) * 100)]
                : [null, null],
              note: !row.data
                ? s('未归档', 'not archived')
                : row.data.averagePoints === null
                  ? s('无人评级', 'nobody rated')
                  : s('平均 {points} 分', 'avg {points} pts', { points: row.data.averagePoints }),
              marked: row.changes.length > 0,
            })),
            s('群规变动', 'policy changed'),
          )
        : '';
    const head = trendHead(group, book, locale);
    const body = rows
      .map((row) => {
        const cells = trendCells(row, group, book, locale);
        return `<tr${row.data ? '' : ' class="gap"'}${row.changes.length ? ' data-policy-changed="true"' : ''}>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
      })
      .join('');
    parts.push(
      `<section class="trend-group" data-group="${escapeHtml(group.policyId)}"><h2>${escapeHtml(group.name)}</h2>${chart}<div class="scroll"><table><thead><tr>${head
        .map((h) => `<th>${escapeHtml(h)}</th>`)
        .join(
          '',
        )}</tr></thead><tbody>${body}</tbody></table></div>${rows.some((r) => r.changes.length) ? `<p class="hint">${escapeHtml(policyChangeHint(locale))}</p>` : ''}</section>`,
    );
  }
  parts.push(`<h2>${escapeHtml(s('进步最大的成员', 'Most improved'))}</h2>`);
  parts.push(
    t.improved.length
      ? `<ul class="improved">${t.improved.map((m) => `<li>${escapeHtml(s('{name}（{group}）：{from} → {to}', '{name} ({group}): {from} → {to}', { name: m.name, group: groupName(t, m.policyId), from: label(m.policyId, m.from), to: label(m.policyId, m.to) }))}</li>`).join('')}</ul>`
      : `<p>${escapeHtml(s('本期没有评级上升的成员。', 'No member rose in rating in the period.'))}</p>`,
  );
  parts.push(`<h2>${escapeHtml(s('需要关注的成员（连续不合格）', 'Needing attention (failing months running)'))}</h2>`);
  parts.push(
    t.attention.length
      ? `<ul class="attention">${t.attention.map((m) => `<li>${escapeHtml(s('{name}（{group}）：连续 {months} 个月{rating}', '{name} ({group}): {rating} {months} months running', { name: m.name, group: groupName(t, m.policyId), months: m.months, rating: label(m.policyId, m.rating) }))}</li>`).join('')}</ul>`
      : `<p>${escapeHtml(s('本期末没有连续不合格的成员。', 'No member failed two months running at the end of the period.'))}</p>`,
  );
  return `<!doctype html>\n<html lang="${locale}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}\ntr.gap td{color:#888;font-style:italic}.trend-group td:first-child{white-space:nowrap}</style>\n</head>\n<body>\n${parts.join('\n')}\n</body>\n</html>\n`;
}
