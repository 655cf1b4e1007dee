// `qungui evaluate --policy P --data D --out O` (CLI contract): the monthly job. Exit 0 done, 1 rejected
// rows under --strict or a month that cannot be trusted (see month-problems.ts), 2 usage or I/O (or a policy with validation errors, printed with its diagnostics).
// The output folder is checked before any work and written through ../output-folder.ts: only files
// qungui wrote there are replaced, and a failed run leaves no half-written output.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rejectedToCsv } from '../../data/index.js';
import { evaluate } from '../../evaluate/evaluate.js';
import { CelBudgetError } from '../../evaluate/cel-budget.js';
import type { EvaluationResult } from '../../evaluate/result-types.js';
import { parseMonth, previousMonth } from '../../evaluate/time.js';
import type { ValidatedPolicy } from '../../policy/validate.js';
import { loadMonth } from '../month-inputs.js';
import { archiveMonth, checkArchiveTarget, readArchivedMonths } from '../archive.js';
import { policyEffects } from '../policy-effects.js';
import { HISTORY_MONTHS } from '../../report/member-history.js';
import { commitOutputFolder, prepareOutputFolder, refuseArchiveFolder } from '../output-folder.js';
import { progressLine } from '../progress.js';
import { labelsFromPolicies, writeReports } from '../../report/index.js';
import { writeJsonFile } from '../../report/result-json.js';
import { headcount } from '../../report/summary.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, helpIn, parseLocale, type CliIo } from '../io.js';
import type { Locale } from '../../diagnostics/diagnostic.js';
import { say } from '../../i18n/localized-text.js';
import { badChoice } from '../usage-errors.js';
import { localized } from '../../i18n/localized-text.js';
import { messageIn, textOf } from '../../i18n/localized-error.js';

