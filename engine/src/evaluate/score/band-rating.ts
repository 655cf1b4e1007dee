// E4–E6 and the overall rating on the policy's band tables (policy/model/band-tables.ts, the same
// reading the validator checks): bands are tried top to bottom and the first whose conditions all hold
// wins. A threshold holds when the member's value is at least it; `when` is CEL over the metrics and
// `member`, run by the same environment that type-checked it, within a step budget (cel-budget.ts).
import { bandEnvironment } from '../../policy/cel-environments.js';
import type { BandTable, BandView, Threshold } from '../../policy/model/band-tables.js';
import { CelBudgetError, compileBounded, type BoundedCondition } from '../cel-budget.js';
import type { MemberFacts } from './member-facts.js';
import type { Metrics } from './metrics.js';

export interface BandOutcome {
  rating: string;
  /** The band's position in its table (its path is `assessment.<dimension>.bands.<index>`). */
  index: number;
}

const compiled = new Map<string, BoundedCondition>();

function compile(dimension: string, source: string): BoundedCondition {
  const key = `${dimension}\u0000${source}`;
  let fn = compiled.get(key);
  if (!fn) {
    fn = compileBounded(bandEnvironment(dimension), source);
    compiled.set(key, fn);
  }
  return fn;
}

/** A metric with no value (nothing to measure this month) does not decide: its threshold is skipped. */
function thresholdsHold(thresholds: readonly Threshold[], metrics: Metrics): boolean {
  for (const { metric, value: lowest } of thresholds) {
    const value = metrics[metric];
    if (value === null || value === undefined) continue;
    if (value < lowest) return false;
  }
  return true;
}

function whenHolds(table: BandTable, band: BandView, metrics: Metrics, member: MemberFacts): boolean {
  if (band.when === undefined) return true;
  const context: Record<string, unknown> = {
    member: { ...member, joinedDays: BigInt(Math.trunc(member.joinedDays)) },
  };
  const missing: string[] = [];
  for (const [name, value] of Object.entries(metrics)) {
    if (value === null) missing.push(name);
    else context[name] = value;
  }
  try {
    return compile(table.dimension, band.when)(context) === true;
  } catch (error) {
    // Too much work is not "false": the month's ratings would be wrong without a word. It stops the run.
    if (error instanceof CelBudgetError) {
      error.path ??= [...band.path, 'when'];
      throw error;
    }
    // A condition that only fails because a metric has nothing to measure this month is skipped, like a threshold.
    const text = String((error as Error).message ?? error);
    if (missing.some((name) => text.includes(name))) return true;
    return false;
  }
}

/** The first band whose conditions all hold, or null when none does (no catch-all). */
export function rateOnBands(table: BandTable, metrics: Metrics, member: MemberFacts): BandOutcome | null {
  for (const band of table.bands) {
    // A validated policy has a rating on every band; the guard keeps the type honest.
    if (band.rating === undefined) continue;
    if (thresholdsHold(band.thresholds, metrics) && whenHolds(table, band, metrics, member)) return { rating: band.rating, index: band.index };
  }
  return null;
}
