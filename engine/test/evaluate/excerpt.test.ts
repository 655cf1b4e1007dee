// Evidence strings: an excerpt is at most 40 code points and contains the match's neighbourhood;
// ownCopy gives back the same text (any UTF-16, lone surrogates included), whatever its length.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt, EXCERPT_MAX, ownCopy } from '../../src/evaluate/excerpt.js';

describe('evidence strings', () => {
  it('ownCopy returns an equal string for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(ownCopy(text)).toBe(text);
      }),
      { numRuns: 500 },
    );
    const long = '群'.repeat(5000);
    expect(ownCopy(long.slice(10, 40))).toBe('群'.repeat(30));
  });

  it('an excerpt is at most 40 code points, cut marks included, around the match', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.min(text.length, start + (Math.max(a, b) % 8));
        const out = excerpt(text, start, end, false);
        expect(Array.from(out).length).toBeLessThanOrEqual(EXCERPT_MAX);
        if (Array.from(text).length <= EXCERPT_MAX) expect(out).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
