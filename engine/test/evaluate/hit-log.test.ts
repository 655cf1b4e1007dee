// The content hits kept off the heap: what goes in comes back exactly, in order, a message at a time,
// and a filter decodes only what it keeps.
import { describe, expect, it } from 'vitest';
import { HitLog } from '../../src/evaluate/scan/hit-log.js';
import type { Hit } from '../../src/evaluate/scan/hit.js';

function hit(messageId: string, over: Partial<Hit> = {}, match: Partial<Hit['match']> = {}): Hit {
  return {
    messageId,
    groupId: 'g1',
    senderId: 'u1',
    sentAt: Date.UTC(2026, 10, 3, 1, 2, 3, 456),
    type: 'text',
    forwarded: false,
    recalled: false,
    match: { categoryId: 'insult', clause: 'N1', severity: 'error', kind: 'term', rule: '废物', ruleIndex: 0, text: '废物', ...match },
    excerpt: '你这个方案写得跟废物一样',
    confidential: false,
    violation: true,
    ...over,
  };
}

describe('HitLog', () => {
  it('gives back every field exactly, in order: flags, exemptions, odd UTF-16, a text longer than a chunk', () => {
    const long = '长'.repeat(600_000); // 1.2 MB as UTF-16: a chunk of its own
    const hits: Hit[] = [
      hit('m1'),
      hit('m1', {}, { categoryId: 'ads', clause: 'N2', kind: 'pattern', rule: '加\\s*微信', ruleIndex: 3, text: '加 微信' }),
      hit(
        'm2',
        {
          groupId: 'g2',
          senderId: 'wmExternal',
          type: 'chatrecord',
          forwarded: true,
          recalled: true,
          confidential: true,
          violation: false,
          exemptionId: 'ex-7',
        },
        { categoryId: 'phone', clause: 'S1', severity: 'warning', kind: 'detector', rule: 'phone', ruleIndex: 0, text: '138****5678' },
      ),
      hit('m3\ud800', { excerpt: 'lone \udc00 surrogate 😀', sentAt: -1 }, { text: '' }),
      hit('m4', { excerpt: long }),
      hit('m5'),
    ];
    const log = new HitLog();
    for (const h of hits) log.add(h);
    expect(log.length).toBe(6);
    expect([...log]).toEqual(hits);
    expect([...log]).toEqual(hits); // reading does not consume
    log.clear();
    expect([...log]).toEqual([]);
  });

  it("a message's hits come together, and a filter keeps one clause, or forwarded and confidential ones", () => {
    const log = new HitLog();
    log.add(hit('m1'));
    log.add(hit('m1', {}, { clause: 'S1', categoryId: 'secret' }));
    log.add(hit('m1', { groupId: 'g2' })); // same id in another group: another message
    log.add(hit('m2', { forwarded: true, confidential: true }, { clause: 'S1', categoryId: 'secret' }));
    log.add(hit('m2', { forwarded: true }));
    log.add(hit('m3', { confidential: true }, { clause: 'S2', categoryId: 'plan' }));
    const ids = (runs: Iterable<Hit[]>) => [...runs].map((run) => run.map((h) => `${h.groupId}/${h.messageId}/${h.match.clause}`));
    expect(ids(log.byMessage())).toEqual([['g1/m1/N1', 'g1/m1/S1'], ['g2/m1/N1'], ['g1/m2/S1', 'g1/m2/N1'], ['g1/m3/S2']]);
    expect(ids(log.byMessage({ clause: 'N1' }))).toEqual([['g1/m1/N1'], ['g2/m1/N1'], ['g1/m2/N1']]);
    expect(ids(log.byMessage({ forwarded: true, confidential: true }))).toEqual([['g1/m2/S1']]);
    expect(ids(log.byMessage({ confidential: true }))).toEqual([['g1/m2/S1'], ['g1/m3/S2']]);
  });

  it('holds a typical hit in about 100 bytes', () => {
    const log = new HitLog();
    for (let i = 0; i < 10_000; i++) log.add(hit(`m${100_000 + i}`, { senderId: `u${i % 50}` }));
    // 41 fixed bytes + id (7 UTF-16 units) + matched text (2) + excerpt (12): 41 + 14 + 4 + 24.
    expect(log.bytes).toBe(10_000 * 83);
  });
});
