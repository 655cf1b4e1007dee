// What a command may touch of the outside world; tests pass their own to capture output.
import type { Locale } from '../diagnostics/diagnostic.js';
import { localeFromEnvironment, localeOfTag } from '../diagnostics/system-locale.js';
import { say } from '../i18n/localized-text.js';
import { traditional } from '../i18n/traditional.js';
import { LocalizedError } from '../i18n/localized-error.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}

/** Exit codes of the CLI contract: 0 clean, 1 findings/errors, 2 usage or I/O. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends LocalizedError {}

/** --locale, else QUNGUI_LOCALE, else the system's language, else Chinese (the product's home). */
export function parseLocale(value: string | undefined, env: CliIo['env']): Locale {
  const raw = value ?? (env.QUNGUI_LOCALE || undefined);
  if (raw === undefined) return localeFromEnvironment(env) ?? 'zh-CN';
  const locale = localeOfTag(raw);
  if (locale) return locale;
  const fallback = localeFromEnvironment(env) ?? 'zh-CN';
  throw new UsageError(say(fallback, '--locale 只能是 zh-CN、zh-TW 或 en，这里是 {raw}', '--locale: expected zh-CN, zh-TW or en, got {raw}', { raw }));
}

/** A command's help in the script of the chosen language: the help is bilingual (Chinese and English
 *  side by side), its Chinese in Traditional characters for zh-TW. */
export function helpIn(help: string, locale: Locale): string {
  return locale === 'zh-TW' ? traditional(help) : help;
}
