// The language of the system, as POSIX tools read it: LC_ALL, else LC_MESSAGES, else LANG. The CLI
// and the language server (for an editor that sends no locale) default to it alike.
import type { Locale } from './diagnostic.js';

/**
 * A language tag as people and systems write it ("zh_TW.UTF-8", "zh-hant", "zh-cn", "en-US") as one
 * of qungui's languages: Taiwan, Hong Kong, Macao and Traditional script are zh-TW, other Chinese is
 * zh-CN, English is en; anything else says nothing.
 */
export function localeOfTag(tag: string): Locale | undefined {
  const lower = tag.toLowerCase().replace(/_/g, '-');
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh.')) return /^zh-(tw|hk|mo|hant)\b/.test(lower) ? 'zh-TW' : 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en.')) return 'en';
  return undefined;
}

/** Chinese settings as localeOfTag reads them; any other setting, C and POSIX included, is English. Nothing set at all (as on Windows) says nothing. */
export function localeFromEnvironment(env: Record<string, string | undefined>): Locale | undefined {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (!raw) return undefined;
  return localeOfTag(raw) === 'en' || localeOfTag(raw) === undefined ? 'en' : localeOfTag(raw);
}
