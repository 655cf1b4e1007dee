// `qungui validate PATH…` (CLI contract): exit 0 clean, 1 errors (or warnings over --max-warnings),
// 2 usage or I/O.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Locale } from '../../diagnostics/diagnostic.js';
import { parseArgs } from 'node:util';
import { validatePolicies } from '../../policy/validate.js';
import { collectPolicyFiles } from '../collect-files.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, helpIn, parseLocale, type CliIo } from '../io.js';
import { say } from '../../i18n/localized-text.js';
import { badChoice } from '../usage-errors.js';
import { counts, type FileReport, type Formatter } from '../formats/format.js';
import { formatText } from '../formats/text.js';
import { formatJson } from '../formats/json.js';
import { formatSarif } from '../formats/sarif.js';
import { formatJunit } from '../formats/junit.js';
import { formatGithub } from '../formats/github.js';

const formatters: Record<string, Formatter> = { text: formatText, json: formatJson, sarif: formatSarif, junit: formatJunit, github: formatGithub };

const help = `用法 / usage: qungui validate PATH… [--format text|json|sarif|junit|github] [--locale zh-CN|zh-TW|en] [--max-warnings N] [--quiet] [-o FILE]

  PATH   文件、文件夹或通配符；文件夹中只检查声明 apiVersion: qungui/v1 的 YAML 文件
         files, folders (YAML files declaring apiVersion: qungui/v1) or globs
  --max-warnings N       警告超过 N 个时退出码为 1（-1 不限）/ exit 1 over N warnings (-1: no limit)
  --quiet                只显示错误 / show errors only (warnings still count for --max-warnings)
  -o, --output-file FILE 把结果写入文件，不输出到屏幕 / write the report to FILE instead of stdout
退出码 / exit: 0 没有错误 clean · 1 有错误或警告超过上限 errors (or too many warnings) · 2 用法或读取错误 usage or I/O
`;

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    // Every boolean option has its --no- form (--no-strict, --no-quiet, --no-redact).
    allowNegative: true,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      locale: { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      'output-file': { type: 'string', short: 'o' },
      color: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(helpIn(help, parseLocale(values.locale, io.env)));
    return EXIT_OK;
  }
  const locale = parseLocale(values.locale, io.env);
  const formatter = formatters[values.format!];
  if (!formatter) throw new UsageError(badChoice('--format', Object.keys(formatters), values.format!, locale));
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1)
      throw new UsageError(
        say(locale, '--max-warnings 应为整数（-1 表示不限），这里是 {value}', '--max-warnings: expected a whole number (-1: no limit), got {value}', {
          value: values['max-warnings'],
        }),
      );
  }
  if (positionals.length === 0) throw new UsageError(`${say(locale, '请给出要检查的文件或文件夹', 'give at least one PATH')}\n\n${help}`);

  const { files, missing, passedOver } = await collectPolicyFiles(positionals, io.cwd);
  for (const path of missing) io.stderr(say(locale, 'qungui validate：找不到 {path}\n', 'qungui validate: {path}: not found\n', { path }));
  if (files.length === 0) {
    if (missing.length === 0) io.stderr(noPolicyText(positionals.join(' '), passedOver, locale));
    return EXIT_USAGE;
  }

  const sources: { file: string; text: string; byteLength: number }[] = [];
  let ioError = missing.length > 0;
  for (const found of files) {
    try {
      const bytes = await readFile(found.absolute);
      let text = decoder.decode(bytes);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      sources.push({ file: found.display, text, byteLength: bytes.length });
    } catch (error) {
      io.stderr(
        say(locale, 'qungui validate：无法读取 {file}（{reason}）\n', 'qungui validate: cannot read {file} ({reason})\n', {
          file: found.display,
          reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
        }),
      );
      ioError = true;
    }
  }
  const reports: FileReport[] = validatePolicies(sources).map((v) => ({ file: v.file, text: v.text, diagnostics: v.diagnostics }));
  const shown = values.quiet ? reports.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : reports;
  const output = values['output-file'];
  if (output !== undefined) {
    const target = resolve(io.cwd, output);
    // The report never replaces what it reports on.
    if (files.some((f) => f.absolute === target)) {
      throw new UsageError(
        say(locale, '-o {output} 是要检查的群规文件本身，不能用来保存结果', '-o {output} is one of the policies being checked; write the report elsewhere', {
          output,
        }),
      );
    }
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, formatter(shown, { locale, color: false, errorsOnly: values.quiet === true }));
    } catch (error) {
      io.stderr(
        say(locale, 'qungui validate：无法写入 {output}（{message}）\n', 'qungui validate: cannot write {output} ({message})\n', {
          output,
          message: (error as Error).message,
        }),
      );
      return EXIT_USAGE;
    }
  } else {
    const color = values.color ?? (io.env.QUNGUI_COLOR === undefined ? io.isTTY : io.env.QUNGUI_COLOR === '1');
    io.stdout(formatter(shown, { locale, color, errorsOnly: values.quiet === true }));
  }

  if (ioError) return EXIT_USAGE;
  const { errorCount, warningCount } = counts(reports);
  if (errorCount > 0) return EXIT_FINDINGS;
  if (maxWarnings >= 0 && warningCount > maxWarnings) {
    io.stderr(
      say(locale, '警告数 {warningCount} 超过上限 --max-warnings {maxWarnings}\n', '{warningCount} warnings exceed --max-warnings {maxWarnings}\n', {
        warningCount,
        maxWarnings,
      }),
    );
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** Nothing to validate: say what the folders held instead, and what to do with it. */
function noPolicyText(where: string, passedOver: { tests: string[]; other: string[] }, locale: Locale): string {
  const lines = [
    say(
      locale,
      'qungui validate：{where} 中没有群规文件（群规文件以 apiVersion: qungui/v1 开头）。',
      'qungui validate: no policy file in {where} (a policy starts with apiVersion: qungui/v1).',
      { where },
    ),
  ];
  const list = (files: string[]) => files.map((file) => `  ${file}`).join('\n');
  if (passedOver.tests.length > 0) {
    lines.push(
      say(
        locale,
        '找到 {length} 个群规测试文件（kind: PolicyTest），请用 qungui test 运行：',
        'Found {length, plural, one {# policy test file} other {# policy test files}} (kind: PolicyTest); run them with qungui test:',
        { length: passedOver.tests.length },
      ),
      list(passedOver.tests),
    );
  }
  if (passedOver.other.length > 0) {
    lines.push(
      say(
        locale,
        '另有 {length} 个 YAML 文件不是群规：',
        '{length, plural, one {# other YAML file is not a policy} other {# other YAML files are not policies}}:',
        { length: passedOver.other.length },
      ),
      list(passedOver.other),
    );
  }
  return `${lines.join('\n')}\n`;
}
