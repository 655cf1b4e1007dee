// The duplicate-id set of the messages pass: exact answers across layers, on realistic id shapes, and
// the 6-byte slots that keep only what the home slot does not already say.
import { describe, expect, it } from 'vitest';
import { MessageIdSet } from '../../src/data/message-id-set.js';

/** addHash takes (high, low) and homes on p = high ^ low: the pair for a chosen p and low. */
const add = (set: MessageIdSet, p: number, low: number) => set.addHash((p ^ low) >>> 0, low);

describe('MessageIdSet', () => {
  it('adds 300,000 distinct ids once each (through 2 more layers, growing by half), then finds every one', () => {
    const set = new MessageIdSet();
    const ids: string[] = [];
    for (let i = 0; i < 150_000; i++) ids.push(`m${i}`, `${((i * 2654435761) >>> 0).toString(16)}_${i}_external`);
    expect(ids.filter((id) => set.add(id)).length).toBe(300_000);
    expect(set.size).toBe(300_000);
    expect(set.bytes).toBe(3 * 2 ** 17 * 6); // grown twice: layers of 2¹⁷ (the least) and 2¹⁷ (half of 2¹⁸)
    expect(ids.filter((id) => set.add(id)).length).toBe(0);
    expect(set.size).toBe(300_000);
    expect(set.add('m150000')).toBe(true);
    expect(set.add('')).toBe(true);
    expect(set.add('')).toBe(false);
  });

  it('a run of one home wraps around the end of the table, and ids homed at slot 0 still go in', () => {
    const set = new MessageIdSet(); // 2¹⁷ slots: home = p >>> 15
    const lastHome = Array.from({ length: 12 }, (_, i) => 0xffff8000 + i); // all homed at slot 2¹⁷ − 1
    expect(lastHome.every((p) => add(set, p, 7))).toBe(true);
    expect(lastHome.some((p) => add(set, p, 7))).toBe(false);
    // Slots 0..10 now hold the wrapped run; an id homed at 0 probes past it.
    expect(add(set, 0x00000100, 7)).toBe(true);
    expect(add(set, 0x00000100, 7)).toBe(false);
    expect(set.size).toBe(13);
    // The one case 6 bytes cannot tell apart (the file comment's ≈ 10⁻⁷ at 4M ids): an id homed at 0
    // whose 47 stored bits equal those of an entry pushed on from home 2¹⁷ − 1 (p 0xffff8003, now in slot 2).
    expect(add(set, 0x00000003, 7)).toBe(false);
  });

  it('ids that differ only in the bits the home stands for are told apart', () => {
    const set = new MessageIdSet();
    // Same low 15 bits of p, same low: the slots hold the same 6 bytes, at homes 0 and 1.
    expect(add(set, 0x00001234, 0xdeadbeef)).toBe(true);
    expect(add(set, 0x00009234, 0xdeadbeef)).toBe(true);
    expect(add(set, 0x00001234, 0xdeadbeef)).toBe(false);
    expect(add(set, 0x00009234, 0xdeadbeef)).toBe(false);
    // Far apart homes, and the same p with another low.
    expect(add(set, 0x80001234, 0xdeadbeef)).toBe(true);
    expect(add(set, 0x00001234, 0xdeadbeee)).toBe(true);
    expect(set.size).toBe(4);
  });

  it("reserve makes one table of the month's size (≈ 7 bytes an id), or a layer for what is missing", () => {
    const empty = new MessageIdSet();
    empty.reserve(4_400_000); // the bench's 4M month plus a tenth
    expect(empty.bytes).toBe((Math.ceil(4_400_000 / 0.85) + 1) * 6);
    expect(empty.bytes / 4_000_000).toBeLessThan(7.8); // 8-byte slots at 0.8 took 11 bytes an id

    const set = new MessageIdSet();
    for (let i = 0; i < 100; i++) set.add(`r-${i}`);
    const first = Math.floor(2 ** 17 * 0.85); // ids the first layer takes
    set.reserve(400_000);
    const layers = (2 ** 17 + Math.ceil((400_000 - first) / 0.85) + 1) * 6;
    expect(set.bytes).toBe(layers);
    set.reserve(50); // less than what is there: no effect
    set.reserve(390_000); // a better estimate, within the room: no effect
    expect(set.bytes).toBe(layers);
    let added = 0;
    for (let i = 0; i < 400_000; i++) if (set.add(`r-${i}`)) added++;
    expect(added).toBe(400_000 - 100);
    expect(set.size).toBe(400_000);
    expect(set.bytes).toBe(layers); // the first layer filled first: no growth
    set.reserve(410_000); // the estimate was short: a layer of the least size for the 10,000 more
    expect(set.bytes).toBe(layers + 2 ** 17 * 6);
    expect(set.addHash(1, 2)).toBe(true);
    expect(set.addHash(1, 2)).toBe(false);
    expect(set.addHash(2, 1)).toBe(true);
  });
});
