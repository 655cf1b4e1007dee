// The workbook view (--format xlsx), for HR who live in Excel: 概览 (each group's overall ratings with
// rates and average points), 待处理 (the work queue, with an empty column for what was done), 成员,
// 趋势 (with an archive: each group's rates over the months), 发现, 未评估 and 数据质量. Fitted widths, wrapped long texts, frozen headers, filters, the worst
// rating in red, landscape pages fitted to width, real dates and numbers. Byte-identical for the same
// result: fixed document dates, and the zip entries' timestamps pinned (exceljs stamps them with the clock).
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

const FIXED = new Date(Date.UTC(2000, 0, 1));
const WORST_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8D7D6' } } as const;
const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEFF2' } } as const;
/** Columns wider than this wrap their text instead of growing (in Excel's character widths). */
const MAX_WIDTH = 60;

type Cell = string | number | Date | null;

/** "2026-10-19 11:00" (a wall time in the policy's zone) as the Excel date with that wall time. */
function wallDate(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!)) : text;
}

/** Display width of a text: CJK and full-width characters take two columns. */
function widthOf(value: Cell): number {
  if (value === null) return 0;
  if (value instanceof Date) return 16;
  let width = 0;
  for (const ch of String(value)) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

export async function reportXlsx(result: EvaluationResult, book: LabelBook, locale: Locale, history?: MemberHistory | null): Promise<Buffer> {
  // Loaded when a workbook is asked for: exceljs is the largest module, and most runs write none.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'qungui';
  workbook.created = FIXED;
  workbook.modified = FIXED;
  const t = (zh: string, en: string) => say(locale, zh, en);

  const sheet = (name: string, head: readonly string[], rows: Cell[][], options: { worst?: (row: number, column: number) => boolean } = {}) => {
    const ws = workbook.addWorksheet(name);
    const header = ws.addRow([...head]);
    header.font = { bold: true };
    header.eachCell((c) => {
      c.fill = HEAD_FILL;
    });
    rows.forEach((row, r) => {
      const added = ws.addRow(row);
      row.forEach((value, c) => {
        const cell = added.getCell(c + 1);
        if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm';
        if (options.worst?.(r, c)) cell.fill = WORST_FILL;
      });
    });
    head.forEach((h, c) => {
      const width = Math.max(widthOf(h), ...rows.map((row) => widthOf(row[c] ?? null)));
      const column = ws.getColumn(c + 1);
      column.width = Math.min(MAX_WIDTH, Math.max(6, width + 2));
      if (width > MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
    });
    // Header row frozen and filterable: HR sorts and filters by group, rating or clause.
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, head.length) } };
    ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
    return ws;
  };

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
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return pinZipTimestamps(buffer);
}

/** Sets every local and central zip header's DOS time/date to 1980-01-01 00:00 (deterministic bytes). */
export function pinZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (let i = 0; i + 30 <= out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50) {
      // local file header: time at 10, date at 12
      out.writeUInt16LE(0, i + 10);
      out.writeUInt16LE(DOS_DATE, i + 12);
      const nameLength = out.readUInt16LE(i + 26);
      const extraLength = out.readUInt16LE(i + 28);
      i += 29 + nameLength + extraLength;
    } else if (signature === 0x02014b50 && i + 46 <= out.length) {
      // central directory: time at 12, date at 14
      out.writeUInt16LE(0, i + 12);
      out.writeUInt16LE(DOS_DATE, i + 14);
      i += 45 + out.readUInt16LE(i + 28) + out.readUInt16LE(i + 30) + out.readUInt16LE(i + 32);
    }
  }
  return out;
}
