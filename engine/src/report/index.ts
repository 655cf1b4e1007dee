// Writes the views of result.json into an output folder: members.csv, findings.csv, report.md,
// report.html and, on request, report.xlsx. Same result, same bytes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { findingsCsv, membersCsv } from './csv.js';
import { reportHtml } from './html.js';
import type { LabelBook } from './labels.js';
import { reportMarkdown } from './markdown.js';
import { summarize } from './summary.js';
import { reportXlsx } from './xlsx.js';

export { labelsFromPolicies, type LabelBook } from './labels.js';
export { summarize, type ReportSummary } from './summary.js';
export { pinZipTimestamps } from './xlsx.js';

export interface ReportOptions { locale: Locale; formats: 'xlsx'[]; labels: LabelBook }

export async function writeReports(result: EvaluationResult, outDir: string, options: ReportOptions): Promise<string[]> {
  const summary = summarize(result, options.labels);
  const files: [string, string | Buffer][] = [
    ['members.csv', membersCsv(result, options.labels, options.locale)],
    ['findings.csv', findingsCsv(result, options.locale)],
    ['report.md', reportMarkdown(result, summary, options.labels, options.locale)],
    ['report.html', reportHtml(result, summary, options.labels, options.locale)],
  ];
  if (options.formats.includes('xlsx')) files.push(['report.xlsx', await reportXlsx(result, options.labels, options.locale)]);
  for (const [name, content] of files) await writeFile(join(outDir, name), content);
  return files.map(([name]) => name);
}
