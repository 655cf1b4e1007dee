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

  it('reserve keeps the ids already in, and addHash agrees with add', () => {
    const set = new MessageIdSet(7);
    for (let i = 0; i < 100; i++) set.add(`r-${i}`);
    set.reserve(10_000);
    set.reserve(50); // smaller than what is there: no effect
    for (let i = 0; i < 100; i++) expect(set.add(`r-${i}`)).toBe(false);
    for (let i = 100; i < 10_000; i++) expect(set.add(`r-${i}`)).toBe(true);
    expect(set.size).toBe(10_000);
    expect(set.addHash(1, 2)).toBe(true);
    expect(set.addHash(1, 2)).toBe(false);
    expect(set.addHash(2, 1)).toBe(true);
  });
});
