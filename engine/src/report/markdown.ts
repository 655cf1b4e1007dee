// report.md: the month in one page, to paste into a chat or an e-mail to HR and the admins.
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { DIMENSION_TEXT, SEVERITY_TEXT, ratingLabel, type LabelBook, clauseLabel, policyName, tableLabel } from './labels.js';
import { markdownText as md } from './markdown-text.js';
import { dataCounts, headcount, type ReportSummary } from './summary.js';
import { say } from '../i18n/localized-text.js';

export function reportMarkdown(result: EvaluationResult, summary: ReportSummary, book: LabelBook, locale: Locale): string {
  const out: string[] = [];
  out.push(say(locale, '# 培训群月度考核报告（{month}）', '# Training groups: monthly report ({month})', { month: result.month }), '');
  if (result.problems?.length) {
    out.push(say(locale, '> **本月结果不可靠，请先处理以下问题：**', '> **This month cannot be trusted as it stands. Fix these first:**'), '>');
    for (const p of result.problems) out.push(`> - ${md(p.message[locale])}`);
    out.push('');
  }
  const names = result.policies.map((p) => md(p.name)).join(say(locale, '、', ', '));
  out.push(
    say(
      locale,
      '群规：{names}。{value}；发现 {length} 条（错误 {error}，警告 {warning}，提示 {info}）；被拒绝的数据行 {rejected} 行。',
      'Policies: {names}. {value}; {length} findings ({error} errors, {warning} warnings, {info} info); {rejected} rejected data rows.',
      {
        names,
        value: headcount(result),
        length: result.findings.length,
        error: summary.bySeverity.error,
        warning: summary.bySeverity.warning,
        info: summary.bySeverity.info,
        rejected: result.data.rejected,
      },
    ),
    '',
  );
  out.push(say(locale, '## 评级分布', '## Ratings'), '');
  for (const policy of result.policies) {
    const dists = summary.distributions.filter((d) => d.policyId === policy.id);
    if (!dists.length) continue;
    const ratings = Object.keys(book[policy.id]?.ratings ?? {});
    out.push(
      `**${md(policy.name)}**`,
      '',
      `| ${say(locale, '维度', 'Dimension')} | ${ratings.map((r) => md(ratingLabel(book, policy.id, r, locale))).join(' | ')} | ${say(locale, '无数据', 'No data')} |`,
      `| --- | ${ratings.map(() => '---').join(' | ')} | --- |`,
    );
    for (const d of dists)
      out.push(
        `| ${DIMENSION_TEXT[d.dimension][locale]} | ${ratings.map((r) => d.counts.find((c) => c.rating === r)?.count ?? 0).join(' | ')} | ${d.unrated} |`,
      );
    out.push('');
  }
  out.push(say(locale, '## 需要管理员处理', '## For the admins'), '');
  if (summary.workQueue.length === 0) out.push(say(locale, '本月没有需要处理的事项。', 'Nothing to act on this month.'));
  for (const f of summary.workQueue.slice(0, 30))
    out.push(
      say(locale, '- [{clause}] {value}：{md}（{md2}第 {line} 行）', '- [{clause}] {value}: {md} ({md2}, line {line})', {
        clause: f.clause,
        value: SEVERITY_TEXT[f.severity][locale],
        md: md(f.message[locale]),
        md2: md(policyName(result, f.policyId)),
        line: f.rule.line,
      }),
    );
  if (summary.workQueue.length > 30)
    out.push(say(locale, '- ……共 {length} 条，见 findings.csv', '- … {length} in all, see findings.csv', { length: summary.workQueue.length }));
  out.push('', say(locale, '## 按条款', '## By clause'), '', `| ${say(locale, '条款', 'Clause')} | ${say(locale, '条数', 'Findings')} |`, '| --- | --- |');
  for (const c of summary.byClause) out.push(`| ${md(clauseLabel(c.clause, locale))} | ${c.count} |`);
  if (result.notEvaluated.length) {
    out.push('', say(locale, '## 未评估（缺少数据或设置）', '## Not evaluated (missing data or settings)'), '');
    for (const n of result.notEvaluated)
      out.push(`- ${md(policyName(result, n.policyId))} · ${md(clauseLabel(n.clause, locale))}${say(locale, '：', ': ')}${md(n.reason[locale])}`);
  }
  if (result.ungovernedGroups.length) {
    out.push('', say(locale, '## 没有群规管辖的群聊', '## Chat rooms no policy governs'), '');
    for (const g of result.ungovernedGroups)
      out.push(say(locale, '- {md}：{messages} 条消息', '- {md}: {messages} messages', { md: md(g.groupId), messages: g.messages }));
  }
  // Every row read is accounted for: read = accepted + rejected, per table.
  out.push(
    '',
    say(locale, '## 数据', '## Data'),
    '',
    `| ${say(locale, '表', 'Table')} | ${say(locale, '读取', 'Read')} | ${say(locale, '接受', 'Accepted')} | ${say(locale, '拒绝', 'Rejected')} |`,
    '| --- | --- | --- | --- |',
  );
  for (const [table, c] of dataCounts(result)) out.push(`| ${md(tableLabel(table, locale))} | ${c.read} | ${c.accepted} | ${c.rejected} |`);
  return `${out.join('\n')}\n`;
}
