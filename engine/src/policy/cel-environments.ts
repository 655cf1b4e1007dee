// The variables a CEL expression may use, per place in the policy. Shared by validation (type check)
// and evaluation (the same Environment evaluates), so what validates is what runs.
import { Environment } from '@marcbachmann/cel-js';
import { DIMENSION_METRICS } from './model/catalogue.generated.js';

const METRICS_BY_DIMENSION: Record<string, { metrics: readonly string[] }> = DIMENSION_METRICS;

const memberSchema = { joinedDays: 'int', role: 'string', department: 'string', position: 'string', employmentStatus: 'string' };

const cache = new Map<string, Environment>();

/** Environment for `assessment.<dimension>.bands[].when`: the dimension's metrics (double) and `member`. */
export function bandEnvironment(dimension: string): Environment {
  const key = `band:${dimension}`;
  let env = cache.get(key);
  if (!env) {
    env = new Environment({ limits: { maxAstNodes: 500, maxDepth: 50, maxListElements: 1000, maxMapEntries: 1000, maxCallArguments: 32 } });
    for (const metric of METRICS_BY_DIMENSION[dimension]?.metrics ?? []) env.registerVariable(metric, 'double');
    env.registerVariable({ name: 'member', schema: memberSchema });
    cache.set(key, env);
  }
  return env;
}

/** Environment for `membership.eligibility.expression`: the `employee` record (M2). */
export function eligibilityEnvironment(): Environment {
  let env = cache.get('eligibility');
  if (!env) {
    env = new Environment({ limits: { maxAstNodes: 500, maxDepth: 50, maxListElements: 1000, maxMapEntries: 1000, maxCallArguments: 32 } });
    env.registerVariable({ name: 'employee', schema: { department: 'string', position: 'string', employmentStatus: 'string', tenureDays: 'int' } });
    cache.set('eligibility', env);
  }
  return env;
}

export function celVariables(dimension: string | 'eligibility'): string[] {
  return dimension === 'eligibility' ? ['employee'] : [...(METRICS_BY_DIMENSION[dimension]?.metrics ?? []), 'member'];
}
