// reply_to needs the sender of the replied message, but remembering every message would grow with the
// data. Only the latest CAPACITY (50,000) messages are kept, in a ring: the slot being overwritten names the id
// to forget (no Map iteration, which V8 makes slow once many entries were deleted). Memory stays flat
// from 1M to 4M messages. A reply to an older message counts as a reply to someone else (E6 repliesGiven),
// since its sender is no longer known.
export const RECENT_CAPACITY = 50_000;

export class RecentSenders {
  private readonly map = new Map<string, string>();
  private readonly ring: (string | undefined)[];
  private next = 0;

  constructor(private readonly capacity = RECENT_CAPACITY) {
    this.ring = new Array<string | undefined>(capacity);
  }

  remember(messageId: string, senderId: string): void {
    const evicted = this.ring[this.next];
    if (evicted !== undefined) this.map.delete(evicted);
    this.ring[this.next] = messageId;
    this.next = (this.next + 1) % this.capacity;
    this.map.set(messageId, senderId);
  }

  senderOf(messageId: string): string | undefined {
    return this.map.get(messageId);
  }
}
