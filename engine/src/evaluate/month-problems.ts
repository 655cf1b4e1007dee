// Why a month's results cannot be trusted as they stand: a required table missing or empty, no
// message inside the month (October's exports run as September), or too many rows rejected.
// The run still writes its outputs (people need the banner and rejected.csv to fix the export),
// but `evaluate` exits 1 and every report opens with these reasons.
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import type { TableCounts, TableName } from '../data/bundle-types.js';
import { tableSpecs } from '../data/table-specs.js';
import { localized } from '../i18n/localized-text.js';

const zhName = (table: TableName) => tableSpecs[table].title['zh-CN'];

export interface MonthProblem {
  code: 'missing-table' | 'empty-table' | 'no-messages-in-month' | 'too-many-rejected';
  table: TableName;
  message: LocalizedText;
}

/** Tables without which no member can be rated. */
const REQUIRED: readonly TableName[] = ['members', 'messages'];

/** Default for --max-rejected: a share of a table's rows, as a fraction. */
export const DEFAULT_MAX_REJECTED = 0.05;

export function monthProblems(input: {
  present: ReadonlySet<TableName>;
  counts: Readonly<Partial<Record<TableName, TableCounts>>>;
  month: string;
  maxRejected: number;
}): MonthProblem[] {
  const problems: MonthProblem[] = [];
  for (const table of REQUIRED) {
    const c = input.counts[table];
    if (!input.present.has(table) || !c) {
      problems.push({
        code: 'missing-table',
        table,
        message: localized('数据包中没有{zhName}（{table}），无法考核', 'The data bundle has no {table} table: the month cannot be evaluated', {
          zhName: zhName(table),
          table,
        }),
      });
    } else if (c.read - (c.skipped ?? 0) === 0) {
      problems.push({
        code: 'empty-table',
        table,
        message: localized('{zhName}（{table}）没有数据行，无法考核', 'The {table} table has no rows: the month cannot be evaluated', {
          zhName: zhName(table),
          table,
        }),
      });
    } else if (table === 'messages' && c.accepted === 0) {
      problems.push({
        code: 'no-messages-in-month',
        table,
        message: localized(
          '没有一条消息在 {month} 内（读取 {read} 行，全部被拒绝）：请检查 --month 和导出的月份',
          'No message falls in {month} ({read} rows read, all rejected): check --month and the month of the exports',
          { month: input.month, read: c.read },
        ),
      });
    }
  }
  for (const [table, c] of Object.entries(input.counts) as [TableName, TableCounts][]) {
    if (problems.some((p) => p.table === table)) continue;
    const rows = c.read - (c.skipped ?? 0);
    if (rows > 0 && c.rejected / rows > input.maxRejected) {
      const share = `${Math.round((c.rejected / rows) * 1000) / 10}%`;
      const limit = `${Math.round(input.maxRejected * 1000) / 10}%`;
      problems.push({
        code: 'too-many-rejected',
        table,
        message: localized(
          '{zhName}（{table}）有 {rejected} / {rows} 行被拒绝（{share}，上限 {limit}）：见 rejected.csv',
          '{rejected} of {rows} rows of the {table} table were rejected ({share}, over the limit of {limit}): see rejected.csv',
          { zhName: zhName(table), table, rejected: c.rejected, rows, share, limit },
        ),
      });
    }
  }
  return problems;
}
