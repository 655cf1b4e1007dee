// "在样例数据上评估" as a page: per band table, the members who land in each band (names); per content
// category, the matching messages (excerpts, masked by the engine); the findings per clause and the
// first items of the work queue. The client shows it in a webview that allows no script.
import { escapeHtml, type Locale, say } from '../engine.js';
import type { SampleCounts } from '../sample/sample-job.js';

const DIMENSIONS: Record<string, [string, string]> = {
  assignments: ['作业', 'Assignments'],
  tests: ['测试', 'Tests'],
  participation: ['参与度', 'Participation'],
  overall: ['综合', 'Overall'],
};

const STYLE =
  'body{font-family:var(--vscode-font-family),sans-serif;color:var(--vscode-foreground);padding:0 1rem;line-height:1.5}h2{border-bottom:1px solid var(--vscode-panel-border);margin-top:1.5rem}li{margin:.2rem 0}.count{font-weight:bold}.none{opacity:.7}';

export function sampleResultsPage(counts: SampleCounts, month: string, locale: Locale): string {
  const t = (zh: string, en: string, params?: Record<string, string | number>) => say(locale, zh, en, params);
  const rating = (id: string) => counts.labels.ratings[id]?.[locale] ?? id;
  const parts: string[] = [`<h1>${escapeHtml(t('样例数据 {month} 上的结果', 'Results on the sample data of {month}', { month }))}</h1>`];
  for (const [dimension, bands] of Object.entries(counts.bands)) {
    const name = DIMENSIONS[dimension] ? say(locale, DIMENSIONS[dimension]![0], DIMENSIONS[dimension]![1]) : dimension;
    parts.push(`<h2>${escapeHtml(name)}</h2><ul>`);
    for (const band of bands)
      parts.push(
        `<li><span class="count">${escapeHtml(t('第 {n} 档（{rating}）：{count} 人', 'Band {n} ({rating}): {count}', { n: band.index + 1, rating: rating(band.rating), count: band.members.length }))}</span> ${escapeHtml(band.members.join(t('、', ', ')))}</li>`,
      );
    parts.push('</ul>');
  }
  parts.push(`<h2>${escapeHtml(t('内容类别命中的消息', 'Messages matched per content category'))}</h2>`);
  const categories = Object.entries(counts.matches);
  if (!categories.length) parts.push(`<p class="none">${escapeHtml(t('没有消息命中任何内容类别。', 'No message matched a content category.'))}</p>`);
  for (const [id, excerpts] of categories)
    parts.push(
      `<h3>${escapeHtml(counts.labels.categories[id]?.[locale] ?? id)}（${counts.categories[id] ?? excerpts.length}）</h3><ul>${excerpts.map((e) => `<li>“${escapeHtml(e)}”</li>`).join('')}</ul>`,
    );
  if (counts.workQueue.length) {
    parts.push(
      `<h2>${escapeHtml(t('需要处理的前几项', 'The first items to act on'))}</h2><ul>${counts.workQueue.map((w) => `<li>${escapeHtml(w[locale])}</li>`).join('')}</ul>`,
    );
  }
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${parts.join('')}</body></html>`;
}
