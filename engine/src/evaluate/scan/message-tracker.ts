// How a clause follows the messages: a rule declares the trackers it reads (rule.trackers, see
// tracker-spec.ts), the scan creates one of each per policy and feeds it every message of the policy's
// groups, in file order, during the one pass. What a tracker keeps is bounded by people and findings,
// never by the number of messages.
import type { MessageRow } from '../../data/bundle-types.js';
import type { Hit } from './hit.js';
import type { MemberStats } from './member-stats.js';

/** What the scan already knows about a message (not recomputed by each tracker). */
export interface MessageFacts {
  /** The sender is an admin or a lecturer of the group. */
  staff: boolean;
  /** A text that only acknowledges (收到, 好的, 👍…). */
  bare: boolean;
  /** The sender's counters (a tracker may add to them: N5 counts the questions a member answered). */
  stats: MemberStats;
}

export interface MessageTracker {
  /** Every message, system messages included (then `facts` is undefined: nobody sent them). */
  message(message: MessageRow, facts: MessageFacts | undefined): void;
  /** A counted violation the matcher found in the message last passed to message(). */
  violation?(hit: Hit): void;
  /** The end of the data. */
  finish(): void;
}
