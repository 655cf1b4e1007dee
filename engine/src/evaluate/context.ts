// Everything a rule can see for one policy: the policy, its location lookup, the month, the rows of the
// groups it governs and what the single pass over messages gathered. Rules read this; they never read
// the bundle themselves, so messages are read once, in one streaming pass.
import type { QunguiTrainingGroupPolicy as Policy } from '../policy/policy-types.generated.js';
import type { ValidatedPolicy } from '../policy/validate.js';
import type { Path } from '../policy/paths.js';
import type { LocalizedText, Severity } from '../diagnostics/diagnostic.js';
import type { TableName, TableRows, EmployeeRow, MemberRow } from '../data/bundle-types.js';
import type { Finding, RuleLocation } from './result-types.js';
import type { MonthRange } from './time.js';
import type { ScanState } from './scan/scan-state.js';
import type { EvaluationResult } from './result-types.js';
import type { CategoryInfo, Settings } from './settings.js';

export type SmallTable = Exclude<TableName, 'messages'>;

export interface PolicyData {
  /** Member rows of this policy's groups (every row, whole month). */
  members: MemberRow[];
  /** Employees by id (the whole roster: it is company-wide). */
  employees: Map<string, EmployeeRow>;
  rows: { [T in SmallTable]: TableRows[T][] };
}

/** A member row active during the month, with what the rules need to know about its person. */
export interface Membership {
  row: MemberRow;
  groupId: string;
  memberId: string;
  key: string;
  name: string | null;
  /** admin or lecturer by role, or listed in `admins`: not rated and not asked for an application. */
  staff: boolean;
  /** May post materials (C1): staff, role publisher, or listed in publishing.publishers. */
  publisher: boolean;
  /** External contact (S4): flagged by the source or an id with an external prefix. */
  external: boolean;
  employee?: EmployeeRow;
}

export interface PolicyEval {
  policy: Policy;
  validated: ValidatedPolicy;
  id: string;
  file: string;
  month: MonthRange;
  groups: ReadonlySet<string>;
  settings: Settings;
  categories: Map<string, CategoryInfo>;
  present: ReadonlySet<TableName>;
  data: PolicyData;
  /** Active memberships by `${groupId}\u0000${memberId}`, in a stable order. */
  memberships: Map<string, Membership>;
  scan: ScanState;
  history: readonly EvaluationResult[];
  redact: boolean;
  /** Where a policy path is (falls back to the nearest existing ancestor, then line 1). */
  locate(path: Path): RuleLocation;
  /** Set when a rule cannot run; the clause is listed in notEvaluated. */
  notEvaluated(clause: string, code: string, reason: LocalizedText): void;
  report(finding: NewFinding): void;
  /** Per-policy memo of derived indexes (see memo()). */
  cache: Map<string, unknown>;
  /** Every learner's metrics, ratings, points and follow-ups, from the scoring stage (score/); the
   *  finding rules only read them (the types say so). */
  readonly ratings: ReadonlyMap<string, ScoredMember>;
}

/** What the scoring stage works on: the same context, with the members' scores writable. */
export interface ScoringContext extends PolicyEval {
  ratings: Map<string, MemberRating>;
}

/** A member's scores as the finding rules see them. */
export type ScoredMember = { readonly [K in keyof MemberRating]: Readonly<MemberRating[K]> };

/** The dimensions a learner is rated on; the overall rating is made from them. */
export type RatedDimension = 'assignments' | 'tests' | 'participation';

export interface MemberRating {
  ratings: Record<RatedDimension | 'overall', string | null>;
  metrics: Record<string, number | null>;
  /** Per dimension rated on bands (overall: weighted with overall.bands): the band that decided the rating and its metrics. */
  bands: Partial<Record<RatedDimension | 'overall', { index: number; metrics: Record<string, number | null> }>>;
  points: number | null;
  actions: string[];
  /** Set when the failing rating repeated long enough (R2). */
  escalation?: Escalation;
}

/** A failing rating repeated long enough for the escalation action (R2). */
export interface Escalation {
  rating: string;
  /** The months of the run, oldest first, this month last. */
  months: string[];
  afterConsecutive: number;
  action: string;
}

export interface NewFinding {
  code: string;
  clause: string;
  severity: Severity;
  groupId: string | null;
  memberId: string | null;
  path: Path;
  evidence: Record<string, unknown>;
  message: LocalizedText;
  action?: string;
}

export function membershipKey(groupId: string, memberId: string): string {
  return `${groupId}\u0000${memberId}`;
}

export type { Finding };

/** Computes a derived index once per policy evaluation. */
export function memo<T>(ctx: PolicyEval, key: string, compute: () => T): T {
  if (ctx.cache.has(key)) return ctx.cache.get(key) as T;
  const value = compute();
  ctx.cache.set(key, value);
  return value;
}
