// The duplicate-id set of the messages pass: exact answers across growth, on realistic id shapes.
import { describe, expect, it } from 'vitest';
import { MessageIdSet } from '../../src/data/message-id-set.js';

describe('MessageIdSet', () => {
  it('adds 300,000 distinct ids once each (through 2 growths), then finds every one', () => {
    const set = new MessageIdSet(1 << 17);
    const ids: string[] = [];
    for (let i = 0; i < 150_000; i++) ids.push(`m${i}`, `${(i * 2654435761 >>> 0).toString(16)}_${i}_external`);
    expect(ids.filter((id) => set.add(id)).length).toBe(300_000);
    expect(set.size).toBe(300_000);
    expect(ids.filter((id) => set.add(id)).length).toBe(0);
    expect(set.size).toBe(300_000);
    expect(set.add('m150000')).toBe(true);
    expect(set.add('')).toBe(true);
    expect(set.add('')).toBe(false);
  });

  it('a tiny odd capacity wraps around its end and grows by half many times without losing an id', () => {
    const set = new MessageIdSet(7);
    const ids = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
    expect(ids.every((id) => set.add(id))).toBe(true);
    expect(ids.some((id) => set.add(id))).toBe(false);
    expect(set.size).toBe(5000);
  });
});
