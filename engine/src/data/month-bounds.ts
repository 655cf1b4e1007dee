// [start, end) of a month in a time zone, in epoch ms.
import { wallTimeToEpoch } from './parse-time.js';
import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';

export function monthBounds(month: string, zone: string): { start: number; end: number } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new LocalizedError(localized('月份格式应为 YYYY-MM，这里是 {month}', 'month must be YYYY-MM, got {month}', { month }));
  const year = Number(m[1]);
  const mo = Number(m[2]);
  const start = wallTimeToEpoch(zone, year, mo, 1)!;
  const end = mo === 12 ? wallTimeToEpoch(zone, year + 1, 1, 1)! : wallTimeToEpoch(zone, year, mo + 1, 1)!;
  return { start, end };
}
