// Numbers as the reports write them: points with their sign, a share as a percentage.
import type { Locale } from '../diagnostics/diagnostic.js';
import { say } from '../i18n/localized-text.js';

/** +3, 0, -2: points read with their sign. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** "（33%）" / "(33%)": count's share of total, nothing when there is no total. */
export function rateText(count: number, total: number, locale: Locale): string {
  return total ? say(locale, '（{rate}%）', '({rate}%)', { rate: Math.round((count / total) * 100) }) : '';
}
