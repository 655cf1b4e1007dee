// One content match in one message, as the scan keeps it for the content rules.
import type { MessageType } from '../../data/bundle-types.js';
import type { ContentMatch } from '../matcher-port.js';

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
