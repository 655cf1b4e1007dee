// `qungui diff --policy A --policy B --data D [--month YYYY-MM] [--format text|json|md]`: evaluates both
// versions on the same data and lists every member whose outcome changes (CLI contract: exit 0).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openBundle } from '../../data/index.js';
import { evaluate } from '../../evaluate/index.js';
import { diffResults } from '../../diff/diff-results.js';
import { diffJson, diffMarkdown, diffText } from '../../diff/format-diff.js';
import { validatePolicy, type ValidatedPolicy } from '../../policy/validate.js';
import { formatText } from '../formats/text.js';
import { EXIT_OK, EXIT_USAGE, UsageError, helpIn, parseLocale, type CliIo } from '../io.js';
import { say } from '../../i18n/localized-text.js';
import { badChoice } from '../usage-errors.js';
import { timezoneOf } from '../../policy/model/defaults.js';

const help = `用法 / usage: qungui diff --policy A --policy B --data DIR [--month YYYY-MM] [--format text|json|md] [--locale zh-CN|zh-TW|en]
  在同一份数据上比较群规的两个版本，列出结果变化的成员 / which members' outcomes change between two versions
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    // Every boolean option has its --no- form (--no-strict, --no-quiet, --no-redact).
    allowNegative: true,
    options: {
      policy: { type: 'string', multiple: true },
      data: { type: 'string' },
      month: { type: 'string' },
      format: { type: 'string', default: 'text' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(helpIn(help, parseLocale(values.locale, io.env)));
    return EXIT_OK;
  }
  const locale = parseLocale(values.locale, io.env);
  const policies = values.policy ?? [];
  if (policies.length !== 2 || !values.data)
    throw new UsageError(`${say(locale, '需要两个 --policy 和一个 --data', 'give two --policy and one --data')}\n\n${help}`);
  if (!['text', 'json', 'md'].includes(values.format!)) throw new UsageError(badChoice('--format', ['text', 'json', 'md'], values.format!, locale));
  const dataDir = resolve(io.cwd, values.data);
  const month = values.month ?? /(\d{4}-\d{2})\/?$/.exec(dataDir)?.[1];
  if (!month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new UsageError(
      say(locale, '数据文件夹不是以月份命名时，请用 --month YYYY-MM 指定月份', '--month YYYY-MM is needed when the data folder is not named after the month'),
    );

  const loaded: ValidatedPolicy[] = [];
  for (const file of policies) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      io.stderr(
        say(locale, 'qungui diff：无法读取 {file}（{reason}）\n', 'qungui diff: cannot read {file} ({reason})\n', {
          file,
          reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
        }),
      );
      return EXIT_USAGE;
    }
    const validated = validatePolicy({ file, text });
    const errors = validated.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      io.stderr(formatText([{ file, text, diagnostics: errors }], { locale, color: false }));
      return EXIT_USAGE;
    }
    loaded.push(validated);
  }
  const [before, after] = loaded as [ValidatedPolicy, ValidatedPolicy];
  const timezone = timezoneOf(before.value);
  const run = async (policy: ValidatedPolicy) => evaluate({ policies: [policy], bundle: await openBundle(dataDir, { timezone, month }), month });
  const diff = diffResults({ result: await run(before), policy: before }, { result: await run(after), policy: after });
  io.stdout(values.format === 'json' ? diffJson(diff) : values.format === 'md' ? diffMarkdown(diff, locale) : diffText(diff, locale));
  return EXIT_OK;
}
