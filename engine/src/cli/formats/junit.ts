// JUnit XML: one testsuite per file, one failing testcase per error or warning (CI dashboards show
// them as failed tests); a clean file is one passing testcase.
import { counts, type Formatter } from './format.js';

function xml(text: string): string {
  return (
    text
      .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids most control characters; policies may contain them (binary-file diagnostics).
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

export const formatJunit: Formatter = (reports, options) => {
  const { errorCount, warningCount } = counts(reports);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="qungui validate" tests="${reports.reduce((n, r) => n + Math.max(1, r.diagnostics.length), 0)}" failures="${errorCount + warningCount}">`,
  ];
  for (const report of reports) {
    const failures = report.diagnostics.filter((d) => d.severity !== 'info').length;
    out.push(`  <testsuite name="${xml(report.file)}" tests="${Math.max(1, report.diagnostics.length)}" failures="${failures}" errors="0">`);
    if (report.diagnostics.length === 0) out.push(`    <testcase classname="${xml(report.file)}" name="valid" />`);
    for (const d of report.diagnostics) {
      const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const name = `${d.code} ${where}`;
      out.push(`    <testcase classname="${xml(report.file)}" name="${xml(name)}">`);
      if (d.severity !== 'info') {
        out.push(
          `      <failure type="${d.severity}" message="${xml(d.message[options.locale])}">${xml(`${report.file}:${where} ${d.message[options.locale]} (${d.code})`)}</failure>`,
        );
      }
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
};
