// `qungui render P [--format md|html] [--locale zh-CN|zh-TW|en] [--out FILE [--force]]` (CLI contract: exit 0 / 2).
// A policy with validation errors is refused: a regulation must not be published from a broken file.
// --out never replaces an existing file without --force, and never the policy itself.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { QunguiTrainingGroupPolicy } from '../../policy/policy-types.generated.js';
import { validatePolicy } from '../../policy/validate.js';
import { renderRegulation } from '../../render/index.js';
import { formatText } from '../formats/text.js';
import { commitOutputFile, prepareOutputFile } from '../output-folder.js';
import { EXIT_OK, EXIT_USAGE, UsageError, helpIn, parseLocale, type CliIo } from '../io.js';
import { say } from '../../i18n/localized-text.js';
import { badChoice } from '../usage-errors.js';

const help = `用法 / usage: qungui render POLICY [--format md|html] [--locale zh-CN|zh-TW|en] [--out FILE [--force]]
  生成群成员阅读的群规制度文本 / the regulation document members read
  --out FILE    写入文件（不给则输出到终端）/ write to FILE (default: standard output)
  --force       替换已存在的 FILE（群规文件本身永不替换）/ replace an existing FILE (never the policy itself)
退出码 / exit: 0 完成 done · 2 用法、群规有错误、--out 被拒绝或读写错误 usage, policy errors, a refused --out, I/O
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    // Every boolean option has its --no- form (--no-strict, --no-quiet, --no-redact).
    allowNegative: true,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'md' },
      locale: { type: 'string' },
      out: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(helpIn(help, parseLocale(values.locale, io.env)));
    return EXIT_OK;
  }
  const locale = parseLocale(values.locale, io.env);
  const format = values.format;
  if (format !== 'md' && format !== 'html') throw new UsageError(badChoice('--format', ['md', 'html'], String(format), locale));
  if (positionals.length !== 1) throw new UsageError(`${say(locale, '请给出一个群规文件', 'give one policy file')}\n\n${help}`);
  const file = positionals[0]!;
  const target = values.out === undefined ? undefined : await prepareOutputFile(values.out, io.cwd, { force: values.force, inputs: { policies: [file] } });
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    io.stderr(
      say(locale, 'qungui render：无法读取 {file}（{reason}）\n', 'qungui render: cannot read {file} ({reason})\n', {
        file,
        reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
      }),
    );
    return EXIT_USAGE;
  }
  const validated = validatePolicy({ file, text });
  const errors = validated.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || validated.value === undefined) {
    io.stderr(formatText([{ file, text, diagnostics: errors }], { locale, color: false }));
    io.stderr(say(locale, 'qungui render: 群规有错误，请先修正\n', 'qungui render: the policy has errors; fix them first\n'));
    return EXIT_USAGE;
  }
  // The document speaks the language asked for, else the one the policy names for its document
  // (document.locale); messages to the terminal stay in the user's.
  const documentLocale = (values.locale === undefined ? (validated.value as QunguiTrainingGroupPolicy).document?.locale : undefined) ?? locale;
  const { text: output, document } = renderRegulation(validated.value, { format, locale: documentLocale });
  if (document.gaps.length > 0) {
    io.stderr(
      say(locale, '注意：以下设置未填写，文中留空：{gaps}\n', 'note: these settings are missing and left as gaps: {gaps2}\n', {
        gaps: document.gaps.join('、'),
        gaps2: document.gaps.join(', '),
      }),
    );
  }
  if (target) {
    await commitOutputFile(target, output);
  } else {
    io.stdout(output);
  }
  return EXIT_OK;
}
