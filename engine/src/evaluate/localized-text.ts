// A text in both languages the engine writes (findings, reasons, docs).
import type { LocalizedText } from '../diagnostics/diagnostic.js';

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

export function t(zh: string, en: string): LocalizedText {
  return { 'zh-CN': spaced(zh), en };
}
