// The double-array Aho–Corasick automaton against the obvious definition: every occurrence of every
// entry, found by indexOf. Small alphabets make shared prefixes, suffix links and nested entries
// (the cases a placement or fail-link bug would break) the common case.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Automaton, CHECK, OUT, FAIL } from '../../src/match/automaton.js';

/** "id@end" for every entry occurrence, end inclusive, as the automaton reports them. */
function scan(automaton: Automaton, text: string): string[] {
  const hits: string[] = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const c = automaton.classOf[text.charCodeAt(i)]!;
    state = c === 0 ? 0 : automaton.next(state, c);
    for (let out = automaton.records[state * 4 + OUT]!; out !== 0; out = automaton.records[automaton.records[out * 4 + FAIL]! * 4 + OUT]!) {
      for (let e = automaton.nodeEntry[out]!; e !== -1; e = automaton.entryNext[e]!) hits.push(`${e}@${i}`);
    }
  }
  return hits.sort();
}

function naive(entries: string[], text: string): string[] {
  const hits: string[] = [];
  entries.forEach((entry, id) => {
    for (let at = text.indexOf(entry); at !== -1; at = text.indexOf(entry, at + 1)) hits.push(`${id}@${at + entry.length - 1}`);
  });
  return hits.sort();
}

describe('Automaton', () => {
  it('finds what indexOf finds, for random entries and texts', () => {
    const unit = fc.constantFrom('a', 'b', 'c', '中', '文', '\uD83D', '\uDE00');
    const word = fc.string({ unit, minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', '中', '文', 'x', '\uD83D', '\uDE00'), maxLength: 60 }),
        (entries, text) => {
          expect(scan(new Automaton(entries), text)).toEqual(naive(entries, text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('packs states densely and keeps every transition target inside the array', () => {
    const entries = Array.from({ length: 5000 }, (_, i) => `词${(i * 7919).toString(36)}项`);
    const automaton = new Automaton(entries);
    const slots = automaton.records.length / 4;
    let used = 0;
    for (let s = 0; s < slots; s++) if (s === 0 || automaton.records[s * 4 + CHECK] !== -1) used++;
    expect(used).toBe(automaton.stateCount);
    expect(slots).toBeLessThan(automaton.stateCount * 1.5);
    expect(scan(automaton, '这是词a项和词2n项')).toEqual(naive(entries, '这是词a项和词2n项'));
  });
});
