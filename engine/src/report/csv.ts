// members.csv and findings.csv: views of result.json for HR and admins, UTF-8 with BOM so Excel opens
// the Chinese; CRLF line ends as Excel writes them.
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { excelCsv } from '../util/excel-csv.js';
import { findingTable } from './finding-table.js';
import type { LabelBook } from './labels.js';
import type { MemberHistory } from './member-history.js';
import { memberTable } from './member-table.js';

export function membersCsv(result: EvaluationResult, book: LabelBook, locale: Locale, history?: MemberHistory | null): string {
  const { head, rows } = memberTable(result, book, locale, history);
  return excelCsv([head, ...rows.map((row) => row.map((cell) => cell ?? ''))]);
}

export function findingsCsv(result: EvaluationResult, book: LabelBook, locale: Locale): string {
  const { head, rows } = findingTable(result, book, locale);
  return excelCsv([[...head], ...rows]);
}
