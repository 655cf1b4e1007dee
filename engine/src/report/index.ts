// Writes the views of result.json into an output folder: members.csv, findings.csv, report.md,
// report.html, summary.md and, on request, report.xlsx. Same result, same bytes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { maskNumbers } from '../match/mask.js';
import { findingsCsv, membersCsv } from './csv.js';
import { reportHtml } from './html.js';
import type { LabelBook } from './labels.js';
import { reportMarkdown } from './markdown.js';
import { memberHistory } from './member-history.js';
import type { ArchivedMonth } from './trend.js';
import type { PolicyEffect } from '../diff/policy-effect.js';
import { summarize } from './summary.js';
import { summaryMarkdown } from './summary-md.js';
import { reportXlsx } from './xlsx.js';

export { labelsFromPolicies, type LabelBook } from './labels.js';
export { summarize, type ReportSummary } from './summary.js';
export { pinZipTimestamps } from './xlsx-book.js';

export interface ReportOptions {
  locale: Locale;
  formats: 'xlsx'[];
  /** Rating, action and category names from the policies; ids are shown where a label is missing. */
  labels?: LabelBook;
  /** Mask phone, ID and bank numbers in evidence excerpts; default on. The engine
   *  masks already; this also covers a result.json made with --no-redact or by another tool. */
  redact?: boolean;
  /** Earlier months (from the archive): the reports add each member's ratings of up to six months, the
   *  change against last month, each group's rates over those months and who failed months running. */
  history?: readonly ArchivedMonth[];
  /** Per policy id: this month evaluated again under last month's policy (when it changed). */
  policyEffects?: ReadonlyMap<string, PolicyEffect>;
}

export async function writeReports(input: EvaluationResult, outDir: string, options: ReportOptions): Promise<string[]> {
  const result = options.redact === false ? input : redacted(input);
  const labels = options.labels ?? {};
  const summary = summarize(result, labels);
  const history = memberHistory(result, options.history ?? [], labels, options.policyEffects);
  const files: [string, string | Buffer][] = [
    ['members.csv', membersCsv(result, labels, options.locale, history)],
    ['findings.csv', findingsCsv(result, labels, options.locale)],
    ['report.md', reportMarkdown(result, summary, labels, options.locale, history)],
    ['report.html', reportHtml(result, summary, labels, options.locale, history)],
    ['summary.md', summaryMarkdown(result, labels, options.locale, history)],
  ];
  if (options.formats.includes('xlsx')) files.push(['report.xlsx', await reportXlsx(result, labels, options.locale, history)]);
  for (const [name, content] of files) await writeFile(join(outDir, name), content);
  return files.map(([name]) => name);
}

/** Evidence keys that carry chat text (excerpts, matched text, file names); other values are ids, times
 *  and counts, which a digit mask would garble (2026-10-03 is eight digits). */
const TEXT_KEYS = new Set(['excerpt', 'text', 'fileName']);

/** A copy of the result with long digit runs masked in every chat-text value of the evidence. */
function redacted(result: EvaluationResult): EvaluationResult {
  const mask = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key !== undefined && TEXT_KEYS.has(key) ? maskNumbers(value) : value;
    if (Array.isArray(value)) return value.map((v) => mask(v, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v, k)]));
    return value;
  };
  return { ...result, findings: result.findings.map((f) => ({ ...f, evidence: mask(f.evidence) as Record<string, unknown> })) };
}
