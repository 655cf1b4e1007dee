// containsAny against String.prototype.includes, on random texts over the markers' own characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsAny } from '../../src/evaluate/scan/contains-any.js';

describe('containsAny', () => {
  it('agrees with includes for every needle set and text', () => {
    const unit = fc.constantFrom('？', '?', '请', '问', '怎', '么', '吗', 'a', '\uD83D', '\uDE00');
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 3 }), { maxLength: 5 }), fc.string({ unit, maxLength: 20 }), (needles, text) => {
        expect(containsAny(needles)(text)).toBe(needles.some((n) => text.includes(n)));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the default question markers', () => {
    const isQuestion = containsAny(['？', '?', '请问', '怎么', '如何', '吗']);
    expect(['明天几点开会？', '请问作业在哪', '这个怎么做', 'ok?'].map(isQuestion)).toEqual([true, true, true, true]);
    expect(['收到', '请大家准时', '问题已解决'].map(isQuestion)).toEqual([false, false, false]);
  });
});
