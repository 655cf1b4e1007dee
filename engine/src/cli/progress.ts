import { say } from '../i18n/localized-text.js';
import type { Locale } from '../diagnostics/diagnostic.js';
// A one-line progress bar for long runs on a terminal (`\r`-redrawn on stderr); nothing when not a TTY.
export function progressLine(fraction: number, messages: number, locale: Locale, width = 28): string {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  const filled = Math.round(clamped * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const percent = `${Math.floor(clamped * 100)}%`.padStart(4);
  const count = messages.toLocaleString('en-US');
  return say(locale, '考核中 {bar} {percent}  已读 {count} 条消息', 'evaluating {bar} {percent}  {count} messages', { bar, percent, count });
}
