// Seen message ids of one pass over a month's messages, for the duplicate-id rejection (issue 5, "Bad
// input"). A Set<string> of 4M ids costs ~70 bytes an id (string + table entry, ~280 MB), which broke
// the bench goal "peak RSS at 4M ≤ 1.2× at 1M". Here each id is a 64-bit hash in one typed array
// (8 bytes a slot, interleaved, at most 0.75 full: 10–21 bytes an id). Two different ids share a 64-bit hash with
// probability ≈ n²/2⁶⁵ (4×10⁻⁷ at 4M ids); the rejection names the id, so a person can check.

import { hashId, idHash } from '../util/id-hash.js';

export class MessageIdSet {
  /** Slot i is (slots[2i], slots[2i+1]): both hashes side by side, one cache line per probe. */
  private slots: Uint32Array;
  private used = 0;
  // A slot whose two words are both zero is empty (hashId never yields (0, 0)).
  constructor(capacity = 1 << 16) {
    this.slots = new Uint32Array(capacity * 2);
  }

  get size(): number { return this.used; }

  /** Adds the id; false when it was already there. */
  add(id: string): boolean {
    hashId(id);
    const h = idHash[0]!;
    const l = idHash[1]!;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = (l ^ h) & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 1;
      const a = slots[at]!;
      const b = slots[at + 1]!;
      if (a === 0 && b === 0) {
        slots[at] = h;
        slots[at + 1] = l;
        if (++this.used * 4 > (slots.length >> 1) * 3) this.grow();
        return true;
      }
      if (a === h && b === l) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Uint32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      const h = old[at]!;
      const l = old[at + 1]!;
      if (h === 0 && l === 0) continue;
      let slot = (l ^ h) & mask;
      while (slots[slot << 1] !== 0 || slots[(slot << 1) + 1] !== 0) slot = (slot + 1) & mask;
      slots[slot << 1] = h;
      slots[(slot << 1) + 1] = l;
    }
    this.slots = slots;
  }
}
