// Times in exports: ISO 8601 with an offset, or a wall-clock time ("2026-10-08 09:30:00", "2026/10/08 9:30",
// "2026-10-08") read in the policy's time zone. Zone offsets come from luxon (IANA rules, DST included),
// looked up once per hour of wall time and cached: a month's messages reuse a few hundred answers.
import { DateTime, IANAZone } from 'luxon';

const TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Two ASCII digits at `at` as a number, or -1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * YYYY-MM-DDTHH:MM:SS[.s{1,3}](Z|±HH:MM) read by character codes: no regex, no Date object. Anything
 * else, and impossible dates (02-30, hour 24), returns undefined for the general parser to judge.
 */
function isoWithOffset(text: string): number | undefined {
  const length = text.length;
  if (
    length < 20 ||
    length > 29 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  )
    return undefined;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return undefined;
  const year = century * 100 + yy;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return undefined;
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46 /* . */) {
    let scale = 100;
    at++;
    const from = at;
    for (let d = text.charCodeAt(at) - 48; d >= 0 && d <= 9 && at - from < 3; d = text.charCodeAt(++at) - 48) {
      ms += d * scale;
      scale /= 10;
    }
    if (at === from) return undefined;
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const sign = text.charCodeAt(at);
  if (sign === 90 /* Z */ && at + 1 === length) return utc;
  if ((sign !== 43 && sign !== 45) || at + 6 !== length || text.charCodeAt(at + 3) !== 58) return undefined;
  const offsetHours = twoDigits(text, at + 1);
  const offsetMinutes = twoDigits(text, at + 4);
  if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return undefined;
  return utc - (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
}

const offsetCache = new Map<string, Map<number, number>>();

/** Offset (minutes) of `zone` at the instant `utcMs`, cached per hour. */
function offsetAt(zone: string, utcMs: number): number {
  let byHour = offsetCache.get(zone);
  if (!byHour) offsetCache.set(zone, (byHour = new Map()));
  const hour = Math.floor(utcMs / 3_600_000);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    offset = IANAZone.create(zone).offset(utcMs);
    byHour.set(hour, offset);
  }
  return offset;
}

/** Epoch ms of a wall-clock time in `zone` (the later instant when DST repeats an hour). */
export function wallTimeToEpoch(zone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined; // 2026-02-30
  let guess = asUtc - offsetAt(zone, asUtc) * 60_000;
  guess = asUtc - offsetAt(zone, guess) * 60_000;
  return guess;
}

/** Epoch ms, or undefined when the value is not a time we accept. */
export function parseTime(value: unknown, zone: string): number | undefined {
  if (value instanceof Date) {
    // exceljs hands Excel's zone-less wall time as a UTC Date: re-read its fields in the policy zone.
    if (Number.isNaN(value.getTime())) return undefined;
    return wallTimeToEpoch(
      zone,
      value.getUTCFullYear(),
      value.getUTCMonth() + 1,
      value.getUTCDate(),
      value.getUTCHours(),
      value.getUTCMinutes(),
      value.getUTCSeconds(),
    );
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Excel serial day numbers (days since 1899-12-30, wall time), else epoch seconds or milliseconds.
    if (value > 0 && value < 1e6) {
      const wall = Math.round((value - 25569) * 86_400_000);
      const d = new Date(wall);
      return wallTimeToEpoch(zone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
    }
    return value < 1e11 ? value * 1000 : value;
  }
  if (typeof value !== 'string') return undefined;
  // Fast path for the machine-written form of nearly every export (2026-10-31T16:00:00.000Z, …+08:00).
  const fast = isoWithOffset(value);
  if (fast !== undefined) return fast;
  const m = TIME.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  if (offset === undefined) return wallTimeToEpoch(zone, +y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0), ms);
  const asUtc = Date.UTC(+y!, +mo! - 1, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0), ms);
  const check = new Date(asUtc);
  if (Number.isNaN(asUtc) || check.getUTCDate() !== +d! || check.getUTCMonth() !== +mo! - 1 || +(h ?? 0) > 23 || +(mi ?? 0) > 59) return undefined;
  if (offset.toUpperCase() === 'Z') return asUtc;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const offsetHours = Number(digits.slice(0, 2));
  const offsetMinutes = Number(digits.slice(2) || 0);
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const minutes = offsetHours * 60 + offsetMinutes;
  return asUtc - sign * minutes * 60_000;
}

/** Is the zone one luxon knows (IANA)? */
export function isKnownZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
