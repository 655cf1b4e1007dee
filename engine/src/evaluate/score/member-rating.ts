// The per-member record the scoring stage fills in (members[] of result.json).
import type { MemberRating, ScoringContext } from '../context.js';

export function ratingOf(ctx: ScoringContext, key: string): MemberRating {
  let entry = ctx.ratings.get(key);
  if (!entry) {
    entry = { ratings: { assignments: null, tests: null, participation: null, overall: null }, metrics: {}, bands: {}, points: null, actions: [] };
    ctx.ratings.set(key, entry);
  }
  return entry;
}
