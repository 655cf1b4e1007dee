// rejected.csv and the rejections `bundle check` prints: every row that broke its table's schema, for
// the person who fixes the export. A reason never carries the cell itself; the cell is shown beside it
// masked and cut to a short excerpt (the export is full of phone and ID numbers, and bundle check runs
// in CI logs), or whole with --no-redact. Reasons are masked too: a header-less file makes a row's
// values its column names, which a missing-column reason lists.
import { privacy } from '../match/mask.js';
import { excelCsv } from '../util/excel-csv.js';
import type { RejectedRow } from './bundle-types.js';
import type { Locale } from '../diagnostics/diagnostic.js';

/** Code points of a cell shown in a rejection, "…" included. */
export const SHOWN_VALUE_MAX = 20;

/** The offending cell as a rejection shows it: masked, then cut (so a cut never unmasks digits). */
export function shownValue(row: RejectedRow, redact: boolean): string {
  if (row.value === undefined) return '';
  const text = privacy(row.value, redact);
  if (!redact) return text;
  const chars = Array.from(text);
  return chars.length <= SHOWN_VALUE_MAX ? text : `${chars.slice(0, SHOWN_VALUE_MAX - 1).join('')}…`;
}

export function shownReason(row: RejectedRow, locale: Locale, redact: boolean): string {
  return privacy(row.reason[locale], redact);
}

export function rejectedToCsv(rows: readonly RejectedRow[], locale: Locale = 'zh-CN', redact = true): string {
  const header = ['file', 'line', 'table', 'field', 'reason', 'value'];
  const sorted = [...rows].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return excelCsv([header, ...sorted.map((r) => [r.file, r.line, r.table, r.field, shownReason(r, locale, redact), shownValue(r, redact)])]);
}
