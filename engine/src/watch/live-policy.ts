// One policy in one month, checked a message at a time with the monthly run's own code: the same
// context (evaluate/policy-context.ts), the same scanner (counters, content matches, exemptions, the
// trackers) and the same finding rules. After each message the rules that report on single messages
// run over what that message left in the scan, which is then cleared: a finding here is the finding
// the monthly run will make of the same message.
import type { MessageRow, TableName } from '../data/bundle-types.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { membershipKey, type Membership, type PolicyData, type PolicyEval } from '../evaluate/context.js';
import type { ContentMatcher } from '../evaluate/matcher-port.js';
import { createContext, whyNot, type PolicyEvalInternal } from '../evaluate/policy-context.js';
import type { EvaluationResult, Finding } from '../evaluate/result-types.js';
import { type MaterialTracker, materialTracker } from '../evaluate/rules/material-tracker.js';
import type { EvalRule } from '../evaluate/rules/rule.js';
import { type ViolationCountTracker, violationCountTracker } from '../evaluate/rules/violation-count-tracker.js';
import { PolicyScanner } from '../evaluate/scan/policy-scanner.js';
import type { ValidatedPolicy } from '../policy/validate.js';
import { MEMBER_RULES, MESSAGE_RULES, OUTSIDER_RULE, VIOLATION_LIMIT_RULE } from './watched-rules.js';

export interface LivePolicyInput {
  validated: ValidatedPolicy;
  month: string;
  present: ReadonlySet<TableName>;
  emptyTables: ReadonlySet<TableName>;
  tables: PolicyData['rows'];
  employees: PolicyData['employees'];
  redact: boolean;
  matcher: ContentMatcher | undefined;
  /** Why content is not checked (the matcher could not be compiled), when so. */
  matcherMissing: LocalizedText | undefined;
  /** Messages with a counted violation so far this month, by membership key (kept across restarts). */
  violations: ReadonlyMap<string, number>;
}

/** A finding of one message, with the clause-level identity `qungui watch` de-duplicates on. */
export interface LiveFinding {
  finding: Finding;
  /** The message that produced it; for a month-level clause (M5, S4 outsiders) the one that crossed the line. */
  message: MessageRow;
  /** Month-level clauses are reported once a month per member; the others once per message. */
  perMonth: boolean;
}

const NO_HISTORY: readonly EvaluationResult[] = [];

export class LivePolicy {
  readonly ctx: PolicyEvalInternal;
  readonly month: string;
  /** The rules that can run on this policy and its data, and why the others cannot. */
  readonly running: EvalRule[] = [];
  readonly blocked: { rule: EvalRule; reason: LocalizedText }[] = [];
  private readonly scanner: PolicyScanner;
  private readonly materials: MaterialTracker;
  private readonly violationCounts: ViolationCountTracker;
  private readonly membershipsByGroup = new Map<string, Map<string, Membership>>();
  private readonly runsViolationLimit: boolean;
  private readonly runsOutsiders: boolean;
  private readonly messageRules: EvalRule[];
  /** Members whose M5 this context has reported. */
  private readonly overLimit = new Set<string>();

  constructor(input: LivePolicyInput) {
    this.month = input.month;
    this.ctx = createContext(input.validated, input.month, input.present, input.tables, input.employees, NO_HISTORY as EvaluationResult[], input.redact);
    this.materials = materialTracker.create(this.ctx);
    this.violationCounts = violationCountTracker.create(this.ctx);
    for (const [key, count] of input.violations) this.violationCounts.byMember.set(key, count);
    this.ctx.scan.trackers.set(materialTracker, this.materials);
    this.ctx.scan.trackers.set(violationCountTracker, this.violationCounts);
    this.scanner = new PolicyScanner(this.ctx, input.matcher);
    for (const rule of [...MESSAGE_RULES, ...MEMBER_RULES]) {
      const reason = whyNot(this.ctx, rule, input.emptyTables) ?? (input.matcherMissing && rule.needsMatcher ? input.matcherMissing : undefined);
      if (reason) this.blocked.push({ rule, reason });
      else this.running.push(rule);
    }
    this.messageRules = this.running.filter((rule) => MESSAGE_RULES.includes(rule));
    this.runsViolationLimit = this.running.includes(VIOLATION_LIMIT_RULE);
    this.runsOutsiders = this.running.includes(OUTSIDER_RULE);
    for (const membership of this.ctx.memberships.values()) {
      let group = this.membershipsByGroup.get(membership.groupId);
      if (!group) this.membershipsByGroup.set(membership.groupId, (group = new Map()));
      group.set(membership.key, membership);
    }
  }

  /** Whether the message last checked counted as a violation of its sender (M5). */
  lastCounted = false;

  /** Members' counted violations this month (saved with the watcher's state). */
  get violations(): ReadonlyMap<string, number> {
    return this.violationCounts.byMember;
  }

  /** The findings of one message of this policy's groups, in rule order. */
  check(message: MessageRow): LiveFinding[] {
    const ctx = this.ctx;
    const key = membershipKey(message.group_id, message.sender_id);
    const before = this.violationCounts.byMember.get(key) ?? 0;
    this.scanner.consume(message);
    const hits = ctx.scan.hits.length;
    const materials = this.materials.materials.length;
    const after = this.violationCounts.byMember.get(key) ?? 0;
    this.lastCounted = after > before;
    if (hits === 0 && materials === 0 && after === before) return [];
    const out: LiveFinding[] = [];
    const collect = (perMonth: boolean) => {
      for (const finding of ctx.findings) out.push({ finding, message, perMonth });
      ctx.findings.length = 0;
    };
    for (const rule of this.messageRules) rule.run(ctx);
    collect(false);
    if (this.runsOutsiders && hits > 0) {
      // S4 outsiders: the members of this message's group only (the rule reads the scan's confidential hits).
      OUTSIDER_RULE.run(this.viewWith(this.membershipsByGroup.get(message.group_id) ?? new Map()));
      collect(true);
    }
    const limit = ctx.policy.membership?.removal?.maxViolations;
    if (this.runsViolationLimit && limit !== undefined && after > before && after > limit && !this.overLimit.has(key)) {
      // M5: the counted message that takes a member over the month's limit — or, when the limit was
      // lowered (a changed policy, a restart), their next counted one. Once per context; across
      // contexts the alert's identity is the month's (alert.ts), so a repeat is the same alert.
      // The rule reads the sender only.
      this.overLimit.add(key);
      const membership = ctx.memberships.get(key);
      VIOLATION_LIMIT_RULE.run(this.viewWith(new Map(membership ? [[key, membership]] : [])));
      collect(true);
    }
    ctx.scan.hits.reset();
    this.materials.materials.length = 0;
    return out;
  }

  /** The context with fewer memberships (a member-level rule run for one group or one member). */
  private viewWith(memberships: Map<string, Membership>): PolicyEval {
    return Object.create(this.ctx, { memberships: { value: memberships } }) as PolicyEval;
  }
}
