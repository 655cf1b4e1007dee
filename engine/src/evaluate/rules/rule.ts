// One engine clause concern = one rule file with a stable finding code (docs/findings/<code>.md).
import type { LocalizedText } from '../../diagnostics/diagnostic.js';
import type { TableName } from '../../data/bundle-types.js';
import type { Path } from '../../policy/paths.js';
import type { PolicyEval } from '../context.js';
import type { TrackerSpec } from '../scan/tracker-spec.js';

export interface FindingDoc {
  /** One line: what the finding means. */
  summary: LocalizedText;
  /** A concrete case that triggers it. */
  example: LocalizedText;
  /** Exactly how it is computed (thresholds, what counts, edge cases). */
  computed: LocalizedText;
  /** Policy fields that configure it, with defaults. */
  configuration: LocalizedText;
}

export interface EvalRule {
  code: string;
  clause: string;
  /** Tables the rule reads; when one is missing the clause is listed as not evaluated. */
  needs: readonly TableName[];
  /** Policy settings the rule needs; when one is unset the clause is listed as not evaluated. */
  settings?: readonly Path[];
  /** Extra precondition (e.g. "a category for N1 exists"); a returned text is the not-evaluated reason. */
  precondition?(ctx: PolicyEval): LocalizedText | undefined;
  /** false: a failed precondition is listed as not evaluated but the rule still runs (partly evaluable). */
  preconditionBlocks?: boolean;
  /** What the rule follows in the messages during the scan (one tracker per policy, shared by the
   *  rules that declare the same spec); run() reads it with trackerOf. */
  trackers?: readonly TrackerSpec[];
  /** Reads the content matches of the scan: without a matcher the clause is not evaluated. */
  needsMatcher?: boolean;
  /** Policy location shown for the finding when the rule has no more precise one. */
  path: Path;
  doc: FindingDoc;
  run(ctx: PolicyEval): void;
}
