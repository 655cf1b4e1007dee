// GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request.
import type { Formatter } from './format.js';

// Workflow-command escaping (data: %, CR, LF; properties also : and ,).
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const command = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const formatGithub: Formatter = (reports, options) => {
  const lines: string[] = [];
  for (const report of reports) {
    for (const d of report.diagnostics) {
      const props = [
        `file=${property(report.file)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${property(`qungui ${d.code}`)}`,
      ].join(',');
      lines.push(`::${command[d.severity]} ${props}::${data(d.message[options.locale])}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
