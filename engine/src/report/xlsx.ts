// The workbook view (--format xlsx), for HR who live in Excel: 概览 (each group's overall ratings with
// rates and average points), 待处理 (the work queue, with an empty column for what was done), 成员,
// 趋势 (with an archive: each group's rates over the months), 发现, 未评估 and 数据质量; made by
// xlsx-book.ts (widths, frozen headers, filters, red worst ratings, print setup, same bytes).
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { say } from '../i18n/localized-text.js';
import { findingTable } from './finding-table.js';
import { clauseLabel, policyName, tableLabel, type LabelBook } from './labels.js';
import { groupRatesTable } from './history-text.js';
import type { MemberHistory } from './member-history.js';
import { memberTable } from './member-table.js';
import { dataCounts } from './summary.js';
import { workQueue } from './work-queue.js';
import { newBook, wallDate, type Cell } from './xlsx-book.js';

export async function reportXlsx(result: EvaluationResult, book: LabelBook, locale: Locale, history?: MemberHistory | null): Promise<Buffer> {
  const { sheet, bytes } = await newBook();
  const t = (zh: string, en: string) => say(locale, zh, en);

  // 概览: per group, the overall ratings with their rates, average points, findings and what to act on.
  const queue = workQueue(result, book, locale);
  const summaryHead = [t('群规', 'Policy'), t('学员', 'Learners'), t('已评级', 'Rated')];
  const summaryRows: Cell[][] = [];
  const rateColumns: string[] = [];
  for (const policy of result.policies) {
    const ratings = Object.keys(book[policy.id]?.ratings ?? {});
    for (const r of ratings) {
      const label = book[policy.id]!.ratings[r]![locale];
      if (!rateColumns.includes(label)) rateColumns.push(label);
    }
  }
  summaryHead.push(...rateColumns.flatMap((l) => [l, say(locale, '{label}率', '{label} rate', { label: l })]));
  summaryHead.push(t('平均绩效分', 'Average points'), t('发现', 'Findings'), t('错误', 'Errors'), t('待处理', 'To act on'));
  for (const policy of result.policies) {
    const members = result.members.filter((m) => m.policyId === policy.id);
    const rated = members.filter((m) => m.ratings.overall !== null);
    const labels = book[policy.id]?.ratings ?? {};
    const row: Cell[] = [policy.name, members.length, rated.length];
    for (const label of rateColumns) {
      const id = Object.keys(labels).find((r) => labels[r]![locale] === label);
      const count = id ? rated.filter((m) => m.ratings.overall === id).length : null;
      row.push(count, count === null || rated.length === 0 ? null : Math.round((count / rated.length) * 1000) / 1000);
    }
    const points = members.filter((m) => m.points !== null).map((m) => m.points!);
    row.push(
      points.length ? Math.round((points.reduce((a, b) => a + b, 0) / points.length) * 10) / 10 : null,
      result.findings.filter((f) => f.policyId === policy.id).length,
      result.findings.filter((f) => f.policyId === policy.id && f.severity === 'error').length,
      queue.filter((q) => q.finding.policyId === policy.id).length,
    );
    summaryRows.push(row);
  }
  const overview = sheet(t('概览', 'Overview'), summaryHead, summaryRows);
  summaryHead.forEach((h, c) => {
    if (rateColumns.some((l) => h === say(locale, '{label}率', '{label} rate', { label: l }))) overview.getColumn(c + 1).numFmt = '0.0%';
  });

  // 待处理: the queue, and a column for the admin to write what was done.
  sheet(
    t('待处理', 'To act on'),
    [
      t('群', 'Group'),
      t('成员', 'Member'),
      t('事项', 'What happened'),
      t('时间', 'When'),
      t('消息ID', 'Message ID'),
      t('处理', 'Action'),
      t('期限', 'Due'),
      t('处理结果', 'Done'),
    ],
    queue.map((q) => [q.group, q.member, q.what, q.when ? wallDate(q.when) : null, q.messageId || null, q.action, q.due ? wallDate(q.due) : null, null]),
  );

  // 成员: the members.csv columns; the worst rating of a policy in red.
  const members = memberTable(result, book, locale, history);
  const ratingColumns = new Set(members.ratingColumns);
  const worstLabels = new Set(result.policies.map((p) => Object.values(book[p.id]?.ratings ?? {}).at(-1)?.[locale]).filter((l): l is string => !!l));
  sheet(t('成员', 'Members'), members.head, members.rows, {
    worst: (r, c) => ratingColumns.has(c) && worstLabels.has(String(members.rows[r]![c])),
  });

  // 趋势: with an archive, each group's rates over the months before this one.
  if (history) {
    const rates = groupRatesTable(result, history, book, locale);
    sheet(t('趋势', 'Trend'), rates.head, rates.rows);
  }

  const findings = findingTable(result, book, locale);
  sheet(t('发现', 'Findings'), findings.head, findings.rows);

  sheet(
    t('未评估', 'Not evaluated'),
    [t('群规', 'Policy'), t('条款', 'Clause'), t('原因', 'Reason')],
    result.notEvaluated.map((n) => [policyName(result, n.policyId), clauseLabel(n.clause, locale), n.reason[locale]]),
  );
  sheet(
    t('数据质量', 'Data quality'),
    [t('表', 'Table'), t('读取', 'Read'), t('接受', 'Accepted'), t('拒绝', 'Rejected'), t('跳过', 'Skipped')],
    dataCounts(result).map(([name, c]) => [tableLabel(name, locale), c.read, c.accepted, c.rejected, c.skipped ?? 0]),
  );
  return bytes();
}
