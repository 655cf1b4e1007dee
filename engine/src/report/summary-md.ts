// summary.md: the month in a few lines to paste into a WeCom message or send by a group robot — the
// WeCom markdown subset (headings, bold, quotes, <font color>), at most 4,096 bytes (the robot's
// limit); a longer summary is cut at a line and points to report.html.
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { listOf, localized, say } from '../i18n/localized-text.js';
import { failingMembers, type MemberHistory } from './member-history.js';
import type { LabelBook } from './labels.js';
import { headcount } from './summary.js';
import { workQueue } from './work-queue.js';

/** The group robot's limit for one markdown message. */
export const SUMMARY_MAX_BYTES = 4096;

export function summaryMarkdown(result: EvaluationResult, book: LabelBook, locale: Locale, history?: MemberHistory | null): string {
  const lines: string[] = [];
  lines.push(say(locale, '# 培训群月度考核 {month}', '# Training groups {month}', { month: result.month }));
  if (result.problems?.length)
    lines.push(
      `<font color="warning">${say(locale, '本月结果不可靠，请先看 report.html 的提示', 'This month cannot be trusted: see report.html first')}</font>`,
    );
  const queue = workQueue(result, book, locale);
  lines.push(
    say(locale, '{headcount}；待处理 **{queue}** 项，发现 {findings} 条', '{headcount}; **{queue}** to act on, {findings} findings', {
      headcount: headcount(result),
      queue: queue.length,
      findings: result.findings.length,
    }),
  );
  for (const policy of result.policies) {
    const rated = result.members.filter((m) => m.policyId === policy.id && m.ratings.overall !== null);
    if (!rated.length) continue;
    const ratings = Object.keys(book[policy.id]?.ratings ?? {});
    const best = ratings[0];
    const worst = ratings.at(-1);
    const percent = (id: string | undefined) => (id ? Math.round((rated.filter((m) => m.ratings.overall === id).length / rated.length) * 100) : 0);
    const label = (id: string | undefined) => (id ? (book[policy.id]?.ratings[id] ?? id) : '');
    lines.push(
      say(
        locale,
        '> **{name}**：{count} 人评级，{bestLabel} {best}%，<font color="warning">{worstLabel} {worst}%</font>',
        '> **{name}**: {count} rated, {best}% {bestLabel}, <font color="warning">{worst}% {worstLabel}</font>',
        {
          name: policy.name,
          count: rated.length,
          bestLabel: label(best),
          best: percent(best),
          worstLabel: label(worst),
          worst: percent(worst),
        },
      ),
    );
  }
  // With an archive: who failed months running, by name (the month's escalations).
  const failing = history ? failingMembers(result, history) : [];
  if (failing.length)
    lines.push(
      say(locale, '<font color="warning">连续不合格：{names}</font>', '<font color="warning">Failing months running: {names}</font>', {
        names: listOf(
          failing.map(({ member, run }) =>
            localized('{name}（{group}，{run} 个月）', '{name} ({group}, {run} months)', {
              name: member.name ?? member.memberId,
              group: result.policies.find((p) => p.id === member.policyId)?.name ?? member.policyId,
              run,
            }),
          ),
        ),
      }),
    );
  if (queue.length) lines.push('', say(locale, '**最需要处理的：**', '**Most urgent:**'));
  const more = say(locale, '……完整清单见 report.html', '… the full list is in report.html');
  const top = queue
    .slice(0, 10)
    .map((q) => `> ${q.group} · ${q.member ? `${q.member} · ` : ''}${q.what}${q.due ? say(locale, '（{due} 前）', ' (by {due})', { due: q.due }) : ''}`);
  const body = [...lines, ...top];
  if (queue.length > top.length) body.push(more);
  let text = `${body.join('\n')}\n`;
  // Cut at a whole line, keeping the pointer to the report, until it fits the robot's limit.
  while (Buffer.byteLength(text) > SUMMARY_MAX_BYTES && body.length > 2) {
    body.splice(body[body.length - 1] === more ? -2 : -1, 1);
    if (body[body.length - 1] !== more) body.push(more);
    text = `${body.join('\n')}\n`;
  }
  return text;
}
