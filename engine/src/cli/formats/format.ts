// A validate output format: turns per-file diagnostics into text. Pure; the command writes it out.
import type { Diagnostic, Locale } from '../../diagnostics/diagnostic.js';

export interface FileReport {
  /** Path as given or found, relative to the working directory, with forward slashes. */
  file: string;
  /** Source text, for code frames (absent when the file could not be read). */
  text?: string;
  diagnostics: Diagnostic[];
}

export interface FormatOptions {
  locale: Locale;
  color: boolean;
  /** --quiet: only errors are shown, so "no problems" would not be true; the summary says "no errors". */
  errorsOnly?: boolean;
}

export type Formatter = (reports: readonly FileReport[], options: FormatOptions) => string;

export function counts(reports: readonly FileReport[]) {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const report of reports) {
    for (const d of report.diagnostics) {
      if (d.severity === 'error') errorCount++;
      else if (d.severity === 'warning') warningCount++;
      else infoCount++;
    }
  }
  return { errorCount, warningCount, infoCount };
}

/** Docs page of a code, relative to the repository (the extension and SARIF link to it). */
export function docsUri(code: string): string {
  return `https://github.com/qungui/qungui/blob/main/docs/rules/${code}.md`;
}
