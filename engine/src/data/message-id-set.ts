// Seen message ids of one pass over a month's messages, for the duplicate-id rejection (issue 5, "Bad
// input"). A Set<string> of 4M ids costs ~70 bytes an id (string + table entry, ~280 MB), which broke
// the bench goal "peak RSS at 4M ≤ 1.2× at 1M". Here each id is a 64-bit hash in one typed array
// (8 bytes a slot, interleaved, at most 0.8 full and grown by half: 10–15 bytes an id). Two different ids share a 64-bit hash with
// probability ≈ n²/2⁶⁵ (4×10⁻⁷ at 4M ids); the rejection names the id, so a person can check.

import { hashId, idHash } from '../util/id-hash.js';

/**
 * The slots live in a SharedArrayBuffer, though no other thread sees them: V8 counts a plain
 * ArrayBuffer as the heap's external memory and lets the old generation grow with it before a full
 * collection — with a 4M-message table (~45 MB) on the main thread, the heap then held ~150 MB more
 * garbage (peak RSS 516 MB). A SharedArrayBuffer is not counted so.
 */
function slotsOf(capacity: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(capacity * 8));
}

/** Grown by half when more than MAX_LOAD full: 10–15 bytes an id (doubling at 0.75 gave 10–21). */
const MAX_LOAD = 0.8;
const GROWTH = 1.5;

export class MessageIdSet {
  /** Slot i is (slots[2i], slots[2i+1]): both hashes side by side, one cache line per probe. */
  private slots: Uint32Array;
  private capacity: number;
  private used = 0;
  // A slot whose two words are both zero is empty (hashId never yields (0, 0)).
  constructor(capacity = 1 << 16) {
    this.capacity = capacity;
    this.slots = slotsOf(capacity);
  }

  get size(): number { return this.used; }

  /** Adds the id; false when it was already there. */
  add(id: string): boolean {
    hashId(id);
    return this.addHash(idHash[0]!, idHash[1]!);
  }

  /** Adds the id by its hash (hashId's two halves); false when it was already there. */
  addHash(h: number, l: number): boolean {
    const slots = this.slots;
    const capacity = this.capacity;
    // Any capacity, not only powers of two: the home slot is the hash scaled to [0, capacity).
    for (let slot = home(h ^ l, capacity); ; slot = slot + 1 === capacity ? 0 : slot + 1) {
      const at = slot << 1;
      const a = slots[at]!;
      const b = slots[at + 1]!;
      if (a === 0 && b === 0) {
        slots[at] = h;
        slots[at + 1] = l;
        if (++this.used > capacity * MAX_LOAD) this.grow(Math.ceil(capacity * GROWTH));
        return true;
      }
      if (a === h && b === l) return false;
    }
  }

  /** Room for `ids` ids in all without growing (an estimate: more still fit, by growth). */
  reserve(ids: number): void {
    const capacity = Math.ceil(ids / MAX_LOAD) + 1;
    if (capacity > this.capacity) this.grow(capacity);
  }

  private grow(capacity: number): void {
    const old = this.slots;
    const slots = slotsOf(capacity);
    for (let at = 0; at < old.length; at += 2) {
      const h = old[at]!;
      const l = old[at + 1]!;
      if (h === 0 && l === 0) continue;
      let slot = home(h ^ l, capacity);
      while (slots[slot << 1] !== 0 || slots[(slot << 1) + 1] !== 0) slot = slot + 1 === capacity ? 0 : slot + 1;
      slots[slot << 1] = h;
      slots[(slot << 1) + 1] = l;
    }
    this.slots = slots;
    this.capacity = capacity;
  }
}

/** `hash` (32 bits) mapped onto [0, capacity) by multiplication (Lemire's fast range reduction). */
function home(hash: number, capacity: number): number {
  return Math.floor(((hash >>> 0) * capacity) / 4294967296);
}
