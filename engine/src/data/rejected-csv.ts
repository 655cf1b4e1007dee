// rejected.csv: every row that broke its table's schema, for the person who fixes the export.
import { excelCsv } from '../util/excel-csv.js';
import type { RejectedRow } from './bundle-types.js';

export function rejectedToCsv(rows: readonly RejectedRow[], locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const header = ['file', 'line', 'table', 'field', 'reason'];
  const sorted = [...rows].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return excelCsv([header, ...sorted.map((r) => [r.file, r.line, r.table, r.field, r.reason[locale]])]);
}
