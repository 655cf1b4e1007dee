// Month days and evidence times in the policy's zone: computed once per month / per quarter hour,
// so they are checked against luxon itself on random instants, DST transitions included.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { monthRange } from '../../src/evaluate/time.js';

const cases: [string, string][] = [
  ['2026-03', 'Europe/Berlin'],
  ['2026-10', 'Europe/Berlin'],
  ['2026-11', 'America/St_Johns'],
  ['2026-10', 'UTC'],
  ['2026-10', 'Asia/Shanghai'],
  ['2026-02', 'Australia/Lord_Howe'],
];

describe('monthRange', () => {
  for (const [month, zone] of cases) {
    it(`dayOf and iso agree with luxon in ${zone}, ${month}`, () => {
      const range = monthRange(month, zone);
      fc.assert(
        fc.property(fc.integer({ min: range.start - 86_400_000, max: range.end + 86_400_000 }), (ms) => {
          const luxon = DateTime.fromMillis(ms, { zone });
          expect(range.dayOf(ms)).toBe(ms >= range.start && ms < range.end ? luxon.day : 0);
          expect(range.iso(ms)).toBe(luxon.toISO({ suppressMilliseconds: true }));
        }),
        { numRuns: 3000 },
      );
      // Every quarter hour of the month and the millisecond before it: transitions exactly (the offset is
      // looked up per six-hour span when it does not change within it, per quarter when it does).
      for (let ms = range.start; ms < range.end; ms += 900_000) {
        for (const at of [ms - 1, ms]) expect(range.iso(at)).toBe(DateTime.fromMillis(at, { zone }).toISO({ suppressMilliseconds: true }));
      }
      // Day boundaries exactly: the last millisecond of a day and the first of the next.
      const second = DateTime.fromObject({ year: Number(month.slice(0, 4)), month: Number(month.slice(5)), day: 2 }, { zone }).toMillis();
      expect(range.dayOf(second - 1)).toBe(1);
      expect(range.dayOf(second)).toBe(2);
      expect(range.dayOf(range.end - 1)).toBe(range.days);
      expect(range.dayOf(range.end)).toBe(0);
    });
  }
});
