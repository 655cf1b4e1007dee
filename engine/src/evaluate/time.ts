// Month boundaries and calendar days in the policy's time zone (luxon, never hand-made offsets). Day
// numbers are cached per quarter hour: a month has ~3,000 quarter hours but a million messages.
import { DateTime } from 'luxon';

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

export function parseMonth(month: string): { year: number; month: number } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new Error(`month must be YYYY-MM, got ${JSON.stringify(month)} / 月份格式应为 YYYY-MM`);
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
  if (!first.isValid) throw new Error(`invalid time zone ${zone} / 无效时区 ${zone}`);
  const start = first.toMillis();
  const end = first.plus({ months: 1 }).toMillis();
  const cache = new Map<number, number>();
  // Messages come in time order, so the previous quarter hour usually answers without a look-up.
  let lastBucket = NaN;
  let lastDay = 0;
  const dayOf = (ms: number): number => {
    if (ms < start || ms >= end) return 0;
    const bucket = Math.floor(ms / 900_000);
    if (bucket === lastBucket) return lastDay;
    let day = cache.get(bucket);
    if (day === undefined) {
      day = DateTime.fromMillis(ms, { zone }).day;
      cache.set(bucket, day);
    }
    lastBucket = bucket;
    lastDay = day;
    return day;
  };
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
  return { month, zone, start, end, days: first.daysInMonth ?? 30, dayOf, iso };
}

/** Hours between two instants, rounded to 0.1 h for evidence. */
export function hoursBetween(from: number, to: number): number {
  return Math.round(((to - from) / HOUR) * 10) / 10;
}
