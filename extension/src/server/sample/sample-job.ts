import type { LocalizedText } from '../engine.js';
// What passes between the language server and its sample-data worker: the policy's text in, counts
// out. Nothing else crosses — no evaluation result, no message text beyond the masked work queue.

export interface SampleJob {
  file: string;
  text: string;
  sampleDir: string;
  month: string;
}

export interface SampleCounts {
  /** dimension → rating → members with that rating. */
  ratings: Record<string, Record<string, number>>;
  /** content category id → distinct messages that matched it. */
  categories: Record<string, number>;
  /** For the evaluateSampleData command: findings per clause, the first work-queue texts. */
  byClause: { clause: string; count: number }[];
  workQueue: LocalizedText[];
  /** For the results view: per dimension, each band reached with its rating and the members in it (names). */
  bands: Record<string, { index: number; rating: string; members: string[] }[]>;
  /** For the results view: per content category, the matching messages' masked excerpts (at most 20). */
  matches: Record<string, string[]>;
  /** Rating and category names of the policy. */
  labels: { ratings: Record<string, LocalizedText>; categories: Record<string, LocalizedText> };
}

export type SampleOutcome =
  | { kind: 'counts'; counts: SampleCounts }
  /** The month did not finish within the budget: the worker was stopped. */
  | { kind: 'over-budget'; budgetMs: number }
  /** The policy or the folder could not be evaluated. */
  | { kind: 'failed' }
  /** A newer text of the same document replaced this run. */
  | { kind: 'stale' };
