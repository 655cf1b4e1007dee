// Inline SVG bar charts for report.html: no network, readable when printed.
import { escapeHtml } from '../util/escape-html.js';

const BAR = '#2f6fb0';
const MUTED = '#9e9e9e';
/** Best → worst: ratings are listed in the policy's order, best first, so the worst is always red. */
const RANK = ['#2f6fb0', '#4f9a5b', '#d9a028', '#c0504d'];

export interface Bar {
  label: string;
  count: number;
  /** What tests and scripts read as the bar's label (`data-label`) when the shown label adds words. */
  key?: string;
  /** Shown after the count, e.g. a rate ("14%"). */
  note?: string;
  /** A bar that is not a rating (no data): grey, outside the best → worst colours. */
  muted?: boolean;
}

/** Horizontal bars, one per item; `data-label`/`data-count` attributes let tests read the chart.
 *  `max` puts charts of one kind on one scale (6 and 13 must not both fill the bar). */
export function barChart(title: string, items: Bar[], options: { colorByRank?: boolean; max?: number } = {}): string {
  const rowHeight = 24;
  const labelWidth = 170;
  const barWidth = 300;
  const height = items.length * rowHeight + 30;
  const max = Math.max(1, options.max ?? 0, ...items.map((i) => i.count));
  const ranked = items.filter((i) => !i.muted).length;
  const bars = items
    .map((item, i) => {
      const y = 24 + i * rowHeight;
      const w = Math.round((item.count / max) * barWidth);
      const color = item.muted ? MUTED : options.colorByRank && ranked > 1 ? RANK[Math.round((i * (RANK.length - 1)) / (ranked - 1))] : BAR;
      return (
        `<g class="bar" data-label="${escapeHtml(item.key ?? item.label)}" data-count="${item.count}">` +
        `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(item.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" fill="${color}"></rect>` +
        `<text x="${labelWidth + w + 6}" y="${y + 15}">${item.count}${item.note ? ` ${escapeHtml(item.note)}` : ''}</text></g>`
      );
    })
    .join('');
  return (
    `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}">` +
    `<text x="0" y="14" class="chart-title">${escapeHtml(title)}</text>${bars}</svg>`
  );
}
