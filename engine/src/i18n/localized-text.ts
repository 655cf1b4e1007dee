// A text in every language qungui speaks. The source holds the Simplified Chinese and the English
// template; zh-TW is the generated Traditional form of the Chinese template (i18n/traditional.ts).
// Parameters are ICU arguments filled in after conversion, so data (names, quoted chat) is never
// converted or re-spaced.
import type { Locale, LocalizedText } from '../diagnostics/diagnostic.js';
import { formatMessage, type MessageParams } from './format-message.js';
import { traditional } from './traditional.js';

export type { MessageParams } from './format-message.js';

// Between a Chinese character and a Latin letter or a digit, Chinese typesetting puts a space
// ("学员 a 的消息", "迟交 2 次"): names and numbers are interpolated, so the space is added here, once.
// Quoted chat text (“…”) and code (`…`) are left exactly as written.
const QUOTED = /(“[^”]*”|`[^`]*`)/;
const HAN_THEN_LATIN = /(\p{Script=Han})([A-Za-z0-9])/gu;
const LATIN_THEN_HAN = /([A-Za-z0-9])(\p{Script=Han})/gu;

function spaced(zh: string): string {
  return zh
    .split(QUOTED)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(HAN_THEN_LATIN, '$1 $2').replace(LATIN_THEN_HAN, '$1 $2')))
    .join('');
}

function fill(template: string, locale: Locale, params: MessageParams | undefined): string {
  return params ? formatMessage(template, locale, params) : template;
}

/** A text as written: `zh` and `en` are ICU templates when `params` is given, plain text otherwise. */
export function localized(zh: string, en: string, params?: MessageParams): LocalizedText {
  return { 'zh-CN': fill(zh, 'zh-CN', params), 'zh-TW': fill(traditional(zh), 'zh-TW', params), en: fill(en, 'en', params) };
}

/** A text that is data, not ours (a label the policy gives, a name): the same in both Chinese scripts. */
export function asWritten(zh: string, en: string = zh): LocalizedText {
  return { 'zh-CN': zh, 'zh-TW': zh, en };
}

/** A sentence for people (findings, reasons): as `localized`, with CJK–Latin spacing in Chinese. */
export function t(zh: string, en: string, params?: MessageParams): LocalizedText {
  const text = localized(zh, en, params);
  return { 'zh-CN': spaced(text['zh-CN']), 'zh-TW': spaced(text['zh-TW']), en: text.en };
}

/** One language's text, for code that writes a single language (CLI lines, render, reports). */
export function say(locale: Locale, zh: string, en: string, params?: MessageParams): string {
  if (locale === 'en') return fill(en, 'en', params);
  return fill(locale === 'zh-TW' ? traditional(zh) : zh, locale, params);
}

/** Texts joined as a list in each language ("姓名、部门" / "name, department"). */
export function listOf(texts: readonly LocalizedText[], enSeparator = ', ', zhSeparator = '、'): LocalizedText {
  return {
    'zh-CN': texts.map((x) => x['zh-CN']).join(zhSeparator),
    'zh-TW': texts.map((x) => x['zh-TW']).join(zhSeparator),
    en: texts.map((x) => x.en).join(enSeparator),
  };
}

/** A [Chinese, English] pair of plain texts, in `locale`. */
export function sayPair(locale: Locale, [zh, en]: readonly [string, string]): string {
  return say(locale, zh, en);
}
