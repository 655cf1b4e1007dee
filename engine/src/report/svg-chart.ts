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

export interface MonthColumn {
  month: string;
  /** Percentages (0–100) of the two series; null: nobody rated that month. */
  values: [number | null, number | null];
  /** Under the month, e.g. the average points. */
  note: string;
  /** The policy changed this month: a mark under the column (the words are beside the chart). */
  marked: boolean;
}

/** A group's months side by side: two bars each (the best and the worst rating's share, on one 0–100 %
 *  scale), the note under the month and a ★ where the policy changed. `data-month` and `data-values`
 *  let tests read it. */
export function monthChart(title: string, series: [string, string], columns: MonthColumn[], markText: string): string {
  const columnWidth = 86;
  const plotTop = 40;
  const plotHeight = 80;
  const left = 8;
  const width = left + columns.length * columnWidth + 8;
  const height = plotTop + plotHeight + 58;
  const colors = [RANK[0], RANK[3]];
  const bars = columns
    .map((c, i) => {
      const x = left + i * columnWidth;
      const rects = c.values
        .map((v, k) => {
          if (v === null) return '';
          const h = Math.round((v / 100) * plotHeight);
          const bx = x + 14 + k * 30;
          return `<rect x="${bx}" y="${plotTop + plotHeight - h}" width="26" height="${h}" fill="${colors[k]}"></rect><text x="${bx + 13}" y="${plotTop + plotHeight - h - 4}" text-anchor="middle">${v}%</text>`;
        })
        .join('');
      const base = plotTop + plotHeight;
      return (
        `<g class="month" data-month="${escapeHtml(c.month)}" data-values="${c.values.map((v) => (v === null ? '' : v)).join(',')}"${c.marked ? ' data-policy-changed="true"' : ''}>${rects}` +
        `<text x="${x + 43}" y="${base + 16}" text-anchor="middle">${escapeHtml(c.month)}</text>` +
        `<text x="${x + 43}" y="${base + 32}" text-anchor="middle" class="note">${escapeHtml(c.note)}</text>` +
        (c.marked ? `<text x="${x + 43}" y="${base + 48}" text-anchor="middle" class="mark">★ ${escapeHtml(markText)}</text>` : '') +
        '</g>'
      );
    })
    .join('');
  const legend = series
    .map(
      (name, k) =>
        `<rect x="${left + k * 120}" y="20" width="10" height="10" fill="${colors[k]}"></rect><text x="${left + k * 120 + 14}" y="29">${escapeHtml(name)}</text>`,
    )
    .join('');
  return (
    `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<text x="0" y="12" class="chart-title">${escapeHtml(title)}</text>${legend}<line x1="${left}" x2="${width - 8}" y1="${plotTop + plotHeight}" y2="${plotTop + plotHeight}" stroke="#bbb"></line>${bars}</svg>`
  );
}
