// Per-member counters the one pass over messages keeps (the participation metrics and M5 are made from them).
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
}

export function emptyStats(): MemberStats {
  return { messages: 0, contentMessages: 0, repliesGiven: 0, questionsAnswered: 0, dayBits: 0, lastActive: -Infinity };
}
