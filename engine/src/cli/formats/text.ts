// Human output: one block per file, each diagnostic with a code frame (the line and a caret
// underline), so a training officer sees the exact spot without opening an editor.
import pc from 'picocolors';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { counts, type Formatter } from './format.js';
import type { Locale } from '../../diagnostics/diagnostic.js';
import { localized, say } from '../../i18n/localized-text.js';
import { traditional } from '../../i18n/traditional.js';

const severityText: Record<Locale, Record<'error' | 'warning' | 'info', string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  'zh-TW': { error: traditional('错误'), warning: traditional('警告'), info: traditional('提示') },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export const formatText: Formatter = (reports, options) => {
  const colors = pc.createColors(options.color);
  const out: string[] = [];
  for (const report of reports) {
    if (report.diagnostics.length === 0) continue;
    out.push(colors.underline(report.file));
    const lines = report.text?.split('\n');
    for (const d of report.diagnostics) {
      const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const severity = severityText[options.locale][d.severity];
      const painted = d.severity === 'error' ? colors.red(severity) : d.severity === 'warning' ? colors.yellow(severity) : colors.blue(severity);
      out.push(`  ${colors.dim(where.padEnd(7))} ${painted}  ${d.message[options.locale]}  ${colors.dim(d.code)}`);
      const frame = lines ? codeFrame(lines, d) : undefined;
      if (frame) out.push(...frame.map((line) => colors.dim(line)));
    }
    out.push('');
  }
  const { errorCount, warningCount } = counts(reports);
  const files = reports.length;
  if (errorCount + warningCount === 0) {
    const none = options.errorsOnly ? localized('没有错误', 'no errors') : localized('没有问题', 'no problems');
    out.push(say(options.locale, '✔ {files} 个文件，{none}', '✔ {files, plural, one {# file} other {# files}}, {none}', { files, none }));
  } else {
    const total = errorCount + warningCount;
    out.push(
      colors.bold(
        say(
          options.locale,
          '✖ {total} 个问题（{errorCount} 个错误，{warningCount} 个警告），共 {files} 个文件',
          '✖ {total} problem{value} ({errorCount} error{value2}, {warningCount} warning{value3}) in {files} file{value4}',
          {
            total,
            errorCount,
            warningCount,
            files,
            value: total === 1 ? '' : 's',
            value2: errorCount === 1 ? '' : 's',
            value3: warningCount === 1 ? '' : 's',
            value4: files === 1 ? '' : 's',
          },
        ),
      ),
    );
  }
  return `${out.join('\n')}\n`;
};

function codeFrame(lines: string[], d: Diagnostic): string[] | undefined {
  const line = lines[d.range.start.line];
  if (line === undefined || line.length > 300) return undefined;
  const clean = line.replace(/\r$/, '');
  const start = d.range.start.character;
  const end = d.range.end.line === d.range.start.line ? Math.max(start + 1, d.range.end.character) : clean.length;
  // Wide (CJK) characters take two columns in a terminal: pad the caret line to match.
  const width = (s: string) =>
    [...s].reduce(
      (n, ch) =>
        n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1),
      0,
    );
  const number = String(d.range.start.line + 1);
  const gutter = ' '.repeat(number.length);
  return [`    ${number} | ${clean}`, `    ${gutter} | ${' '.repeat(width(clean.slice(0, start)))}${'^'.repeat(Math.max(1, width(clean.slice(start, end))))}`];
}
