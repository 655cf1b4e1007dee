// The language of the system, as POSIX tools read it: LC_ALL, else LC_MESSAGES, else LANG. The CLI
// and the language server (for an editor that sends no locale) default to it alike.
import type { Locale } from './diagnostic.js';

/**
 * Chinese (zh_CN, zh_SG, and zh_TW / zh_HK until a Traditional catalogue exists) is zh-CN; any other
 * setting, C and POSIX included, is English. Nothing set at all (as on Windows) says nothing.
 */
export function localeFromEnvironment(env: Record<string, string | undefined>): Locale | undefined {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (!raw) return undefined;
  return raw.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
