// reply_to needs the sender of the replied message, but remembering every message would grow with the
// data. Only the latest CAPACITY messages are kept (a Map keeps insertion order, so the oldest is
// evicted first): memory stays flat from 1M to 4M messages. A reply to an older message counts as a
// reply to someone else (E6 repliesGiven), since its sender is no longer known.
export const RECENT_CAPACITY = 200_000;

export class RecentSenders {
  private readonly map = new Map<string, string>();
  constructor(private readonly capacity = RECENT_CAPACITY) {}

  remember(messageId: string, senderId: string): void {
    this.map.set(messageId, senderId);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
  }

  senderOf(messageId: string): string | undefined {
    return this.map.get(messageId);
  }
}
