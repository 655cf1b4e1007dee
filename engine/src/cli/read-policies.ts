// The policy files a command is given, read and validated: the policies when every one is free of
// errors; otherwise the paths not found or the errors, formatted with their code frames in every
// language (a long-running watcher says them in its own, a command prints them and stops).
import { readFile } from 'node:fs/promises';
import type { Locale, LocalizedText } from '../diagnostics/diagnostic.js';
import { type ValidatedPolicy, validatePolicies } from '../policy/validate.js';
import { collectPolicyFiles } from './collect-files.js';
import { formatText } from './formats/text.js';

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
