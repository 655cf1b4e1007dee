// report.md cannot be turned against its readers: names, group ids, excerpts and reasons from the
// data are text in whatever renders the file, never headings, links, lists, table cells or HTML.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownText } from '../../src/report/markdown-text.js';
import { writeReports } from '../../src/report/index.js';
import type { EvaluationResult } from '../../src/evaluate/result-types.js';
import { fixture, labels } from './fixture.js';
import { localized } from '../../src/i18n/localized-text.js';

const groupId = 'wrX\r\n# 已被接管\n[点这里](javascript:alert(1))';
const hostile: EvaluationResult = {
  ...fixture,
  policies: [{ ...fixture.policies[0]!, name: '新员工<img src=x onerror=alert(1)>群' }, fixture.policies[1]!],
  findings: fixture.findings.map((f, i) =>
    i === 1 ? { ...f, groupId, message: localized('<script>alert(1)</script> | 伪造列 | ![x](javascript:alert(2))', '<script>alert(1)</script>') } : f,
  ),
  notEvaluated: [{ clause: 'C3', policyId: 'management', reason: localized('- 列表\n> 引用 <a href="javascript:alert(3)">链接</a>', 'x') }],
  ungovernedGroups: [
    { groupId, messages: 7, members: 3 },
    { groupId: '1. 编号', messages: 1, members: 1 },
  ],
};

async function reportMd(result: EvaluationResult): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'qungui-md-'));
  await writeReports(result, dir, { locale: 'zh-CN', formats: [], labels });
  return readFileSync(join(dir, 'report.md'), 'utf8');
}

describe('report.md escapes what comes from data', () => {
  it('a group id, a message and a reason inject no heading, link, list, quote, column or HTML', async () => {
    const html = marked.parse(await reportMd(hostile), { async: false, gfm: true }) as string;
    // Only the tags the report itself writes; everything from the data is text (&lt;…).
    expect(html).not.toMatch(/<(script|img|a)[\s>]/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).not.toContain('<h1>已被接管');
    expect(html).not.toMatch(/<blockquote>|<ol/);
    // The text itself survives, readable: the reader sees what was posted.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('wrX # 已被接管 [点这里](javascript:alert(1))');
    // The work-queue line stays one line, and the clause table keeps two columns.
    const md = await reportMd(hostile);
    expect(md.split('\n').filter((l) => l.includes('已被接管'))).toHaveLength(1);
    expect(md).toContain('- [S2] 错误：\\<script\\>alert(1)\\</script\\> \\| 伪造列 \\| \\!\\[x\\](javascript:alert(2))（');
    expect(md).toContain('- wrX \\# 已被接管 \\[点这里\\](javascript:alert(1))：7 条消息');
  });

  it('markdownText escapes only what can start markup, and flattens every kind of line break', () => {
    expect(markdownText('张博')).toBe('张博');
    expect(markdownText('2026-10-03 09:15')).toBe('2026-10-03 09:15');
    expect(markdownText('a*b_c`d|e#f!g~h&i<j>k[l]m\\n')).toBe('a\\*b\\_c\\`d\\|e\\#f\\!g\\~h\\&i\\<j\\>k\\[l\\]m\\\\n');
    expect(markdownText('x\r\ny\rz\u2028w\tv')).toBe('x y z w v');
    expect(markdownText('- a')).toBe('\\- a');
    expect(markdownText('+ a')).toBe('\\+ a');
    expect(markdownText('12. a')).toBe('12\\. a');
    expect(markdownText('3) a')).toBe('3\\) a');
  });
});
