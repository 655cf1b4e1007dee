// A 64-bit hash of an id string, as two independent 32-bit halves (FNV-1a and a multiply-xorshift),
// for tables that must remember millions of message ids without keeping the strings: two different
// ids share both halves with probability ≈ n²/2⁶⁵ (4×10⁻⁷ at 4M ids). The halves are written to
// `idHash` rather than returned, so hashing allocates nothing.

/** [high, low] of the last hashId call; low is never 0 when high is 0 (an all-zero slot means empty). */
export const idHash = new Uint32Array(2);

export function hashId(text: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  idHash[0] = a;
  idHash[1] = a === 0 && b === 0 ? 1 : b;
}
