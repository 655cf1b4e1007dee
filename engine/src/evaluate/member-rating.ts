// The per-member record the rating and outcome rules fill in (members[] of result.json).
import type { MemberRating, PolicyEval } from './context.js';

export function ratingOf(ctx: PolicyEval, key: string): MemberRating {
  let entry = ctx.ratings.get(key);
  if (!entry) {
    entry = { ratings: { assignments: null, tests: null, participation: null, overall: null }, metrics: {}, points: null, actions: [] };
    ctx.ratings.set(key, entry);
  }
  return entry;
}
