// E4–E6 and the overall rating: bands are tried top to bottom and the first whose conditions all hold
// wins. `min` is a number (the dimension's main metric) or a map metric → lowest value (inclusive);
// `when` is CEL over the metrics and `member`, run by the same environment that type-checked it,
// within a step budget (cel-budget.ts).
import { bandEnvironment } from '../policy/cel-environments.js';
import { CelBudgetError, compileBounded, type BoundedCondition } from './cel-budget.js';
import type { Metrics } from './metrics.js';

export interface Band {
  rating: string;
  min?: number | Record<string, number | undefined>;
  when?: string;
}

export interface MemberFacts {
  joinedDays: number;
  role: string;
  department: string;
  position: string;
  employmentStatus: string;
}

export interface BandOutcome {
  rating: string;
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

/** Does `min` hold? A metric with no value (nothing to measure this month) is skipped. */
function minHolds(min: Band['min'], mainMetric: string, metrics: Metrics): boolean {
  if (min === undefined) return true;
  const entries = typeof min === 'number' ? [[mainMetric, min] as const] : Object.entries(min);
  for (const [metric, lowest] of entries) {
    if (lowest === undefined) continue;
    const value = metrics[metric];
    if (value === null || value === undefined) continue;
    if (value < lowest) return false;
  }
  return true;
}

function whenHolds(dimension: string, index: number, source: string | undefined, metrics: Metrics, member: MemberFacts): boolean {
  if (source === undefined) return true;
  const context: Record<string, unknown> = {
    member: { ...member, joinedDays: BigInt(Math.trunc(member.joinedDays)) },
  };
  const missing: string[] = [];
  for (const [name, value] of Object.entries(metrics)) {
    if (value === null) missing.push(name);
    else context[name] = value;
  }
  try {
    return compile(dimension, source)(context) === true;
  } catch (error) {
    // Too much work is not "false": the month's ratings would be wrong without a word. It stops the run.
    if (error instanceof CelBudgetError) {
      error.path ??= ['assessment', dimension, 'bands', index, 'when'];
      throw error;
    }
    // A condition that only fails because a metric has nothing to measure this month is skipped, like `min`.
    const text = String((error as Error).message ?? error);
    if (missing.some((name) => text.includes(name))) return true;
    return false;
  }
}

/** The first band whose conditions all hold, or null when none does (no catch-all). */
export function rate(dimension: string, bands: readonly Band[], mainMetric: string, metrics: Metrics, member: MemberFacts): BandOutcome | null {
  for (let index = 0; index < bands.length; index++) {
    const band = bands[index]!;
    if (minHolds(band.min, mainMetric, metrics) && whenHolds(dimension, index, band.when, metrics, member)) return { rating: band.rating, index };
  }
  return null;
}
