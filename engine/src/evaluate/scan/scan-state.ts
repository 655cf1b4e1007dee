// What the one pass over messages leaves behind for the rules, per policy. Everything here is bounded by
// members, groups and findings — never by the number of messages, so memory stays flat as a month grows.
import type { MessageTracker } from './message-tracker.js';
import type { MemberStats } from './member-stats.js';
import { HitLog } from './hit-log.js';

export interface ScanState {
  stats: Map<string, MemberStats>;
  /** Off the heap until the rules read them (hit-log.ts). */
  hits: HitLog;
  /** The trackers the rules declared, each fed every message (keyed by the rule's tracker spec). */
  trackers: Map<object, MessageTracker>;
  messagesByGroup: Map<string, number>;
  /** Latest message time seen in this policy's groups (the data's own "now"). */
  lastMessageAt: number;
}

export function emptyScanState(): ScanState {
  return {
    stats: new Map(),
    hits: new HitLog(),
    trackers: new Map(),
    messagesByGroup: new Map(),
    lastMessageAt: -Infinity,
  };
}
