// Shape of result.json (DESIGN.md "Outputs of qungui evaluate", a contract). The other outputs
// (members.csv, findings.csv, report.html, report.md, xlsx) are views of this object.
// schemas/result.schema.json describes the same shape for other tools; a test keeps them in step.
import type { LocalizedText, Severity } from '../diagnostics/diagnostic.js';

export type Dimension = 'assignments' | 'tests' | 'participation' | 'overall';

export interface PolicyRef {
  id: string;
  file: string;
  /** sha256 of the policy file's bytes, hex. */
  sha256: string;
  name: string;
}

export interface MemberResult {
  groupId: string;
  memberId: string;
  name: string | null;
  policyId: string;
  /** Rating id per dimension, or null when the dimension had no data for this member. */
  ratings: Record<Dimension, string | null>;
  /** Numbers that decided the ratings (activeDays, contentMessages, accuracy, score, …). */
  metrics: Record<string, number | null>;
  /** Per dimension rated on a band table: the index of the band the member reached (assessment.<dimension>.bands). */
  bands?: Partial<Record<Dimension, number>>;
  points: number | null;
  /** Follow-up action ids (R2), escalations included. */
  actions: string[];
  /** Why the member has no ratings, points or follow-ups this month (they left the group before it ended). */
  notRated?: LocalizedText;
}

export interface RuleLocation {
  /** Policy file the rule lives in. */
  file: string;
  /** JSON path in the policy, e.g. `membership.eligibility.employmentStatus`. */
  path: string;
  /** 1-based line and column of that node in the policy file. */
  line: number;
  column: number;
}

export interface Finding {
  /** Stable finding code, documented in docs/findings/<code>.md. */
  code: string;
  clause: string;
  severity: Severity;
  policyId: string;
  groupId: string | null;
  memberId: string | null;
  /** The member's name (member list, else roster), when one is known: staff (graders, reviewers) are
   *  not in `members`, so a report names them from here. */
  memberName?: string;
  rule: RuleLocation;
  /** Facts that prove the finding: message ids, times (ISO in the policy zone), masked excerpts, counts. */
  evidence: Record<string, unknown>;
  message: LocalizedText;
  /** Action for the admin work queue (A3), e.g. `remove`, `handover`, `review`. */
  action?: string;
}

export interface NotEvaluated {
  clause: string;
  policyId: string;
  /** Finding code of the rule that could not run (a clause may have several). */
  code?: string;
  reason: LocalizedText;
}

export interface EvaluationResult {
  /** Result format version. */
  version: 1;
  month: string;
  /** Present when one policy was evaluated; `policies` lists all of them. */
  policy?: PolicyRef;
  policies: PolicyRef[];
  /** The learners of the governed groups, rated or listed. */
  members: MemberResult[];
  /** Admins and lecturers of the governed groups this month (not in members[]); absent when none. */
  staff?: number;
  findings: Finding[];
  notEvaluated: NotEvaluated[];
  /** Chat rooms seen in the data that no policy governs: listed, not dropped. */
  ungovernedGroups: { groupId: string; messages: number; members: number }[];
  data: {
    rows: Record<string, number>;
    rejected: number;
    /** Per table: read = accepted + rejected + skipped (lines that are no rows: a recall notice, a one-to-one chat). */
    counts: Record<string, { read: number; accepted: number; rejected: number; skipped?: number; skippedReasons?: { reason: LocalizedText; count: number }[] }>;
  };
  /** Why the month cannot be trusted as it stands (a required table missing or empty, no message in
   *  the month, too many rows rejected); absent when there is no such problem. */
  problems?: { code: string; table: string; message: LocalizedText }[];
  /** Only when --now was given: outputs stay byte-identical otherwise. */
  generatedAt?: string;
}
