// report.md: the month in one page, to paste into a chat or an e-mail to HR and the admins.
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { DIMENSION_TEXT, SEVERITY_TEXT, ratingLabel, type LabelBook, clauseLabel, policyName, tableLabel } from './labels.js';
import { markdownText as md } from './markdown-text.js';
import { dataCounts, headcount, type ReportSummary } from './summary.js';
import { say } from '../i18n/localized-text.js';
import { previousMonth } from '../evaluate/time.js';
import { changesText, percentOf, ratingsLine } from './history-text.js';
import { failingMembers, historyKey, type MemberHistory } from './member-history.js';

export function reportMarkdown(result: EvaluationResult, summary: ReportSummary, book: LabelBook, locale: Locale, history?: MemberHistory | null): string {
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
  if (history) out.push(...historyMarkdown(result, history, book, locale));
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

/** 与往月比较: per group the months' rates with the policy changes beside them, then who failed
 *  months running (first: they are whom the month's follow-ups escalate). */
function historyMarkdown(result: EvaluationResult, history: MemberHistory, book: LabelBook, locale: Locale): string[] {
  const out = [say(locale, '## 与往月比较', '## Against earlier months'), ''];
  const failing = failingMembers(result, history);
  if (failing.length) {
    out.push(say(locale, '**连续不合格的成员：**', '**Failing months running:**'), '');
    for (const { member, run } of failing)
      out.push(
        say(locale, '- {name}（{policy}）：连续 {run} 个月{rating}（{line}）', '- {name} ({policy}): {rating} {run} months running ({line})', {
          name: md(member.name ?? member.memberId),
          line: md(ratingsLine(history, history.members.get(historyKey(member))!, book, member.policyId, locale)),
          policy: md(policyName(result, member.policyId)),
          run,
          rating: md(ratingLabel(book, member.policyId, member.ratings.overall, locale)),
        }),
      );
    out.push('');
  }
  for (const policy of result.policies) {
    const months = history.groups.get(policy.id);
    if (!months || months.filter((m) => m.held).length < 2) continue;
    const ratings = Object.keys(book[policy.id]?.ratings ?? {});
    const best = md(ratingLabel(book, policy.id, ratings[0] ?? null, locale));
    const worst = md(ratingLabel(book, policy.id, ratings.at(-1) ?? null, locale));
    out.push(
      `**${md(policy.name)}**`,
      '',
      `| ${say(locale, '月份', 'Month')} | ${say(locale, '已评级', 'Rated')} | ${say(locale, '{best}率', '{best} rate', { best })} | ${say(locale, '{worst}率', '{worst} rate', { worst })} | ${say(locale, '平均绩效分', 'Average points')} | ${say(locale, '群规变动', 'Policy changes')} |`,
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const m of months)
      out.push(
        !m.held
          ? `| ${m.month} | ${say(locale, '（归档中没有这个月）', '(not in the archive)')} |  |  |  |  |`
          : `| ${m.month} | ${m.rated} | ${m.bestRate === null ? '' : `${percentOf(m.bestRate)}%`} | ${m.worstRate === null ? '' : `${percentOf(m.worstRate)}%`} | ${m.averagePoints === null ? '' : (Math.round(m.averagePoints * 10) / 10).toString()} | ${md(changesText(m, book, policy.id, locale))} |`,
      );
    out.push('');
    const moved = result.members.filter((m) => m.policyId === policy.id && history.members.get(historyKey(m))?.change);
    const count = (change: string) => moved.filter((m) => history.members.get(historyKey(m))?.change === change).length;
    const caused = moved.filter((m) => history.members.get(historyKey(m))?.underLastPolicy !== undefined).length;
    out.push(
      !history.lastMonthHeld
        ? say(locale, '上月（{month}）不在归档中，无法与上月比较。', 'Last month ({month}) is not in the archive: no comparison with it.', {
            month: previousMonth(result.month),
          })
        : say(
            locale,
            '较上月：{up} 人上升，{down} 人下降，{same} 人持平，{fresh} 名新成员{caused, plural, =0 {} other {；其中 # 人的变化来自群规变动}}。',
            'Against last month: {up} up, {down} down, {same} the same, {fresh} new{caused, plural, =0 {} one {; # of these changes comes from the policy change} other {; # of these changes come from the policy change}}.',
            {
              up: count('up'),
              down: count('down'),
              same: count('same'),
              fresh: count('new'),
              caused,
            },
          ),
      '',
    );
  }
  return out;
}
