// The three dimensions a learner is rated on (E4–E6): the tables each reads, how its metrics are
// computed and when a learner has something to be rated on. The scoring stage rates on them; the
// rating finding rules report on them and declare the same tables, so both agree on what ran.
import type { TableName } from '../../data/bundle-types.js';
import type { Membership, PolicyEval, RatedDimension } from '../context.js';
import { assignmentMetrics, participationMetrics, testMetrics, type Metrics } from './metrics.js';

export interface RatedDimensionSpec {
  dimension: RatedDimension;
  clause: 'E4' | 'E5' | 'E6';
  /** The finding code that reports the worst rating, and names the clause when it cannot be rated. */
  code: string;
  needs: readonly TableName[];
  metrics(ctx: PolicyEval, m: Membership): Metrics;
  /** The learner has something to be rated on (else the rating is null). */
  hasData(metrics: Metrics): boolean;
}

export const RATED_DIMENSIONS: readonly RatedDimensionSpec[] = [
  {
    dimension: 'assignments',
    clause: 'E4',
    code: 'assignment-rating-fail',
    needs: ['members', 'assignments', 'submissions'],
    metrics: assignmentMetrics,
    hasData: (m) => m.onTimeRate !== null,
  },
  { dimension: 'tests', clause: 'E5', code: 'test-rating-fail', needs: ['members', 'tests'], metrics: testMetrics, hasData: (m) => m.score !== null },
  {
    dimension: 'participation',
    clause: 'E6',
    code: 'participation-rating-fail',
    needs: ['members', 'messages'],
    metrics: participationMetrics,
    hasData: () => true,
  },
];

export function ratedDimension(dimension: RatedDimension): RatedDimensionSpec {
  return RATED_DIMENSIONS.find((spec) => spec.dimension === dimension)!;
}