const help = `用法 / usage: qungui evaluate --policy P --data D --out O [--month YYYY-MM] [--archive DIR [--replace]] [--history DIR]
       [--format xlsx] [--strict] [--max-rejected PCT] [--locale zh-CN|zh-TW|en] [--no-redact] [--now ISO]

  --policy P    群规文件或文件夹，可重复 / policy file or folder, repeatable
  --data D      月度数据包文件夹 / the month's data bundle folder
  --out O       输出文件夹：新的、空的或 qungui 以前的输出；只替换 qungui 写的文件
                / output folder: new, empty or an earlier qungui output; only files qungui wrote are replaced
  --month       考核月份（默认：--now 的上一个月）/ month (default: the month before --now)
  --archive DIR 月度归档：以往月份从这里读取（R2 升级），本月结果和群规副本存入 DIR/YYYY-MM/
                / the archive: earlier months read from it (R2), this month's result and policies stored in DIR/YYYY-MM/
  --replace     替换归档中已有的本月（其他月份不动）/ replace this month in the archive (no other month is touched)
  --history DIR 以往月份的输出（R2 升级；可改用 --archive）/ earlier months' outputs (R2; --archive does it too)
  --strict      有被拒绝的数据行时以 1 退出 / exit 1 when any row was rejected
  --max-rejected PCT  一个表被拒绝的行超过此百分比时以 1 退出（默认 5）/ exit 1 when more than PCT % of a table's rows are rejected (default 5)
  --no-redact   证据和 rejected.csv 中显示完整号码与邮箱 / show full numbers and e-mails in evidence and rejected.csv
  --now ISO     写入 generatedAt；不给则输出不含时钟 / written as generatedAt; without it no clock
退出码 / exit: 0 完成 done · 1 无法可靠考核（缺少成员或消息表、本月没有消息、被拒绝的行过多）或 --strict 下有被拒绝的行 / the month cannot be trusted (members or messages missing or empty, no message in the month, too many rows rejected) or rejected rows under --strict · 2 用法或读写错误 usage or I/O
       （含拒绝的 --out：非空且不是 qungui 输出的文件夹、文件、数据或群规所在位置、不可写、另一进程正在写入
        / incl. a refused --out: a non-empty folder that is no qungui output, a file, the data or a policy, unwritable, busy)
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    // Every boolean option has its --no- form (--no-strict, --no-quiet, --no-redact).
    allowNegative: true,
    options: {
      policy: { type: 'string', multiple: true },
      data: { type: 'string' },
      out: { type: 'string' },
      month: { type: 'string' },
      history: { type: 'string' },
      archive: { type: 'string' },
      replace: { type: 'boolean' },
      format: { type: 'string', multiple: true },
      strict: { type: 'boolean' },
      'max-rejected': { type: 'string' },
      locale: { type: 'string' },
      // --no-redact (allowNegative): masking is on unless the user turns it off.
      redact: { type: 'boolean', default: true },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(helpIn(help, parseLocale(values.locale, io.env)));
    return EXIT_OK;
  }
  const locale = parseLocale(values.locale, io.env);
  if (!values.policy?.length || !values.data || !values.out)
    throw new UsageError(`${say(locale, '需要 --policy、--data 和 --out', '--policy, --data and --out are required')}\n\n${help}`);
  const formats = (values.format ?? []).flatMap((f) => f.split(','));
  for (const format of formats) if (format !== 'xlsx') throw new UsageError(badChoice('--format', ['xlsx'], format, locale));
  if (values.now !== undefined && Number.isNaN(Date.parse(values.now)))
    throw new UsageError(
      say(locale, '--now 应为 ISO 8601 时间（例如 2026-11-01T09:00:00+08:00），这里是 {now}', '--now: expected an ISO 8601 time, got {now}', {
        now: values.now,
      }),
    );
  const maxRejected = parseMaxRejected(values['max-rejected']);
  const month = values.month ?? (values.now !== undefined ? previousMonth(values.now.slice(0, 7)) : undefined);
  if (month === undefined) throw new UsageError(say(locale, '请用 --month YYYY-MM 指定考核月份', 'give --month YYYY-MM (or --now)'));
  try {
    parseMonth(month);
  } catch (error) {
    throw new UsageError(localized('--month：{reason}', '--month: {reason}', { reason: textOf(error) }));
  }
  const output = await prepareOutputFolder(values.out, io.cwd, { data: values.data, policies: values.policy });
  const archiveDir = values.archive === undefined ? undefined : resolve(io.cwd, values.archive);
  if (archiveDir) {
    await refuseArchiveFolder(values.archive!, io.cwd, { data: values.data, policies: values.policy }, output);
    await checkArchiveTarget(archiveDir, month, values.replace ?? false);
  }

  const loaded = await loadMonth({ command: 'evaluate', policy: values.policy, data: values.data, month }, io, locale);
  if (typeof loaded === 'number') return loaded;
  const { policies, bundle } = loaded;
  // Earlier months for R2: the archive's, and those of --history (the older way to give them).
  const archived = archiveDir ? await readArchivedMonths(archiveDir, { from: earliestNeeded(month, policies), except: month, to: month }) : [];
  const earlier = [
    ...archived,
    ...(values.history
      ? (await readHistory(resolve(io.cwd, values.history), io, locale)).map((result) => ({ result, policies: new Map<string, unknown>() }))
      : []),
  ];
  const history = earlier.map((m) => m.result);
  const progress = io.isTTY
    ? (done: number) => {
        const bytes = bundle.messageProgress?.();
        io.stderr(`\r${progressLine(bytes && bytes.total > 0 ? bytes.read / bytes.total : 0, done, locale)}`);
      }
    : undefined;
  let result: EvaluationResult;
  try {
    result = await evaluate({
      policies: policies as ValidatedPolicy[],
      bundle,
      month,
      history,
      redact: values.redact,
      maxRejected,
      ...(values.now !== undefined ? { now: values.now } : {}),
      ...(progress ? { onProgress: progress } : {}),
    });
  } catch (error) {
    // A CEL condition that ran past its step budget on this month's data: the policy's file and line,
    // what to do, nothing written.
    if (error instanceof CelBudgetError) {
      if (progress) io.stderr('\n');
      io.stderr(`qungui evaluate: ${error.describe()[locale]}\n`);
      return EXIT_USAGE;
    }
    // A bundle file that cannot be read at all: name it and stop, nothing written.
    if ((error as Error).name !== 'SourceReadError') throw error;
    if (progress) io.stderr('\n');
    io.stderr(`qungui evaluate: ${messageIn(error, locale)}\n`);
    return EXIT_USAGE;
  }
  if (progress) io.stderr('\n');

  // A policy changed since the month before: what the change did to this month's ratings.
  const effects = archived.length ? await policyEffects(result, policies as ValidatedPolicy[], archived, loaded.reopen, values.redact) : new Map();
  await commitOutputFolder(output, async (dir) => {
    await writeJsonFile(join(dir, 'result.json'), result as unknown as Record<string, unknown>);
    await writeFile(join(dir, 'rejected.csv'), rejectedToCsv(bundle.rejected, locale, values.redact));
    await writeReports(result, dir, {
      locale,
      formats: formats as 'xlsx'[],
      labels: labelsFromPolicies(policies),
      redact: values.redact,
      history: earlier,
      policyEffects: effects,
    });
  });
  // A month is archived only when it can be trusted: a later month's R2 must not count on it otherwise.
  if (archiveDir && !result.problems?.length) {
    await archiveMonth(
      archiveDir,
      result,
      policies.map((p) => {
        const meta = (p.value as { metadata: { id: string; name: string } }).metadata;
        return { source: p.file, text: p.text, id: meta.id, name: meta.name };
      }),
      values.replace ?? false,
    );
  }
  // The banner comes first: a summary line of a month that cannot be trusted must not read as done.
  if (result.problems?.length) {
    io.stderr(
      `${say(locale, 'qungui evaluate: 本月结果不可靠（退出码 1）：', 'qungui evaluate: this month cannot be trusted as it stands (exit 1):')}\n${result.problems.map((p) => `  - ${p.message[locale]}\n`).join('')}`,
    );
    // Next month's escalations and history will not see this month: say so, where the archive is.
    if (archiveDir)
      io.stderr(
        say(
          locale,
          '  本月没有存入归档 {archive}：处理上述问题后重新考核（加 --replace 若已存过）\n',
          '  this month was not stored in the archive {archive}: fix the above and evaluate it again (with --replace if stored before)\n',
          { archive: values.archive! },
        ),
      );
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  io.stdout(
    say(
      locale,
      '已完成 {month} 考核：{value}，发现 {length} 条（错误 {errors} 条），未评估 {length2} 项，被拒绝的数据行 {rejected} 行 → {out}\n',
      'Evaluated {month}: {value}, {length} findings ({errors} errors), {length2} not evaluated, {rejected} rejected rows → {out}\n',
      {
        month: result.month,
        value: headcount(result),
        length: result.findings.length,
        errors,
        length2: result.notEvaluated.length,
        rejected: result.data.rejected,
        out: values.out,
      },
    ),
  );
  // Where to look next: the people-facing views first.
  const shown = ['report.html', 'summary.md', 'report.md', 'members.csv', 'findings.csv', ...(formats.includes('xlsx') ? ['report.xlsx'] : [])];
  io.stdout(`${say(locale, '报告：', 'Reports: ')}${shown.map((f) => join(values.out!, f)).join('  ')}\n`);
  if (result.problems?.length) return EXIT_FINDINGS;
  return values.strict && result.data.rejected > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Earlier months' result.json files: DIR/result.json and DIR/<anything>/result.json. */
async function readHistory(dir: string, io: CliIo, locale: Locale): Promise<EvaluationResult[]> {
  const candidates = [join(dir, 'result.json')];
  for (const entry of (await readdir(dir, { withFileTypes: true }).catch(() => [])).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory()) candidates.push(join(dir, entry.name, 'result.json'));
  }
  const results: EvaluationResult[] = [];
  for (const file of candidates) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    try {
      const value = JSON.parse(text) as EvaluationResult;
      if (value.version === 1 && typeof value.month === 'string' && Array.isArray(value.members)) results.push(value);
      else io.stderr(say(locale, 'qungui evaluate：{file} 不是 result.json，已跳过\n', 'qungui evaluate: {file} is not a result.json: skipped\n', { file }));
    } catch (error) {
      io.stderr(say(locale, 'qungui evaluate：{file}：{reason}，已跳过\n', 'qungui evaluate: {file}: {reason}: skipped\n', { file, reason: textOf(error) }));
    }
  }
  return results;
}

/** --max-rejected 5 or 5%: a percentage of a table's rows, 0–100. */
function parseMaxRejected(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  const pct = m ? Number(m[1]) : Number.NaN;
  if (!(pct >= 0 && pct <= 100))
    throw new UsageError(
      localized(
        '--max-rejected：应为 0 到 100 的百分比，例如 5 或 5%，这里是 {value}',
        '--max-rejected: expected a percentage from 0 to 100, e.g. 5 or 5%, got {value}',
        { value },
      ),
    );
  return pct / 100;
}

/** The earliest archived month this month needs: the reports' history (six months, this one included)
 *  and the longest escalation run a policy asks for. Older months stay on disk, unread. */
function earliestNeeded(month: string, policies: readonly { value: unknown }[]): string {
  const runs = policies.map((p) =>
    Number((p.value as { outcomes?: { escalation?: { afterConsecutive?: number } } }).outcomes?.escalation?.afterConsecutive ?? 0),
  );
  let earliest = month;
  for (let i = 1; i < Math.max(HISTORY_MONTHS, ...runs); i++) earliest = previousMonth(earliest);
  return earliest;
}
