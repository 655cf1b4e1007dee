// What a semantic rule is: a code, and a check over the loaded policy that reports through ctx.
// Rules run after schema validation and must tolerate values of the wrong shape (they are written
// against `view`, which only ever hands out arrays, records, strings and numbers of the right type).
import type { LoadedPolicy } from '../load.js';
import type { Report } from '../diagnostic-builder.js';

export interface RuleContext {
  loaded: LoadedPolicy;
  /** The policy value (possibly with schema errors elsewhere). */
  policy: Record<string, unknown>;
  report(report: Report): void;
}

export interface PolicyRule {
  code: string;
  check(ctx: RuleContext): void;
}
