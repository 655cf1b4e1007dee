// The scoring stage: for every learner, metrics → the band reached in each dimension → the overall
// rating → points and follow-ups (with escalation). It runs after the scan and before any finding
// rule, so members[] never depends on which findings could be reported; the rules only read it.
import { bandTables, type BandTable } from '../../policy/model/band-tables.js';
import { CelBudgetError } from '../cel-budget.js';
import type { ScoringContext } from '../context.js';
import { internalErrorReason } from '../internal-error.js';
import { lastActivity } from '../last-activity.js';
import { isRated, learners } from '../learners.js';
import { rateOnBands } from './band-rating.js';
import { memberFacts } from './member-facts.js';
import { ratingOf } from './member-rating.js';
import { participationMetrics } from './metrics.js';
import { scoreOutcomes } from './outcomes.js';
import { rateOverall } from './overall.js';
import { RATED_DIMENSIONS, type RatedDimensionSpec } from './rated-dimensions.js';

export function scoreMembers(ctx: ScoringContext): void {
  const tables = new Map(bandTables(ctx.policy).map((table) => [table.dimension, table]));
  for (const spec of RATED_DIMENSIONS) {
    const table = tables.get(spec.dimension);
    // Without the dimension's section or one of its tables nothing is rated; its rule says why.
    if (!table || ctx.policy.assessment?.[spec.dimension] === undefined || !spec.needs.every((t) => ctx.present.has(t))) continue;
    try {
      rateDimension(ctx, spec, table);
    } catch (error) {
      // A condition over its step budget is the policy's doing, not a bug: it stops the run.
      if (error instanceof CelBudgetError) throw error;
      ctx.notEvaluated(spec.clause, spec.code, internalErrorReason(spec.code, error));
    }
  }
  const hasMessages = ctx.present.has('messages');
  for (const m of learners(ctx)) {
    const entry = ratingOf(ctx, m.key);
    // Participation metrics are shown wherever messages were read, rated or not.
    if (hasMessages && entry.metrics.activeDays === undefined) Object.assign(entry.metrics, participationMetrics(ctx, m));
    if (isRated(ctx, m)) rateOverall(ctx.policy, entry, memberFacts(ctx, m), tables.get('overall'));
    entry.metrics.lastActiveAt = lastActivity(ctx, m).at ?? null;
  }
  scoreOutcomes(ctx);
}

function rateDimension(ctx: ScoringContext, spec: RatedDimensionSpec, table: BandTable): void {
  for (const m of learners(ctx)) {
    const metrics = spec.metrics(ctx, m);
    const entry = ratingOf(ctx, m.key);
    Object.assign(entry.metrics, metrics);
    if (!isRated(ctx, m) || !spec.hasData(metrics)) continue;
    const outcome = rateOnBands(table, metrics, memberFacts(ctx, m));
    if (!outcome) continue;
    entry.ratings[spec.dimension] = outcome.rating;
    entry.bands[spec.dimension] = { index: outcome.index, metrics };
  }
}
