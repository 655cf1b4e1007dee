// `qungui watch --policy P --data D [--webhook URL]… [--exec CMD] [--state FILE] [--from-start]`: checks
// each message as it is appended to the bundle's message files and sends an alert for each finding of
// the clauses a single message decides (watch/). Runs until SIGTERM or SIGINT: exit 0 after the state
// is written; 2 for usage or a bundle, policy or state that cannot be used.
import { readFile, stat } from 'node:fs/promises';
import type { LocalizedText } from '../../diagnostics/diagnostic.js';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readBundleTimezone } from '../../data/manifest.js';
import type { Locale } from '../../diagnostics/diagnostic.js';
import { LocalizedError, messageIn } from '../../i18n/localized-error.js';
import { localized, say } from '../../i18n/localized-text.js';
import { timezoneOf } from '../../policy/model/defaults.js';
import type { DeliveryTarget } from '../../watch/delivery-target.js';
import { ExecTarget } from '../../watch/exec-target.js';
import { RobotTarget } from '../../watch/robot-target.js';
import { StdoutTarget } from '../../watch/stdout-target.js';
import { timing } from '../../watch/timing.js';
import { watch } from '../../watch/watcher.js';
import { maskedWebhookUrl, webhookProblem } from '../../watch/webhook-url.js';
import { EXIT_OK, EXIT_USAGE, UsageError, helpIn, parseLocale, type CliIo } from '../io.js';
import { readWatchedPolicies, stampOf, WatchedPolicyFiles } from '../watched-policies.js';

