// Finds the content matcher (engine/src/match/ compileMatcher). Read through the namespace so the
// engine builds and runs while the matcher module is still being written: without it, the content
// clauses are listed as not evaluated instead of passing.
import * as match from '../match/index.js';
import type { CompileMatcher } from './matcher-port.js';

export function defaultCompileMatcher(): CompileMatcher | undefined {
  const candidate = (match as Record<string, unknown>).compileMatcher;
  return typeof candidate === 'function' ? (candidate as CompileMatcher) : undefined;
}
