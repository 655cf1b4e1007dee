// Times in exports (issue 4.1): ISO 8601 with offset (fast native path for the machine-written form),
// wall times in the policy zone through luxon, Excel serials; impossible dates refused, never rolled over.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTime } from '../../src/data/parse-time.js';

const sh = 'Asia/Shanghai';

describe('parseTime', () => {
  it('reads ISO 8601 with an offset exactly, whatever the zone', () => {
    expect(parseTime('2026-10-31T16:00:00.000Z', sh)).toBe(Date.UTC(2026, 9, 31, 16));
    expect(parseTime('2026-10-01T09:00:00.123+08:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 1, 1, 0, 0, 123));
    expect(parseTime('2026-10-01T09:00:00+0800', sh)).toBe(Date.UTC(2026, 9, 1, 1));
    expect(parseTime('2026-10-30T23:59:59-05:30', sh)).toBe(Date.UTC(2026, 9, 31, 5, 29, 59));
    expect(parseTime('2024-02-29T12:00:00Z', sh)).toBe(Date.UTC(2024, 1, 29, 12));
  });

  it('reads fractions of any length up to milliseconds, and agrees with Date.parse on every valid instant and offset', () => {
    expect(parseTime('2026-10-31T23:59:59.5+08:00', sh)).toBe(Date.UTC(2026, 9, 31, 15, 59, 59, 500));
    expect(parseTime('2026-10-31T23:59:59.1239Z', sh)).toBe(Date.UTC(2026, 9, 31, 23, 59, 59, 123));
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (ms, offset) => {
        const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
        const sign = offset < 0 ? '-' : '+';
        const text = `${wall}${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
        expect(parseTime(text, sh)).toBe(ms);
        expect(parseTime(new Date(ms).toISOString(), sh)).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses impossible dates and times instead of rolling them over', () => {
    for (const bad of [
      '2026-02-30T00:00:00Z',
      '2026-02-29T00:00:00Z',
      '2026-04-31T08:00:00+08:00',
      '2026-10-01T24:00:00Z',
      '2026-10-01T23:60:00Z',
      '2026-13-01T00:00:00Z',
      '2026-10-00T00:00:00Z',
      '2026-10-01T00:00:00.Z',
      '2026-10-01T00:00:00+24:00',
      '2026-1x-01T00:00:00Z',
      '2026-02-30 10:00:00',
      '昨天',
      '',
    ]) {
      expect(parseTime(bad, sh), bad).toBeUndefined();
    }
  });

  it('reads wall times in the policy zone, DST included', () => {
    expect(parseTime('2026-10-08 09:30:00', sh)).toBe(Date.UTC(2026, 9, 8, 1, 30));
    expect(parseTime('2026/10/8 9:30', sh)).toBe(Date.UTC(2026, 9, 8, 1, 30));
    expect(parseTime('2026-10-08', sh)).toBe(Date.UTC(2026, 9, 7, 16));
    // Berlin: CEST (+02:00) until 2026-10-25 03:00, then CET (+01:00).
    expect(parseTime('2026-10-24 12:00:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 24, 10));
    expect(parseTime('2026-10-26 12:00:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 26, 11));
  });

  it('reads Excel serial days as wall time in the zone, and epoch seconds or milliseconds', () => {
    expect(parseTime(46296, sh)).toBe(Date.UTC(2026, 8, 30, 16)); // 2026-10-01 00:00 in Shanghai
    expect(parseTime(46296.5, sh)).toBe(Date.UTC(2026, 9, 1, 4));
    expect(parseTime(1_760_000_000, sh)).toBe(1_760_000_000_000);
    expect(parseTime(1_760_000_000_123, sh)).toBe(1_760_000_000_123);
  });
});