const help = `用法 / usage: qungui watch --policy P --data D [--webhook URL | --webhook-file FILE]… [--exec CMD] [--state FILE] [--from-start]
       [--locale zh-CN|zh-TW|en] [--no-redact]
  跟踪数据包的消息文件，逐条检查新消息（N1 N2 N4 S1 S2 S4 C1 M5），每条告警以一行 JSON 写到标准输出，同时送往各目标
  / follows the bundle's message files and checks each new message (N1 N2 N4 S1 S2 S4 C1 M5); each alert is one JSON line on stdout and goes to every target

  --policy P      群规文件或文件夹，可重复 / policy file or folder, repeatable
  --data D        数据包文件夹（其消息文件：JSONL 或企业微信会话存档）/ the bundle folder (its message files: JSONL or WeCom archive)
  --webhook URL   企业微信群机器人的 webhook 地址，可重复 / a WeCom group robot's webhook, repeatable
  --webhook-file FILE
                  从文件读取 webhook 地址（每行一个，文件仅限服务用户可读；也读取环境变量 QUNGUI_WEBHOOK）
                  / webhook addresses from a file (one a line, readable by the service user only; QUNGUI_WEBHOOK is read too)
  --exec CMD      每条告警的 JSON 从标准输入交给这个命令 / each alert's JSON on this command's stdin
  --state FILE    状态文件（默认：数据文件夹旁的 <文件夹名>.qungui-watch.json）
                  / the state file (default: <folder>.qungui-watch.json beside the data folder)
  --from-start    第一次运行时从文件开头读起（默认只看新追加的消息）/ on the first run, read the files from their start (default: only what is appended)
  --no-redact     告警中显示完整号码与邮箱 / show full numbers and e-mails in alerts
停止 / stop: SIGTERM 或 Ctrl-C，写好状态后退出 / writes the state, then exits
退出码 / exit: 0 已停止 stopped · 2 用法、群规、数据或状态文件错误 / usage, a policy, the data or the state file
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    allowNegative: true,
    options: {
      policy: { type: 'string', multiple: true },
      data: { type: 'string' },
      webhook: { type: 'string', multiple: true },
      'webhook-file': { type: 'string', multiple: true },
      exec: { type: 'string', multiple: true },
      state: { type: 'string' },
      'from-start': { type: 'boolean' },
      locale: { type: 'string' },
      redact: { type: 'boolean', default: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(helpIn(help, parseLocale(values.locale, io.env)));
    return EXIT_OK;
  }
  const locale = parseLocale(values.locale, io.env);
  if (!values.policy?.length || !values.data)
    throw new UsageError(`${say(locale, '需要 --policy 和 --data', '--policy and --data are required')}\n\n${helpIn(help, locale)}`);
  const webhooks = await webhooksGiven(values.webhook ?? [], values['webhook-file'] ?? [], io, locale);
  if (typeof webhooks === 'number') return webhooks;
  for (const url of webhooks) {
    const problem = webhookProblem(url);
    if (problem) throw new UsageError(webhookProblemText(problem, url)[locale]);
  }

  // The files as they are before they are read: an edit made meanwhile is a change the watcher takes.
  const policyStamp = await stampOf(values.policy, io.cwd);
  const policies = await readWatchedPolicies(values.policy, io, locale);
  if (!policies) return EXIT_USAGE;
  const dataDir = resolve(io.cwd, values.data);
  if (!(await stat(dataDir).catch(() => undefined))?.isDirectory()) {
    io.stderr(say(locale, 'qungui watch：数据文件夹不存在：{data}\n', 'qungui watch: no such data folder: {data}\n', { data: values.data }));
    return EXIT_USAGE;
  }
  const statePath = values.state ? resolve(io.cwd, values.state) : join(dirname(dataDir), `${basename(dataDir)}.qungui-watch.json`);
  const prefix = say(locale, 'qungui watch：', 'qungui watch: ');
  const log = (text: { [L in Locale]: string }) => io.stderr(`${prefix}${text[locale]}\n`);
  const time = timing(timeScale(io.env));
  const targets: DeliveryTarget[] = [
    new StdoutTarget(io.stdout),
    ...webhooks.map((url) => new RobotTarget(url, locale, time)),
    ...(values.exec ?? []).map((command) => new ExecTarget(command, io.stderr, time.commandTimeoutMs)),
  ];

  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    const zones = [...new Set(policies.map((p) => timezoneOf(p.value)))].sort();
    const bundleZone = await readBundleTimezone(dataDir);
    if (!bundleZone && zones.length > 1) {
      io.stderr(
        say(
          locale,
          'qungui watch：群规的时区不同（{zones}），导出数据中不带时区的时间无法确定；请在 bundle.yaml 中写明 timezone\n',
          "qungui watch: the policies are in different time zones ({zonesEn}): set timezone in bundle.yaml for the exports'' times\n",
          { zones: zones.join('、'), zonesEn: zones.join(', ') },
        ),
      );
      return EXIT_USAGE;
    }
    const timezone = bundleZone ?? zones[0]!;
    await watch({
      dataDir,
      policies,
      policySource: new WatchedPolicyFiles(values.policy, io.cwd, bundleZone ? undefined : timezone, policyStamp, policies),
      timezone,
      statePath,
      fromStart: values['from-start'] ?? false,
      redact: values.redact,
      locale,
      targets,
      time,
      log,
      stop: stop.signal,
    });
  } catch (error) {
    // A bundle, a state file or a lock that cannot be used: said in the user's language, no stack.
    if (error instanceof LocalizedError || (error as NodeJS.ErrnoException).code !== undefined) {
      io.stderr(`qungui watch: ${messageIn(error, locale)}\n`);
      return EXIT_USAGE;
    }
    throw error;
  } finally {
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGINT', onSignal);
  }
  io.stderr(say(locale, 'qungui watch：已停止，状态已保存\n', 'qungui watch: stopped, state saved\n'));
  return EXIT_OK;
}

/** What is wrong with a webhook address, with the address shown masked. */
function webhookProblemText(problem: 'not-a-url' | 'not-https' | 'no-key', url: string): LocalizedText {
  const params = { url: maskedWebhookUrl(url) };
  switch (problem) {
    case 'not-a-url':
      return localized(
        '--webhook 应为群机器人的 webhook 地址，以 https:// 开头；这里是 {url}',
        "--webhook: expected the group robot's webhook address, starting with https://; got {url}",
        params,
      );
    case 'not-https':
      return localized(
        '--webhook 必须使用 https://（地址中的 key 不能明文传输；http:// 只允许本机 127.0.0.1 或 localhost）：{url}',
        '--webhook must use https:// (the key in the address must not travel in clear; http:// only to 127.0.0.1 or localhost): {url}',
        params,
      );
    case 'no-key':
      return localized(
        '--webhook 地址中没有 key=…：请从群机器人设置中复制完整的 webhook 地址：{url}',
        "--webhook: the address has no key=…: copy the whole webhook address from the group robot's settings: {url}",
        params,
      );
  }
}

/** The robots' addresses: --webhook, each line of each --webhook-file (blank lines and # comments
 *  aside) and QUNGUI_WEBHOOK — the latter two keep the key off the command line (ps, /proc/…/cmdline). */
async function webhooksGiven(given: string[], files: string[], io: CliIo, locale: Locale): Promise<string[] | number> {
  const urls = [...given];
  for (const file of files) {
    const path = resolve(io.cwd, file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      io.stderr(
        say(locale, 'qungui watch：无法读取 --webhook-file {file}：{reason}\n', 'qungui watch: cannot read --webhook-file {file}: {reason}\n', {
          file,
          reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
        }),
      );
      return EXIT_USAGE;
    }
    // Others may read the key: said, not refused (the operator decides).
    if (((await stat(path)).mode & 0o077) !== 0)
      io.stderr(
        say(
          locale,
          'qungui watch：{file} 其他用户也能读取，其中的机器人 key 可能泄露；请执行 chmod 600 {file}\n',
          "qungui watch: {file} is readable by other users, who can read the robots' keys: chmod 600 {file}\n",
          { file },
        ),
      );
    for (const line of text.split(/\r?\n/)) if (line.trim() !== '' && !line.trim().startsWith('#')) urls.push(line.trim());
  }
  for (const url of (io.env.QUNGUI_WEBHOOK ?? '').split(/\s+/)) if (url !== '') urls.push(url);
  return [...new Set(urls)];
}

/** Tests shrink the robot's minute and the retry waits (QUNGUI_WATCH_TIME_SCALE=0.01: a 0.6 s window). */
function timeScale(env: CliIo['env']): number {
  const scale = Number(env.QUNGUI_WATCH_TIME_SCALE);
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}
