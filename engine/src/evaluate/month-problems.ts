// Why a month's results cannot be trusted as they stand: a required table missing or empty, no
// message inside the month (October's exports run as September), or too many rows rejected.
// The run still writes its outputs (people need the banner and rejected.csv to fix the export),
// but `evaluate` exits 1 and every report opens with these reasons.
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import type { TableCounts, TableName } from '../data/bundle-types.js';
import { tableSpecs } from '../data/table-specs.js';

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
        message: { 'zh-CN': `数据包中没有${zhName(table)}（${table}），无法考核`, en: `The data bundle has no ${table} table: the month cannot be evaluated` },
      });
    } else if (c.read - (c.skipped ?? 0) === 0) {
      problems.push({
        code: 'empty-table',
        table,
        message: { 'zh-CN': `${zhName(table)}（${table}）没有数据行，无法考核`, en: `The ${table} table has no rows: the month cannot be evaluated` },
      });
    } else if (table === 'messages' && c.accepted === 0) {
      problems.push({
        code: 'no-messages-in-month',
        table,
        message: {
          'zh-CN': `没有一条消息在 ${input.month} 内（读取 ${c.read} 行，全部被拒绝）：请检查 --month 和导出的月份`,
          en: `No message falls in ${input.month} (${c.read} rows read, all rejected): check --month and the month of the exports`,
        },
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
        message: {
          'zh-CN': `${zhName(table)}（${table}）有 ${c.rejected} / ${rows} 行被拒绝（${share}，上限 ${limit}）：见 rejected.csv`,
          en: `${c.rejected} of ${rows} rows of the ${table} table were rejected (${share}, over the limit of ${limit}): see rejected.csv`,
        },
      });
    }
  }
  return problems;
}
