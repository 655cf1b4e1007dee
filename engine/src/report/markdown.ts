// report.md: the month in one page, to paste into a chat or an e-mail to HR and the admins.
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { DIMENSION_TEXT, SEVERITY_TEXT, ratingLabel, type LabelBook, clauseLabel, policyName, tableLabel } from './labels.js';
import { markdownText as md } from './markdown-text.js';
import { dataCounts, headcount, type ReportSummary } from './summary.js';

export function reportMarkdown(result: EvaluationResult, summary: ReportSummary, book: LabelBook, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const out: string[] = [];
  out.push(zh ? `# 培训群月度考核报告（${result.month}）` : `# Training groups: monthly report (${result.month})`, '');
  if (result.problems?.length) {
    out.push(zh ? '> **本月结果不可靠，请先处理以下问题：**' : '> **This month cannot be trusted as it stands. Fix these first:**', '>');
    for (const p of result.problems) out.push(`> - ${md(p.message[locale])}`);
    out.push('');
  }
  const names = result.policies.map((p) => md(p.name)).join(zh ? '、' : ', ');
  out.push(
    zh
      ? `群规：${names}。${headcount(result)['zh-CN']}；发现 ${result.findings.length} 条（错误 ${summary.bySeverity.error}，警告 ${summary.bySeverity.warning}，提示 ${summary.bySeverity.info}）；被拒绝的数据行 ${result.data.rejected} 行。`
      : `Policies: ${names}. ${headcount(result).en}; ${result.findings.length} findings (${summary.bySeverity.error} errors, ${summary.bySeverity.warning} warnings, ${summary.bySeverity.info} info); ${result.data.rejected} rejected data rows.`,
    '',
  );
  out.push(zh ? '## 评级分布' : '## Ratings', '');
  for (const policy of result.policies) {
    const dists = summary.distributions.filter((d) => d.policyId === policy.id);
    if (!dists.length) continue;
    const ratings = Object.keys(book[policy.id]?.ratings ?? {});
    out.push(
      `**${md(policy.name)}**`,
      '',
      `| ${zh ? '维度' : 'Dimension'} | ${ratings.map((r) => md(ratingLabel(book, policy.id, r, locale))).join(' | ')} | ${zh ? '无数据' : 'No data'} |`,
      `| --- | ${ratings.map(() => '---').join(' | ')} | --- |`,
    );
    for (const d of dists)
      out.push(
        `| ${DIMENSION_TEXT[d.dimension][locale]} | ${ratings.map((r) => d.counts.find((c) => c.rating === r)?.count ?? 0).join(' | ')} | ${d.unrated} |`,
      );
    out.push('');
  }
  out.push(zh ? '## 需要管理员处理' : '## For the admins', '');
  if (summary.workQueue.length === 0) out.push(zh ? '本月没有需要处理的事项。' : 'Nothing to act on this month.');
  for (const f of summary.workQueue.slice(0, 30))
    out.push(
      zh
        ? `- [${f.clause}] ${SEVERITY_TEXT[f.severity][locale]}：${md(f.message[locale])}（${md(policyName(result, f.policyId))}第 ${f.rule.line} 行）`
        : `- [${f.clause}] ${SEVERITY_TEXT[f.severity][locale]}: ${md(f.message[locale])} (${md(policyName(result, f.policyId))}, line ${f.rule.line})`,
    );
  if (summary.workQueue.length > 30)
    out.push(zh ? `- ……共 ${summary.workQueue.length} 条，见 findings.csv` : `- … ${summary.workQueue.length} in all, see findings.csv`);
  out.push('', zh ? '## 按条款' : '## By clause', '', `| ${zh ? '条款' : 'Clause'} | ${zh ? '条数' : 'Findings'} |`, '| --- | --- |');
  for (const c of summary.byClause) out.push(`| ${md(clauseLabel(c.clause, locale))} | ${c.count} |`);
  if (result.notEvaluated.length) {
    out.push('', zh ? '## 未评估（缺少数据或设置）' : '## Not evaluated (missing data or settings)', '');
    for (const n of result.notEvaluated)
      out.push(`- ${md(policyName(result, n.policyId))} · ${md(clauseLabel(n.clause, locale))}${zh ? '：' : ': '}${md(n.reason[locale])}`);
  }
  if (result.ungovernedGroups.length) {
    out.push('', zh ? '## 没有群规管辖的群聊' : '## Chat rooms no policy governs', '');
    for (const g of result.ungovernedGroups) out.push(zh ? `- ${md(g.groupId)}：${g.messages} 条消息` : `- ${md(g.groupId)}: ${g.messages} messages`);
  }
  // Every row read is accounted for: read = accepted + rejected, per table.
  out.push(
    '',
    zh ? '## 数据' : '## Data',
    '',
    `| ${zh ? '表' : 'Table'} | ${zh ? '读取' : 'Read'} | ${zh ? '接受' : 'Accepted'} | ${zh ? '拒绝' : 'Rejected'} |`,
    '| --- | --- | --- | --- |',
  );
  for (const [table, c] of dataCounts(result)) out.push(`| ${md(tableLabel(table, locale))} | ${c.read} | ${c.accepted} | ${c.rejected} |`);
  return `${out.join('\n')}\n`;
}
