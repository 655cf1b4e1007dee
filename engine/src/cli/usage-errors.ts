// Mistakes on the command line, said in the user's language with what was probably meant: an unknown
// command or option gets the closest real one ("您是不是要写 “--policy”？"). Node's argument parser
// (node:util parseArgs) reports in English with a code; the code is what is translated here.
import type { Locale } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import { say } from '../i18n/localized-text.js';
import { maskedKeys } from '../watch/webhook-url.js';

function meant(candidates: readonly string[], input: string, locale: Locale): string {
  const [first] = suggest(input, candidates);
  if (first === undefined) return '';
  return say(locale, '您是不是要写 “{first}”？', " Did you mean ''{first}''?", { first });
}

export function unknownCommand(name: string, commands: readonly string[], locale: Locale): string {
  const hint = meant(commands, name, locale);
  return say(
    locale,
    'qungui：没有 {name} 这个命令。{hint}运行 qungui help 查看全部命令。',
    'qungui: unknown command {name}.{hint} Run qungui help for the commands.',
    { name, hint },
  );
}

/** A parseArgs error (its `code` and English message) as a sentence in the chosen language. */
export function argumentError(command: string, error: { code?: string; message: string }, flags: readonly string[], locale: Locale): string {
  // An argument echoed back may be a robot's webhook URL whose option was forgotten: its key is masked.
  const quoted = maskedKeys(/'([^']+)'/.exec(error.message)?.[1] ?? '');
  const help = say(locale, '运行 qungui {command} --help 查看全部选项。', 'Run qungui {command} --help for the options.', { command });
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const hint = meant(flags, quoted, locale);
      return say(locale, 'qungui {command}：没有 {quoted} 这个选项。{hint}{help}', 'qungui {command}: unknown option {quoted}.{hint} {help}', {
        command,
        quoted,
        hint,
        help,
      });
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      // "-f, --format <value>": the long name is the one people type.
      const flag = /--[a-z][a-z-]*/.exec(quoted)?.[0] ?? quoted;
      return say(locale, 'qungui {command}：选项 {flag} 需要一个值。{help}', 'qungui {command}: the option {flag} needs a value. {help}', {
        command,
        flag,
        help,
      });
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return say(locale, 'qungui {command}：多余的参数 {quoted}。{help}', 'qungui {command}: unexpected argument {quoted}. {help}', { command, quoted, help });
    default:
      return `qungui ${command}: ${maskedKeys(error.message)}`;
  }
}

/** The options a command's own --help lists: the candidates for "did you mean". */
export function flagsInHelp(help: string): string[] {
  return [...new Set(help.match(/--[a-z][a-z-]*/g) ?? [])].sort();
}

/** An option given a value it does not take: the values it does, and the closest one. */
export function badChoice(option: string, allowed: readonly string[], got: string, locale: Locale): string {
  const hint = meant(allowed, got, locale);
  return say(locale, '{option} 只能是 {allowed}，这里是 {got}。{hint}', '{option}: expected {allowed2}, got {got}.{hint}', {
    option,
    allowed: allowed.join('、'),
    got,
    hint,
    allowed2: allowed.join(', '),
  });
}
