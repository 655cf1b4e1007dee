// Inline SVG bar charts for report.html: no script, no network, readable when printed.
import { escapeHtml } from '../util/escape-html.js';

const BAR = '#2f6fb0';
/** Best → worst: ratings are listed in the policy's order, best first, so the worst is always red. */
const RANK = ['#2f6fb0', '#4f9a5b', '#d9a028', '#c0504d'];

/** Horizontal bars, one per item; `data-label`/`data-count` attributes let tests read the chart. */
export function barChart(title: string, items: { label: string; count: number }[], options: { colorByRank?: boolean } = {}): string {
  const rowHeight = 24;
  const labelWidth = 140;
  const barWidth = 320;
  const height = items.length * rowHeight + 30;
  const max = Math.max(1, ...items.map((i) => i.count));
  const bars = items
    .map((item, i) => {
      const y = 24 + i * rowHeight;
      const w = Math.round((item.count / max) * barWidth);
      const color = options.colorByRank && items.length > 1 ? RANK[Math.round((i * (RANK.length - 1)) / (items.length - 1))] : BAR;
      return (
        `<g class="bar" data-label="${escapeHtml(item.label)}" data-count="${item.count}">` +
        `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(item.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" fill="${color}"></rect>` +
        `<text x="${labelWidth + w + 6}" y="${y + 15}">${item.count}</text></g>`
      );
    })
    .join('');
  return (
    `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}">` +
    `<text x="0" y="14" class="chart-title">${escapeHtml(title)}</text>${bars}</svg>`
  );
}
