// The overall rating (E4–E6 → one rating) by assessment.overall.method: weighted (Σ weight × rating
// score, then overall.bands on `score`), worst, or best. A rating's score is its `score`, or evenly
// spaced from 100 (best) to 0 (worst) by order.
import type { QunguiTrainingGroupPolicy as Policy } from '../../policy/policy-types.generated.js';
import type { BandTable } from '../../policy/model/band-tables.js';
import { round1 } from '../describe.js';
import type { MemberRating, RatedDimension } from '../context.js';
import { rateOnBands } from './band-rating.js';
import type { MemberFacts } from './member-facts.js';

const DIMENSIONS: readonly RatedDimension[] = ['assignments', 'tests', 'participation'];

export function ratingScores(policy: Policy): Map<string, number> {
  const n = policy.ratings.length;
  return new Map(policy.ratings.map((r, i) => [r.id, r.score ?? (n === 1 ? 100 : round1(100 - (100 * i) / (n - 1)))]));
}

/** Sets entry.ratings.overall (and metrics.score for the weighted method). */
export function rateOverall(policy: Policy, entry: MemberRating, member: MemberFacts, bands: BandTable | undefined): void {
  const overall = policy.assessment?.overall;
  const order = new Map(policy.ratings.map((r, i) => [r.id, i]));
  const present = DIMENSIONS.filter((d) => entry.ratings[d] !== null);
  if (present.length === 0) return;
  if (!overall || overall.method === 'worst' || overall.method === 'best') {
    // Without an overall section, the worst dimension decides (the regulation's "fail in one is a fail").
    const sorted = present.map((d) => entry.ratings[d]!).sort((a, b) => order.get(a)! - order.get(b)!);
    entry.ratings.overall = overall?.method === 'best' ? sorted[0]! : sorted[sorted.length - 1]!;
    return;
  }
  const scores = ratingScores(policy);
  const weights = overall.weights ?? {};
  // Dimensions without a rating this month are left out and the remaining weights renormalised.
  let total = 0;
  let sum = 0;
  for (const d of present) {
    const w = weights[d] ?? 0;
    total += w;
    sum += w * scores.get(entry.ratings[d]!)!;
  }
  if (total === 0) return;
  const score = round1(sum / total);
  entry.metrics.overallScore = score;
  if (bands) {
    const outcome = rateOnBands(bands, { score }, member);
    if (outcome) {
      entry.ratings.overall = outcome.rating;
      entry.bands.overall = { index: outcome.index, metrics: { score } };
    }
    return;
  }
  // No bands: the best rating whose score the member reached.
  const reached = policy.ratings.find((r) => score >= scores.get(r.id)!);
  entry.ratings.overall = (reached ?? policy.ratings[policy.ratings.length - 1]!).id;
}
