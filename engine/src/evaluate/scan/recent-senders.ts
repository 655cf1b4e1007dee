// reply_to needs the sender of the replied message, but remembering every message would grow with the
// data. Two generations of at most CAPACITY (50,000) messages are kept: when the current one fills, it
// becomes the previous one and the older one is cleared whole. So the latest 50,000–100,000 messages
// are known and memory does not grow with the month. A generation is an open-addressing table of
// 64-bit id hashes → sender numbers in one typed array: no message id string is kept alive (keeping a
// million of them promoted each to the old heap, and Map deletes slowed V8 down). A reply to an older message counts as a reply to someone else (E6
// repliesGiven), since its sender is no longer known.
import { hashId, idHash } from '../../util/id-hash.js';

export const RECENT_CAPACITY = 50_000;

/** Slot layout: hash high, hash low, sender number + 1 (0: empty). */
const STRIDE = 3;

export class RecentSenders {
  private current: Uint32Array;
  private previous: Uint32Array;
  private count = 0;
  private readonly mask: number;

  constructor(private readonly capacity = RECENT_CAPACITY) {
    let slots = 1024;
    while (slots < capacity * 2) slots *= 2; // at most half full
    this.mask = slots - 1;
    this.current = new Uint32Array(slots * STRIDE);
    this.previous = new Uint32Array(slots * STRIDE);
  }

  /** `sender`: a small non-negative number the caller maps back to a sender id. */
  remember(messageId: string, sender: number): void {
    if (this.count >= this.capacity) {
      const older = this.previous;
      this.previous = this.current;
      this.current = older.fill(0);
      this.count = 0;
    }
    hashId(messageId);
    const high = idHash[0]!;
    const low = idHash[1]!;
    const table = this.current;
    for (let slot = (high ^ low) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * STRIDE;
      if (table[at + 2] === 0 || (table[at] === high && table[at + 1] === low)) {
        if (table[at + 2] === 0) this.count++;
        table[at] = high;
        table[at + 1] = low;
        table[at + 2] = sender + 1;
        return;
      }
    }
  }

  /** The sender number remembered for the message, or -1. */
  senderOf(messageId: string): number {
    hashId(messageId);
    const found = this.find(this.current);
    return found !== -1 ? found : this.find(this.previous);
  }

  private find(table: Uint32Array): number {
    const high = idHash[0]!;
    const low = idHash[1]!;
    for (let slot = (high ^ low) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * STRIDE;
      const sender = table[at + 2]!;
      if (sender === 0) return -1;
      if (table[at] === high && table[at + 1] === low) return sender - 1;
    }
  }
}
