// M5's view of the messages: per member, how many messages held at least one counted violation
// (a message with several, in its text and its forwarded records, counts once).
import type { MessageRow } from '../../data/bundle-types.js';
import { membershipKey } from '../context.js';
import type { Hit } from '../scan/hit.js';
import type { MessageTracker } from '../scan/message-tracker.js';
import type { TrackerSpec } from '../scan/tracker-spec.js';

export class ViolationCountTracker implements MessageTracker {
  /** Messages with a counted violation, by membership key. */
  readonly byMember = new Map<string, number>();
  private lastMessage: MessageRow | undefined;
  private counted: MessageRow | undefined;

  message(message: MessageRow): void {
    this.lastMessage = message;
  }

  violation(hit: Hit): void {
    // Hits arrive right after their message: the message itself tells whether it was counted already.
    if (this.counted === this.lastMessage) return;
    this.counted = this.lastMessage;
    const key = membershipKey(hit.groupId, hit.senderId);
    this.byMember.set(key, (this.byMember.get(key) ?? 0) + 1);
  }

  finish(): void {
    this.lastMessage = undefined;
    this.counted = undefined;
  }
}

export const violationCountTracker: TrackerSpec<ViolationCountTracker> = { name: 'violations per member (M5)', create: () => new ViolationCountTracker() };
