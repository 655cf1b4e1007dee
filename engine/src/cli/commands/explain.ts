// `qungui explain --policy P --data D --month M --member ID|NAME [--group ROOM]`: one member's card —
// every band table with the member's values, the overall method, points and follow-ups with the
// policy lines behind them, and their findings — for a dispute at the desk. The same card as the one
// in report.html (report/member-card-lines.ts). Exit 0 shown, 2 usage, I/O or no such member.
import { parseArgs } from 'node:util';
import { evaluate } from '../../evaluate/evaluate.js';
import { suggest } from '../../diagnostics/suggest.js';
import { say } from '../../i18n/localized-text.js';
import { labelsFromPolicies } from '../../report/labels.js';
import { memberCard } from '../../report/member-card.js';
import { cardText } from '../../report/member-card-lines.js';
import { EXIT_OK, EXIT_USAGE, UsageError, helpIn, parseLocale, type CliIo } from '../io.js';
import { loadMonth } from '../month-inputs.js';
import { readArchivedMonths } from '../archive.js';
import { resolve } from 'node:path';
import type { EvaluationResult } from '../../evaluate/result-types.js';

const help = `用法 / usage: qungui explain --policy P --data D --month YYYY-MM --member ID|姓名 [--group ROOM] [--locale zh-CN|zh-TW|en]
       qungui explain --archive DIR --month YYYY-MM --member ID|姓名   （归档的月份，按当时的群规 / an archived month, against the policies of then）
  一名成员的评级说明：各维度档位表与本人数值、综合评级方法、绩效分与后续措施的依据、本月发现
  / one member's card: each band table with their values, the overall method, points and follow-ups with the policy behind them, their findings
  --member      成员 ID 或姓名 / the member's id or name
  --group       成员在多个群时只看这个群聊 / only this chat room when the member is in several
退出码 / exit: 0 完成 done · 2 用法或读写错误、没有这名成员 usage, I/O, no such member
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    allowNegative: true,
    options: {
      policy: { type: 'string', multiple: true },
      data: { type: 'string' },
      month: { type: 'string' },
      member: { type: 'string' },
      group: { type: 'string' },
      archive: { type: 'string' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(helpIn(help, parseLocale(values.locale, io.env)));
    return EXIT_OK;
  }
  const locale = parseLocale(values.locale, io.env);
  const fromArchive = values.archive !== undefined;
  if (!values.month || !values.member || (!fromArchive && (!values.policy?.length || !values.data)))
    throw new UsageError(
      `${say(locale, '请给出 --policy、--data、--month 和 --member（或 --archive、--month 和 --member）', 'give --policy, --data, --month and --member (or --archive, --month and --member)')}\n\n${help}`,
    );
  // An archived month is explained as it was rated: its result, against the policies in force then.
  let result: EvaluationResult;
  let policyValues: Map<string, unknown>;
  if (fromArchive) {
    const month = (await readArchivedMonths(resolve(io.cwd, values.archive!), { from: values.month, to: values.month }))[0];
    if (!month) {
      io.stderr(say(locale, 'qungui explain：归档中没有 {month}\n', 'qungui explain: the archive holds no {month}\n', { month: values.month }));
      return EXIT_USAGE;
    }
    result = month.result;
    policyValues = month.policies;
  } else {
    const loaded = await loadMonth({ command: 'explain', policy: values.policy!, data: values.data!, month: values.month }, io, locale);
    if (typeof loaded === 'number') return loaded;
    result = await evaluate({ policies: loaded.policies, bundle: loaded.bundle, month: values.month });
    policyValues = new Map(loaded.policies.map((p) => [(p.value as { metadata: { id: string } }).metadata.id, p.value]));
  }
  const wanted = values.member;
  const members = result.members.filter((m) => (m.memberId === wanted || m.name === wanted) && (values.group === undefined || m.groupId === values.group));
  if (members.length === 0) {
    const [closest] = suggest(wanted, [...new Set(result.members.flatMap((m) => [m.memberId, ...(m.name ? [m.name] : [])]))]);
    io.stderr(
      say(locale, 'qungui explain：{month} 没有成员“{wanted}”{hint}\n', 'qungui explain: no member “{wanted}” in {month}{hint}\n', {
        month: values.month,
        wanted,
        hint: closest ? say(locale, '；您是不是要找“{closest}”？', '; did you mean “{closest}”?', { closest }) : '',
      }),
    );
    return EXIT_USAGE;
  }
  const book = labelsFromPolicies([...policyValues.values()].map((value) => ({ value })));
  const cards = members.map((m) => cardText(memberCard(result, m, policyValues.get(m.policyId), book, result.findings), result.month, locale));
  io.stdout(cards.join('\n'));
  return EXIT_OK;
}
