// `qungui bundle check DIR [--month YYYY-MM] [--timezone Z] [--show N] [--locale] [--no-redact]`: reads a bundle
// through its manifest before the monthly run and prints, per table, rows read, accepted and rejected,
// with the first rejections and their reasons. Exit 0 clean, 1 rejected rows or a required table
// (members, messages) missing, 2 usage or I/O.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Bundle } from '../../data/bundle-types.js';
import { readBundleTimezone } from '../../data/manifest.js';
import { openBundle } from '../../data/open-bundle.js';
import { shownReason, shownValue } from '../../data/rejected-csv.js';
import { TABLES, tableSpecs } from '../../data/table-specs.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, helpIn, parseLocale, type CliIo } from '../io.js';
import { DEFAULT_TIMEZONE } from '../../policy/model/defaults.js';
import { say } from '../../i18n/localized-text.js';
import { messageIn } from '../../i18n/localized-error.js';

const help = `用法 / usage: qungui bundle check DIR [--month YYYY-MM] [--timezone Z (default: bundle.yaml timezone, else Asia/Shanghai)] [--show N] [--locale zh-CN|zh-TW|en] [--no-redact]
  --no-redact   被拒绝的行显示完整的值（默认遮盖号码与邮箱并截短）/ show rejected cells whole (default: numbers and e-mails masked, cut short)
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    // Every boolean option has its --no- form (--no-strict, --no-quiet, --no-redact).
    allowNegative: true,
    allowPositionals: true,
    options: {
      month: { type: 'string' },
      timezone: { type: 'string' },
      show: { type: 'string', default: '5' },
      locale: { type: 'string' },
      // --no-redact (allowNegative): masking is on unless the user turns it off.
      redact: { type: 'boolean', default: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(helpIn(help, parseLocale(values.locale, io.env)));
    return EXIT_OK;
  }
  const locale = parseLocale(values.locale, io.env);
  const [sub, dirArg] = positionals;
  if (sub !== 'check' || !dirArg) throw new UsageError(help);
  const dir = resolve(io.cwd, dirArg);
  const month = values.month ?? /(\d{4}-\d{2})\/?$/.exec(dir)?.[1];
  const show = Number(values.show);
  let bundle: Bundle;
  try {
    // --timezone, else bundle.yaml's timezone, else the policies' default zone (China Standard Time).
    const timezone = values.timezone ?? (await readBundleTimezone(dir)) ?? DEFAULT_TIMEZONE;
    bundle = await openBundle(dir, { timezone, ...(month ? { month } : {}) });
    for (const table of TABLES) {
      if (!bundle.present.has(table)) continue;
      if (table === 'messages')
        for await (const _ of bundle.messages()) {
          /* count */
        }
      else await bundle.load(table);
    }
  } catch (error) {
    io.stderr(`qungui bundle check: ${messageIn(error, locale)}\n`);
    return EXIT_USAGE;
  }
  const out: string[] = [
    say(locale, '数据包 {dirArg}{value}', 'bundle {dirArg}{value2}', { dirArg, value: month ? `（${month}）` : '', value2: month ? ` (${month})` : '' }),
    '',
  ];
  out.push(say(locale, '表            读取      接受      拒绝      跳过', 'table         read  accepted  rejected   skipped'));
  for (const table of TABLES) {
    const c = bundle.counts[table];
    if (!c) {
      out.push(`${table.padEnd(12)}  ${say(locale, '（无文件：相关条款不评估）', '(no file: its clauses are not evaluated)')}`);
      continue;
    }
    out.push(
      `${table.padEnd(12)}${String(c.read).padStart(6)}${String(c.accepted).padStart(10)}${String(c.rejected).padStart(10)}${String(c.skipped ?? 0).padStart(10)}  ${locale === 'en' ? '' : tableSpecs[table].title[locale]}`.trimEnd(),
    );
    for (const { reason, count } of Object.values(c.skippedReasons ?? {}))
      out.push(`${' '.repeat(14)}${say(locale, '跳过', 'skipped')} ${count}: ${reason[locale]}`);
  }
  // DESIGN.md "Monthly data bundle": only members and messages are required; without them the month's
  // job can rate no one, so say so here rather than after the run.
  const missingTables = (['members', 'messages'] as const).filter((t) => !bundle.present.has(t));
  for (const table of missingTables)
    out.push(
      '',
      say(
        locale,
        '✖ 缺少必需的表 {table}（{value}）：放入 {table}.csv/.jsonl/.xlsx 或在 bundle.yaml 中映射',
        '✖ required table {table} is missing: add {table}.csv/.jsonl/.xlsx or map it in bundle.yaml',
        { table, value: tableSpecs[table].title },
      ),
    );
  const rejected = bundle.rejected;
  if (rejected.length) {
    out.push(
      '',
      say(locale, '前 {min} 条被拒绝的行（共 {length} 条）：', 'first {min} of {length} rejected rows:', {
        min: Math.min(show, rejected.length),
        length: rejected.length,
      }),
    );
    const redact = values.redact;
    for (const r of rejected.slice(0, show)) {
      const value = shownValue(r, redact);
      out.push(
        `  ${r.file}:${r.line}  ${r.table}${r.field ? `.${r.field}` : ''}  ${shownReason(r, locale, redact)}${value ? say(locale, '（值：“{value}”）', ' (value: "{value}")', { value }) : ''}`,
      );
    }
  } else if (missingTables.length === 0) {
    // Never "all accepted" for a bundle the monthly job cannot rate anyone from.
    out.push('', say(locale, '✔ 所有行都已接受', '✔ every row accepted'));
  }
  io.stdout(`${out.join('\n')}\n`);
  return rejected.length || missingTables.length ? EXIT_FINDINGS : EXIT_OK;
}
