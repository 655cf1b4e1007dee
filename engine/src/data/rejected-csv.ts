// rejected.csv: every row that broke its table's schema, for the person who fixes the export.
// UTF-8 with BOM so Excel opens the Chinese reasons.
import type { RejectedRow } from './bundle-types.js';

function cell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function rejectedToCsv(rows: readonly RejectedRow[], locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const header = ['file', 'line', 'table', 'field', 'reason'];
  const sorted = [...rows].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const lines = [header.join(','), ...sorted.map((r) => [r.file, r.line, r.table, r.field, r.reason[locale]].map(cell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
