// Times in exports: ISO 8601 with an offset, or a wall-clock time ("2026-10-08 09:30:00", "2026/10/08 9:30",
// "2026-10-08") read in the policy's time zone. Zone offsets come from luxon (IANA rules, DST included),
// looked up once per hour of wall time and cached: a month's messages reuse a few hundred answers.
import { DateTime, IANAZone } from 'luxon';

const TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;

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
    return wallTimeToEpoch(zone, value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.getUTCHours(), value.getUTCMinutes(), value.getUTCSeconds());
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
  // Fast path for the common machine-written form (2026-10-31T16:00:00.000Z, …+08:00): the native parser,
  // except for days 29–31 and hour 24, which it rolls over (2026-02-30 → 03-02) instead of refusing.
  if (value.length >= 20 && value.charCodeAt(10) === 84 /* T */ && ISO_WITH_OFFSET.test(value)) {
    const day = (value.charCodeAt(8) - 48) * 10 + value.charCodeAt(9) - 48;
    const hour = (value.charCodeAt(11) - 48) * 10 + value.charCodeAt(12) - 48;
    if (day >= 1 && day <= 28 && hour <= 23) {
      const ms = Date.parse(value);
      if (!Number.isNaN(ms)) return ms;
    }
  }
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
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return asUtc - sign * minutes * 60_000;
}

/** Is the zone one luxon knows (IANA)? */
export function isKnownZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
