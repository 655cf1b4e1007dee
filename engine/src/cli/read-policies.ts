// The policy files a command is given, read and validated: the policies when every one is free of
// errors; otherwise the paths not found or the errors, formatted with their code frames in every
// language (a long-running watcher says them in its own, a command prints them and stops).
import { readFile } from 'node:fs/promises';
import type { Locale, LocalizedText } from '../diagnostics/diagnostic.js';
import { say } from '../i18n/localized-text.js';
import { type ValidatedPolicy, validatePolicies } from '../policy/validate.js';
import { collectPolicyFiles } from './collect-files.js';
import { formatText } from './formats/text.js';
import type { CliIo } from './io.js';

export type PolicyRead =
  | { policies: ValidatedPolicy[] }
  /** Arguments that match nothing; empty when the arguments were found but hold no policy. */
  | { missing: string[] }
  | { errors: LocalizedText };

const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];

export async function readPolicyFiles(given: readonly string[], cwd: string): Promise<PolicyRead> {
  const { files, missing } = await collectPolicyFiles(given, cwd);
  if (missing.length > 0 || files.length === 0) return { missing };
  const policies = validatePolicies(await Promise.all(files.map(async (f) => ({ file: f.display, text: await readFile(f.absolute, 'utf8') }))));
  const broken = policies.filter((p) => p.diagnostics.some((d) => d.severity === 'error'));
  if (broken.length === 0) return { policies };
  const reports = broken.map((p) => ({ file: p.file, text: p.text, diagnostics: p.diagnostics.filter((d) => d.severity === 'error') }));
  const [zhCN, zhTW, en] = LOCALES.map((locale) => formatText(reports, { locale, color: false }));
  return { errors: { 'zh-CN': zhCN!, 'zh-TW': zhTW!, en: en! } };
}

/** Says on stderr why the policies cannot be used: the paths not found, or the errors and `refused`
 *  (what the command does not do because of them). */
export function sayUnusable(
  read: Exclude<PolicyRead, { policies: ValidatedPolicy[] }>,
  command: string,
  refused: LocalizedText,
  io: CliIo,
  locale: Locale,
): void {
  if ('errors' in read) {
    io.stderr(`${read.errors[locale]}${say(locale, 'qungui {command}：', 'qungui {command}: ', { command })}${refused[locale]}\n`);
    return;
  }
  for (const path of read.missing) io.stderr(say(locale, 'qungui {command}：找不到 {path}\n', 'qungui {command}: {path}: not found\n', { command, path }));
  if (read.missing.length === 0) io.stderr(say(locale, 'qungui {command}：没有找到群规文件\n', 'qungui {command}: no policy file found\n', { command }));
}
