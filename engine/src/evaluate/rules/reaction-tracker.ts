// A3's view of the messages: each counted violation waits for a reaction — the message recalled, or an
// admin or lecturer speaking in the group — within content.stopWithinHours. Those still waiting when
// their window closes inside the month are the violations nobody stopped.
import type { MessageRow } from '../../data/bundle-types.js';
import type { PolicyEval } from '../context.js';
import type { Hit } from '../scan/hit.js';
import type { MessageFacts, MessageTracker } from '../scan/message-tracker.js';
import type { TrackerSpec } from '../scan/tracker-spec.js';
import { HOUR } from '../time.js';

export class ReactionTracker implements MessageTracker {
  readonly unstopped: Hit[] = [];
  private readonly window: number;
  /** Violations waiting for a reaction, per group, oldest first. */
  private readonly waiting = new Map<string, Hit[]>();
  /** The earliest sentAt among waiting hits (a lower bound: reactions only remove). */
  private oldestWaiting = Infinity;

  constructor(private readonly ctx: PolicyEval) {
    this.window = ctx.settings.adminResponseHours * HOUR;
  }

  message(message: MessageRow, facts: MessageFacts | undefined): void {
    this.expire(message.sent_at);
    if (facts?.staff) this.reacted(message.group_id, message.sent_at);
  }

  violation(hit: Hit): void {
    if (hit.recalled) return;
    const list = this.waiting.get(hit.groupId);
    if (list) list.push(hit);
    else this.waiting.set(hit.groupId, [hit]);
    if (hit.sentAt < this.oldestWaiting) this.oldestWaiting = hit.sentAt;
  }

  finish(): void {
    for (const hits of this.waiting.values()) {
      for (const hit of hits) {
        if (hit.sentAt + this.window < this.ctx.month.end) this.unstopped.push(hit);
      }
    }
    this.waiting.clear();
  }

  private reacted(groupId: string, at: number): void {
    const hits = this.waiting.get(groupId);
    if (!hits) return;
    const left = hits.filter((hit) => hit.sentAt >= at);
    if (left.length === 0) this.waiting.delete(groupId);
    else this.waiting.set(groupId, left);
  }

  /** Only walks the waiting violations once the oldest of them can have run out. */
  private expire(now: number): void {
    if (this.waiting.size === 0 || this.oldestWaiting + this.window >= now) return;
    let oldest = Infinity;
    for (const [groupId, hits] of this.waiting) {
      while (hits.length > 0 && hits[0]!.sentAt + this.window < now) this.unstopped.push(hits.shift()!);
      if (hits.length === 0) this.waiting.delete(groupId);
      else if (hits[0]!.sentAt < oldest) oldest = hits[0]!.sentAt;
    }
    this.oldestWaiting = oldest;
  }
}

export const reactionTracker: TrackerSpec<ReactionTracker> = { name: 'reactions to violations (A3)', create: (ctx) => new ReactionTracker(ctx) };
