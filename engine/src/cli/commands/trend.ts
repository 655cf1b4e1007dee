// `qungui trend --archive DIR [--from YYYY-MM] [--to YYYY-MM] [--group ID] [--format md|json]`: the
// period's summary from the months `evaluate --archive` stored. Exit 0 shown, 2 usage or an archive that
// cannot be read (named).
import { parseArgs } from 'node:util';
import { say } from '../../i18n/localized-text.js';
import { trend } from '../../report/trend.js';
import { trendMarkdown } from '../../report/trend-md.js';
import { readArchivedMonths } from '../archive.js';
import { EXIT_OK, UsageError, helpIn, parseLocale, type CliIo } from '../io.js';
import { badChoice } from '../usage-errors.js';
import { resolve } from 'node:path';
import { at } from '../../policy/model/view.js';

const help = `用法 / usage: qungui trend --archive DIR [--from YYYY-MM] [--to YYYY-MM] [--group ID] [--format md|json] [--locale zh-CN|zh-TW|en]
  一段时间（季度、年度）的考核趋势：各群各月的评级人数与比例、加扣分、后续措施、连续不合格，进步最大和需要关注的成员，期间的群规变动
  / the period's summary: per group and month the ratings with rates, points, follow-ups, repeated failures; who improved; who needs attention; policy changes
退出码 / exit: 0 完成 done · 2 用法或归档无法读取 usage or an unreadable archive
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
  if (values.format !== 'md' && values.format !== 'json') throw new UsageError(badChoice('--format', ['md', 'json'], String(values.format), locale));
  for (const [flag, value] of [
    ['--from', values.from],
    ['--to', values.to],
  ] as const)
    if (value !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
      throw new UsageError(say(locale, '{flag} 应为 YYYY-MM，这里是 {value}', '{flag}: expected YYYY-MM, got {value}', { flag, value }));
  const months = await readArchivedMonths(resolve(io.cwd, values.archive));
  const result = trend(months, {
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(values.group ? { group: values.group } : {}),
  });
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT_OK;
  }
  // Labels and rating order from the latest month's policy of each group.
  const latest = (policyId: string) =>
    [...months]
      .reverse()
      .find((m) => m.policies.has(policyId))
      ?.policies.get(policyId);
  const ratings = (policyId: string) => (at(latest(policyId), 'ratings') as { id: string; label: string; labelEn?: string }[] | undefined) ?? [];
  const label = (policyId: string, rating: string) => {
    const r = ratings(policyId).find((x) => x.id === rating);
    return r ? (locale === 'en' ? (r.labelEn ?? r.id) : r.label) : rating;
  };
  io.stdout(trendMarkdown(result, label, (id) => ratings(id).map((r) => r.id), locale));
  return EXIT_OK;
}
