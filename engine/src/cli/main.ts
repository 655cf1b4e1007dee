// `qungui` entry point: dispatches to one module per command under ./commands/.
// Each command module exports `run(args, io): Promise<number>` returning the exit code.
import { processIo, parseLocale, helpIn, EXIT_USAGE, UsageError, type CliIo } from './io.js';
import { CelBudgetError } from '../evaluate/cel-budget.js';
import { readerThreadSettings } from './reader-thread-env.js';
import { argumentError, flagsInHelp, unknownCommand } from './usage-errors.js';
import { VERSION } from './version.js';
import type { Locale } from '../diagnostics/diagnostic.js';
import { messageIn } from '../i18n/localized-error.js';

type Command = { run(args: string[], io: CliIo): Promise<number> };

const commands: Record<string, () => Promise<Command>> = {
  validate: () => import('./commands/validate.js'),
  bundle: () => import('./commands/bundle.js'),
  evaluate: () => import('./commands/evaluate.js'),
  render: () => import('./commands/render.js'),
  init: () => import('./commands/init.js'),
  test: () => import('./commands/test.js'),
  diff: () => import('./commands/diff.js'),
  explain: () => import('./commands/explain.js'),
  trend: () => import('./commands/trend.js'),
  watch: () => import('./commands/watch.js'),
};

const usage = `用法 / usage: qungui <command> [options]

  validate PATH…      校验群规文件 / validate policies (files, folders, globs)
  bundle check DIR    检查月度数据包 / check a monthly data bundle
  render POLICY       生成制度文本 / the regulation document (--format md|html)
  init                新建群规 / start a new group's policy
  test PATH…          运行群规测试 / run policy tests (kind: PolicyTest)
  diff                比较群规两个版本的影响 / who a policy change affects (--policy A --policy B --data D)
  explain             一名成员的评级说明 / why a member got their ratings (--policy P --data D --month M --member ID)
  trend               一段时间的考核趋势 / the period's summary from the archive (--archive DIR)
  evaluate            月度考核 / the monthly job (--policy P --data D --out O)
  watch               消息到达时逐条检查并告警 / alerts as messages arrive (--policy P --data D [--webhook URL])

qungui <command> --help 查看各命令的选项 / options of each command.
`;

/** The language of a usage error: --locale if it is on the line and valid, else the environment's. */
function usageLocale(args: readonly string[], env: CliIo['env']): Locale {
  const at = args.indexOf('--locale');
  const given = at !== -1 ? args[at + 1] : args.find((a) => a.startsWith('--locale='))?.slice('--locale='.length);
  try {
    return parseLocale(given, env);
  } catch {
    return parseLocale(undefined, env);
  }
}

/** --color / --no-color anywhere on the line, and NO_COLOR / FORCE_COLOR, as one setting commands read. */
function withColor(args: string[], io: CliIo): [string[], CliIo] {
  const env = { ...io.env };
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && !env.NO_COLOR) env.QUNGUI_COLOR = '1';
  if (env.NO_COLOR) env.QUNGUI_COLOR = '0';
  const rest: string[] = [];
  for (const arg of args) {
    if (arg === '--no-color') env.QUNGUI_COLOR = '0';
    else if (arg === '--color') env.QUNGUI_COLOR = '1';
    else rest.push(arg);
  }
  return [rest, { ...io, env }];
}

/** `--max-warnings -1`: a negative number after an option is its value, not another option. */
function negativeValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (arg.startsWith('--') && !arg.includes('=') && next !== undefined && /^-\d+(\.\d+)?$/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export async function main(argv: string[], given: CliIo = processIo()): Promise<number> {
  const [args, io] = withColor(negativeValues(argv), given);
  let [name, ...rest] = args;
  if (name === 'help' && rest[0] !== undefined && rest[0] in commands) [name, ...rest] = [rest[0], '--help'];
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpIn(usage, usageLocale(rest, io.env)));
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`${unknownCommand(name, Object.keys(commands), usageLocale(rest, io.env))}\n`);
    return EXIT_USAGE;
  }
  try {
    if (name === 'evaluate' || name === 'bundle' || name === 'diff' || name === 'test') {
      // Built, this file is dist/qungui.js and the message reader thread dist/message-worker.js.
      (await import('../data/threads/message-thread.js')).configureReaderThreads(readerThreadSettings(io.env, new URL('./message-worker.js', import.meta.url)));
    }
    return await (await load()).run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`qungui ${name}: ${messageIn(error, usageLocale(rest, io.env))}\n`);
      return EXIT_USAGE;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // The command's own --help lists its options: the candidates for "did you mean".
      let help = '';
      await (await load()).run(['--help'], { ...io, stdout: (text) => void (help += text), stderr: () => {} }).catch(() => 0);
      io.stderr(`${argumentError(name, error as { code?: string; message: string }, flagsInHelp(help), usageLocale(rest, io.env))}\n`);
      return EXIT_USAGE;
    }
    // A CEL condition past its step budget under `test` or `diff` (evaluate says it in --locale).
    if (error instanceof CelBudgetError) {
      const locale = (() => {
        try {
          return parseLocale(undefined, io.env);
        } catch {
          return 'zh-CN' as const;
        }
      })();
      io.stderr(`qungui ${name}: ${error.describe()[locale]}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

// Run when bundled as dist/qungui.js (the launcher imports it); tests call main() directly.
if (process.argv[1] && /qungui(\.js)?$/.test(process.argv[1])) {
  // `qungui … | head`: a reader that stops early is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`qungui: 内部错误 internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
