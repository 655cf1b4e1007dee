// What the one pass over messages leaves behind for the rules, per policy. Everything here is bounded by
// members, groups and findings — never by the number of messages, so memory stays flat as a month grows.
import type { MessageType } from '../../data/bundle-types.js';
import type { Hit } from './hit.js';
import { HitLog } from './hit-log.js';

export interface MemberStats {
  messages: number;
  /** Messages with content: not system, not recalled, not a bare acknowledgement (E3/E6). */
  contentMessages: number;
  repliesGiven: number;
  questionsAnswered: number;
  /** Bit d-1 set when the member was active on day d of the month (messages; submissions and attendance are added later). */
  dayBits: number;
  /** Latest activity (message) in epoch ms, or -Infinity. */
  lastActive: number;
  /** Messages with at least one counted violation (M5). */
  violations: number;
}

export function emptyStats(): MemberStats {
  return { messages: 0, contentMessages: 0, repliesGiven: 0, questionsAnswered: 0, dayBits: 0, lastActive: -Infinity, violations: 0 };
}


export interface Question {
  messageId: string;
  groupId: string;
  senderId: string;
  sentAt: number;
  excerpt: string;
}

export interface Material {
  messageId: string;
  groupId: string;
  senderId: string;
  sentAt: number;
  type: MessageType;
  fileName?: string;
  /** Link or caption text present (C2). */
  hasText: boolean;
}

export interface ScanState {
  stats: Map<string, MemberStats>;
  /** Off the heap until the rules read them (hit-log.ts). */
  hits: HitLog;
  unansweredQuestions: Question[];
  /** Questions whose reply window had not closed when the data ended: not judged. */
  undecidedQuestions: number;
  questions: number;
  materials: Material[];
  /** Violations no admin reacted to within the window (A3). */
  unstoppedViolations: Hit[];
  messagesByGroup: Map<string, number>;
  /** Latest message time seen in this policy's groups (the data's own "now"). */
  lastMessageAt: number;
}

export function emptyScanState(): ScanState {
  return {
    stats: new Map(), hits: new HitLog(), unansweredQuestions: [], undecidedQuestions: 0, questions: 0, materials: [],
    unstoppedViolations: [], messagesByGroup: new Map(), lastMessageAt: -Infinity,
  };
}
