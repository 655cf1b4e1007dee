// Seen message ids of one pass over a month's messages, for the duplicate-id rejection (issue 5, "Bad
// input"). A Set<string> of 4M ids costs ~70 bytes an id (string + table entry, ~280 MB), which broke
// the bench goal "peak RSS at 4M ≤ 1.2× at 1M". Here each id is a 64-bit hash in two typed arrays
// (8 bytes a slot, at most 0.75 full: 10–21 bytes an id). Two different ids share a 64-bit hash with
// probability ≈ n²/2⁶⁵ (4×10⁻⁷ at 4M ids); the rejection names the id, so a person can check.

// The two hashes of the last hashPair call (no array allocated per message).
let hashA = 0;
let hashB = 0;

/** Two independent 32-bit hashes of the UTF-16 code units (FNV-1a and a multiply-xorshift). */
function hashPair(text: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  hashA = a >>> 0;
  hashB = (b ^ (b >>> 16)) >>> 0;
}

export class MessageIdSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private used = 0;
  // A slot whose hi and lo are both zero is empty: a real (0, 0) hash is stored as (0, 1).
  constructor(capacity = 1 << 16) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
  }

  get size(): number { return this.used; }

  /** Adds the id; false when it was already there. */
  add(id: string): boolean {
    hashPair(id);
    const h = hashA;
    const l = h === 0 && hashB === 0 ? 1 : hashB;
    const mask = this.hi.length - 1;
    for (let slot = (l ^ h) & mask; ; slot = (slot + 1) & mask) {
      if (this.hi[slot] === 0 && this.lo[slot] === 0) {
        this.hi[slot] = h;
        this.lo[slot] = l;
        if (++this.used * 4 > this.hi.length * 3) this.grow();
        return true;
      }
      if (this.hi[slot] === h && this.lo[slot] === l) return false;
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    const capacity = hi.length * 2;
    const mask = capacity - 1;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    for (let i = 0; i < hi.length; i++) {
      if (hi[i] === 0 && lo[i] === 0) continue;
      let slot = (lo[i]! ^ hi[i]!) & mask;
      while (this.hi[slot] !== 0 || this.lo[slot] !== 0) slot = (slot + 1) & mask;
      this.hi[slot] = hi[i]!;
      this.lo[slot] = lo[i]!;
    }
  }
}
