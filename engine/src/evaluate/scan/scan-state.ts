// What the one pass over messages leaves behind for the rules, per policy. Everything here is bounded by
// members, groups and findings — never by the number of messages (issue 4: flat memory from 1M to 4M).
import type { MessageType } from '../../data/bundle-types.js';
import type { ContentMatch } from '../matcher-port.js';
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

export interface Hit {
  messageId: string;
  groupId: string;
  senderId: string;
  sentAt: number;
  type: MessageType;
  /** The match was inside a forwarded chat record (S4). */
  forwarded: boolean;
  recalled: boolean;
  match: HitMatch;
  /** ≤ 40 characters around the match, masked unless redaction is off. */
  excerpt: string;
  /** Exemption (報備) that covers this match (N4). */
  exemptionId?: string;
  /** Category is confidential content (S1, S2 by default). */
  confidential: boolean;
  /** Counts as a violation for M5 / A3 (severity error, counted category, not exempt). */
  violation: boolean;
}

/** A content match without its place in the text (the excerpt shows it). */
export type HitMatch = Omit<ContentMatch, 'start' | 'end'>;

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
