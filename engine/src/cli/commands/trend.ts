// `qungui trend --archive DIR [--from YYYY-MM] [--to YYYY-MM] [--group ID] [--format md|html|json|xlsx]
// [--out FILE]`: the period's summary from the months `evaluate --archive` stored. Exit 0 done, 2 usage,
// a refused --out or an archive that cannot be read (named).
import { parseArgs } from 'node:util';
import { say } from '../../i18n/localized-text.js';
import { TrendBuilder } from '../../report/trend.js';
import { labelsFromPolicies } from '../../report/labels.js';
import { trendHtml } from '../../report/trend-html.js';
import { trendMarkdown } from '../../report/trend-md.js';
import { trendXlsx } from '../../report/trend-xlsx.js';
import { commitOutputFile, prepareOutputFile } from '../output-folder.js';
import { archivedMonthNames, readArchivedMonth } from '../archive.js';
import { EXIT_OK, UsageError, helpIn, parseLocale, type CliIo } from '../io.js';
import { badChoice } from '../usage-errors.js';
import { realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { previousMonth } from '../../evaluate/time.js';

const FORMATS = ['md', 'html', 'json', 'xlsx'] as const;

const help = `用法 / usage: qungui trend --archive DIR [--from YYYY-MM] [--to YYYY-MM] [--group ID] [--format md|html|json|xlsx] [--out FILE [--force]] [--locale zh-CN|zh-TW|en]
  一段时间（季度、年度）的考核趋势：各群各月的评级人数与比例、加扣分、后续措施、连续不合格，进步最大和需要关注的成员，期间的群规变动
  / the period's summary: per group and month the ratings with rates, points, follow-ups, repeated failures; who improved; who needs attention; policy changes
  --format      md（默认）、html、json 或 xlsx（xlsx 需要 --out）/ md (default), html, json or xlsx (xlsx needs --out)
  --out FILE    写入文件（不给则输出到终端）；已有文件需 --force 才替换 / write to FILE (default: standard output); an existing file only with --force
退出码 / exit: 0 完成 done · 2 用法、归档无法读取或 --out 被拒绝 usage, an unreadable archive or a refused --out
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    allowNegative: true,
    options: {
      archive: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      group: { type: 'string' },
      format: { type: 'string', default: 'md' },
      out: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(helpIn(help, parseLocale(values.locale, io.env)));
    return EXIT_OK;
  }
  const locale = parseLocale(values.locale, io.env);
  if (!values.archive) throw new UsageError(`${say(locale, '请用 --archive 指定归档文件夹', 'give the archive folder with --archive')}\n\n${help}`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(badChoice('--format', [...FORMATS], String(values.format), locale));
  if (format === 'xlsx' && values.out === undefined)
    throw new UsageError(say(locale, '--format xlsx 需要用 --out 指定文件（例如 --out trend.xlsx）', '--format xlsx needs --out FILE (e.g. --out trend.xlsx)'));
  for (const [flag, value] of [
    ['--from', values.from],
    ['--to', values.to],
  ] as const)
    if (value !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
      throw new UsageError(say(locale, '{flag} 应为 YYYY-MM，这里是 {value}', '{flag}: expected YYYY-MM, got {value}', { flag, value }));
  const target = values.out === undefined ? undefined : await prepareOutputFile(values.out, io.cwd, { force: values.force ?? false });
  // A month at a time: a year of 5,000-member months would not fit in memory side by side.
  const archive = resolve(io.cwd, values.archive);
  const options = {
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(values.group ? { group: values.group } : {}),
  };
  if (values.from && values.to && values.from > values.to)
    throw new UsageError(say(locale, '--from {from} 晚于 --to {to}', '--from {from} is after --to {to}', { from: values.from, to: values.to }));
  if (!(await stat(archive).catch(() => undefined))?.isDirectory())
    throw new UsageError(say(locale, '找不到归档文件夹 {archive}', 'no archive folder {archive}', { archive: values.archive }));
  const archiveReal = await realpath(archive);
  if (target && (target.path === archiveReal || target.path.startsWith(archiveReal + sep)))
    throw new UsageError(
      say(locale, '--out {out} 在归档 {archive} 之内，写入会改动归档；请把它放在归档之外', '--out {out} is inside the archive {archive}: put it outside', {
        out: values.out!,
        archive: values.archive,
      }),
    );
  const builder = new TrendBuilder(options);
  // The month before the period, if archived: a change in the period's first month is named against it.
  if (values.from) {
    const before = (await archivedMonthNames(archive, { to: previousMonth(values.from) })).at(-1);
    if (before) builder.startFrom(await readArchivedMonth(archive, before));
  }
  // Rating labels and order from each group's latest archived policy.
  const latest = new Map<string, unknown>();
  for (const name of await archivedMonthNames(archive, options)) {
    const month = await readArchivedMonth(archive, name);
    builder.add(month);
    for (const [id, policy] of month.policies) latest.set(id, policy);
  }
  const result = builder.finish();
  if (values.group && !result.groups.length)
    throw new UsageError(
      say(locale, '归档中没有群规 {group} 的月份；归档中的群规：{known}', 'the archive holds no month of the policy {group}; its policies: {known}', {
        group: values.group,
        known: [...latest.keys()].sort().join(say(locale, '、', ', ')) || say(locale, '（无）', '(none)'),
      }),
    );
  const book = labelsFromPolicies([...latest.values()].map((value) => ({ value })));
  const output: string | Buffer =
    format === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : format === 'html'
        ? trendHtml(result, book, locale)
        : format === 'xlsx'
          ? await trendXlsx(result, book, locale)
          : trendMarkdown(result, book, locale);
  if (target) await commitOutputFile(target, output);
  else io.stdout(String(output));
  return EXIT_OK;
}
