// Month boundaries and calendar days in the policy's time zone (luxon, never hand-made offsets). A
// month's day starts are computed once; a million messages then need no luxon call at all.
import { DateTime } from 'luxon';
import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface MonthRange {
  month: string;
  zone: string;
  /** Epoch ms of the first instant of the month in the zone. */
  start: number;
  /** Epoch ms of the first instant of the next month (exclusive end). */
  end: number;
  days: number;
  /** 1-based day of the month of an instant (0 when outside the month). */
  dayOf(ms: number): number;
  /** ISO 8601 text of an instant in the zone, with offset (for evidence). */
  iso(ms: number): string;
}

interface ZoneAt {
  offsetMs: number;
  suffix: string;
}
const QUARTER = 900_000;
const QUARTERS_PER_SPAN = 24;
const SPAN = QUARTERS_PER_SPAN * QUARTER;

export function parseMonth(month: string): { year: number; month: number } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new LocalizedError(localized('月份格式应为 YYYY-MM，这里是 {month}', 'month must be YYYY-MM, got {month}', { month: JSON.stringify(month) }));
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** The month before `month` (YYYY-MM). */
export function previousMonth(month: string): string {
  const { year, month: m } = parseMonth(month);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

export function monthRange(month: string, zone: string): MonthRange {
  const { year, month: m } = parseMonth(month);
  const first = DateTime.fromObject({ year, month: m, day: 1 }, { zone });
  if (!first.isValid) throw new LocalizedError(localized('无效时区 {zone}', 'invalid time zone {zone}', { zone }));
  const start = first.toMillis();
  const end = first.plus({ months: 1 }).toMillis();
  const days = first.daysInMonth ?? 30;
  // Day d starts at dayStarts[d - 1]; the last entry is the month's end. Messages come in time order,
  // so the previous answer's day is checked first.
  const dayStarts = Array.from({ length: days + 1 }, (_, i) => (i === days ? end : first.plus({ days: i }).toMillis()));
  let lastDay = 1;
  const dayOf = (ms: number): number => {
    if (ms < start || ms >= end) return 0;
    if (ms >= dayStarts[lastDay - 1]! && ms < dayStarts[lastDay]!) return lastDay;
    let day = 1;
    while (ms >= dayStarts[day]!) day++;
    lastDay = day;
    return day;
  };
  // Evidence times: the wall clock from the zone's offset, and the offset text exactly as luxon writes
  // it ("+08:00", or "Z" for UTC). Zone transitions fall on quarter hours, and no zone has two within
  // six hours: a six-hour span whose first and last quarter have the same offset has it throughout,
  // so a month takes a lookup per six hours rather than one per quarter hour.
  const quarters = new Map<number, ZoneAt | undefined>();
  const zoneAt = (quarter: number): ZoneAt | undefined => {
    if (quarters.has(quarter)) return quarters.get(quarter);
    const at = DateTime.fromMillis(quarter * QUARTER, { zone });
    const text = at.toISO({ suppressMilliseconds: true });
    const found = text && /^\d{4}-/.test(text) ? { offsetMs: at.offset * 60_000, suffix: text.slice(19) } : undefined;
    quarters.set(quarter, found);
    return found;
  };
  const spans = new Map<number, ZoneAt | null | undefined>(); // null: the offset changes within the span
  const iso = (ms: number): string => {
    const span = Math.floor(ms / SPAN);
    let found = spans.get(span);
    if (found === undefined && !spans.has(span)) {
      const first = zoneAt(span * QUARTERS_PER_SPAN);
      const last = zoneAt((span + 1) * QUARTERS_PER_SPAN - 1);
      found = first && last && first.offsetMs === last.offsetMs && first.suffix === last.suffix ? first : null;
      spans.set(span, found);
    }
    const at = found ?? zoneAt(Math.floor(ms / QUARTER));
    if (!at) return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
    const wall = new Date(ms + at.offsetMs).toISOString();
    return wall.slice(0, 19) + (ms % 1000 === 0 ? '' : wall.slice(19, 23)) + at.suffix;
  };
  return { month, zone, start, end, days, dayOf, iso };
}

/** Hours between two instants, rounded to 0.1 h for evidence. */
export function hoursBetween(from: number, to: number): number {
  return Math.round(((to - from) / HOUR) * 10) / 10;
}
