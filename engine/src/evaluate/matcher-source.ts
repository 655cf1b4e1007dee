// The content matcher the engine uses by default (engine/src/match/). Tests pass fakes instead.
import { compileMatcher } from '../match/index.js';
import type { CompileMatcher } from './matcher-port.js';

export function defaultCompileMatcher(): CompileMatcher | undefined {
  return compileMatcher as CompileMatcher;
}
