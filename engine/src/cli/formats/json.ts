// The CLI contract's JSON: lines and columns 1-based as in ESLint; end is exclusive.
import { counts, type Formatter } from './format.js';

export const formatJson: Formatter = (reports, options) => {
  const files = reports.map((report) => ({
    file: report.file,
    diagnostics: report.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message[options.locale],
      messages: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      path: d.path,
      ...(d.suggestions ? { suggestions: d.suggestions } : {}),
      ...(d.related
        ? {
            related: d.related.map((r) => ({
              file: r.file,
              line: r.range.start.line + 1,
              column: r.range.start.character + 1,
              message: r.message[options.locale],
            })),
          }
        : {}),
    })),
  }));
  const { errorCount, warningCount } = counts(reports);
  return `${JSON.stringify({ files, errorCount, warningCount }, null, 2)}\n`;
};
