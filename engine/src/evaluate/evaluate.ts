// The monthly evaluation: policies × one month's bundle → result.json's object.
// Flow: governance (room → policy) → small tables → ONE streaming pass over messages (per-member
// counters, matches, questions) → scoring (metrics, bands, ratings, points, follow-ups) → finding
// rules, which report on the scan and the scores → sorted result.
import { DEFAULT_MAX_REJECTED, monthProblems, type MonthProblem } from './month-problems.js';
import { createHash } from 'node:crypto';
import type { Bundle, TableName } from '../data/bundle-types.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { locatePath, type ValidatedPolicy } from '../policy/validate.js';
import { membershipKey, type MemberRating, type PolicyEval } from './context.js';
import { governingPolicies } from './governance.js';
import type { CompileMatcher, ContentMatcher } from './matcher-port.js';
import { defaultCompileMatcher } from './matcher-source.js';
import { CelBudgetError } from './cel-budget.js';
import type { EvaluationResult, Finding, MemberResult, NotEvaluated, PolicyRef } from './result-types.js';
import { evalRules } from './rules/index.js';
import { isRated, learners } from './learners.js';
import { internalErrorReason } from './internal-error.js';
import { ratingOf } from './score/member-rating.js';
import { scoreMembers } from './score/score-members.js';
import { PolicyScanner } from './scan/policy-scanner.js';
import { createContext, whyNot, type PolicyEvalInternal } from './policy-context.js';
import { readSmallTables } from './small-tables.js';
import { cmp, sortFindings, sortMembers, sortNotEvaluated } from './sort.js';
import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';

export interface EvaluateInput {
  policies: ValidatedPolicy[];
  bundle: Bundle;
  /** YYYY-MM. */
  month: string;
  /** Earlier months' results (R2 escalation, M5 last activity). */
  history?: EvaluationResult[];
  /** ISO time written as generatedAt; without it the result has no clock in it. */
  now?: string;
  /** Mask phone/ID/bank numbers in evidence (default true). */
  redact?: boolean;
  /** Share of a table's rows that may be rejected before the month is flagged (default 0.05). */
  maxRejected?: number;
  onProgress?: (done: number, total?: number) => void;
  /** The content matcher; defaults to engine/src/match's compileMatcher. Tests pass fakes. */
  compileMatcher?: CompileMatcher;
}

/** Thrown for a policy that has validation errors: evaluation refuses it (the CLI prints the diagnostics). */
export class PolicyRejectedError extends LocalizedError {
  constructor(readonly policy: ValidatedPolicy) {
    super(localized('群规 {file} 未通过校验', 'policy {file} has validation errors', { file: policy.file }));
  }
}

const PROGRESS_EVERY = 10_000;
/** The trackers the rules declared, each once: the scan feeds them every message. */
const TRACKERS = [...new Set(evalRules.flatMap((rule) => rule.trackers ?? []))];

export async function evaluate(input: EvaluateInput): Promise<EvaluationResult> {
  const redact = input.redact ?? true;
  const history = [...(input.history ?? [])].sort((a, b) => cmp(a.month, b.month));
  for (const validated of input.policies) {
    if (validated.value === undefined || validated.diagnostics.some((d) => d.severity === 'error')) throw new PolicyRejectedError(validated);
  }
  const { bundle } = input;

  const { tables, employees, emptyTables, present } = await readSmallTables(bundle, redact);
  const contexts = input.policies.map((validated) => createContext(validated, input.month, present, tables, employees, history, redact));
  const route = governingPolicies(contexts.map((ctx) => ({ id: ctx.id, groups: ctx.policy.groups, ctx }))) as Map<string, { ctx: PolicyEval }>;

  // One pass over messages.
  const compile = input.compileMatcher ?? defaultCompileMatcher();
  const scanners = new Map<PolicyEval, PolicyScanner>();
  const matcherMissing = new Map<PolicyEval, LocalizedText>();
  for (const ctx of contexts) {
    let matcher: ContentMatcher | undefined;
    const content = ctx.policy.content;
    if ((content?.categories?.length ?? 0) > 0 || (content?.detectors?.length ?? 0) > 0) {
      if (!compile) matcherMissing.set(ctx, MATCHER_MISSING);
      else {
        try {
          matcher = compile(content);
        } catch (error) {
          // A term or pattern the matcher cannot compile: content is not checked, and the clauses say why.
          const detail = (error as Error).message;
          matcherMissing.set(
            ctx,
            localized('内容规则无法编译，未检查消息内容：{detail}', 'The content rules could not be compiled, message content was not checked: {detail}', {
              detail,
            }),
          );
        }
      }
    }
    for (const spec of TRACKERS) ctx.scan.trackers.set(spec, spec.create(ctx));
    scanners.set(ctx, new PolicyScanner(ctx, matcher));
  }
  const ungoverned = new Map<string, { messages: number; senders: Set<string> }>();
  let done = 0;
  if (bundle.present.has('messages')) {
    // Each group's scanner looked up once per group, not per message.
    const scannerOf = new Map<string, PolicyScanner | undefined>();
    const batches = bundle.messageBatches?.() ?? oneByOne(bundle.messages());
    for await (const batch of batches) {
      for (const message of batch) {
        let scanner = scannerOf.get(message.group_id);
        if (scanner === undefined && !scannerOf.has(message.group_id)) {
          const governed = route.get(message.group_id);
          scanner = governed ? scanners.get(governed.ctx) : undefined;
          scannerOf.set(message.group_id, scanner);
        }
        if (scanner) scanner.consume(message);
        else {
          const seen = ungoverned.get(message.group_id) ?? { messages: 0, senders: new Set<string>() };
          seen.messages++;
          seen.senders.add(message.sender_id);
          ungoverned.set(message.group_id, seen);
        }
        if (++done % PROGRESS_EVERY === 0) input.onProgress?.(done);
      }
    }
  }
  input.onProgress?.(done, done);
  for (const scanner of scanners.values()) scanner.finish();

  // Scores first, then the findings that report on the scan and on them.
  for (const ctx of contexts) {
    try {
      scoreMembers(ctx);
      runRules(ctx, matcherMissing.get(ctx), emptyTables);
      // Content hits have become findings: free them before the result is built, so a month's peak
      // memory holds one copy, not two.
      ctx.scan.hits.clear();
    } catch (error) {
      // A CEL condition over its step budget: the policy file and line of the expression go with it.
      if (error instanceof CelBudgetError && error.file === undefined) {
        error.file = ctx.validated.file;
        const found = error.path ? locatePath(ctx.validated, error.path) : undefined;
        if (found) Object.assign(error, { line: found.line, column: found.column });
      }
      throw error;
    }
  }

  // Rooms nobody governs: listed with their size, never dropped.
  for (const row of tables.members) {
    if (route.has(row.group_id)) continue;
    const seen = ungoverned.get(row.group_id) ?? { messages: 0, senders: new Set<string>() };
    ungoverned.set(row.group_id, seen);
  }
  const ungovernedGroups = [...ungoverned.entries()]
    .map(([groupId, seen]) => {
      const members = new Set(tables.members.filter((r) => r.group_id === groupId).map((r) => r.member_id));
      if (members.size === 0) for (const sender of seen.senders) members.add(sender);
      return { groupId, messages: seen.messages, members: members.size };
    })
    .sort((a, b) => cmp(a.groupId, b.groupId));

  const refs = contexts.map((ctx) => policyRef(ctx)).sort((a, b) => cmp(a.id, b.id));
  const members: MemberResult[] = [];
  const findings: Finding[] = [];
  const notEvaluated: NotEvaluated[] = [];
  for (const ctx of contexts) {
    for (const m of learners(ctx)) {
      const entry = ratingOf(ctx, m.key);
      members.push({
        groupId: m.groupId,
        memberId: m.memberId,
        name: m.name,
        policyId: ctx.id,
        ratings: entry.ratings,
        metrics: Object.fromEntries(Object.entries(entry.metrics).sort(([a], [b]) => cmp(a, b))),
        ...bandsReached(entry),
        points: entry.points,
        actions: entry.actions,
        ...(isRated(ctx, m) ? {} : { notRated: leftGroupText(ctx.month.iso(m.row.left_at!).slice(0, 10)) }),
      });
    }
    // Appended one by one: push(...list) passes each finding as an argument and overflows the stack
    // past ~150k findings (a big month of a big lexicon).
    for (const finding of (ctx as PolicyEvalInternal).findings) findings.push(finding);
    for (const entry of (ctx as PolicyEvalInternal).notEvaluatedList) notEvaluated.push(entry);
  }
  // Admins and lecturers are members of their groups but not rated, so not in members[].
  const staff = contexts.reduce((sum, ctx) => sum + [...ctx.memberships.values()].filter((m) => m.staff).length, 0);
  // Per table: read = accepted + rejected + skipped, with the reasons lines were skipped for.
  const counts = Object.fromEntries(
    Object.entries(bundle.counts)
      .sort(([a], [b]) => cmp(a, b))
      .map(([table, c]) => [
        table,
        {
          read: c.read,
          accepted: c.accepted,
          rejected: c.rejected,
          ...(c.skipped ? { skipped: c.skipped } : {}),
          ...(c.skippedReasons ? { skippedReasons: Object.values(c.skippedReasons).sort((a, b) => cmp(a.reason['zh-CN'], b.reason['zh-CN'])) } : {}),
        },
      ]),
  );
  return {
    version: 1,
    month: input.month,
    ...(refs.length === 1 ? { policy: refs[0]! } : {}),
    policies: refs,
    members: sortMembers(members),
    ...(staff > 0 ? { staff } : {}),
    findings: sortFindings(findings),
    notEvaluated: sortNotEvaluated(dedupe(notEvaluated)),
    ungovernedGroups,
    data: {
      rows: Object.fromEntries(Object.entries(counts).map(([table, c]) => [table, c.accepted])),
      rejected: bundle.rejected.length,
      counts,
    },
    ...problemsOf(bundle, input),
    ...(input.now !== undefined ? { generatedAt: input.now } : {}),
  };
}

/** `problems` only when there are some: results of sound months keep their bytes. */
function problemsOf(bundle: Bundle, input: EvaluateInput): { problems?: MonthProblem[] } {
  const problems = monthProblems({
    present: bundle.present,
    counts: bundle.counts,
    month: input.month,
    maxRejected: input.maxRejected ?? DEFAULT_MAX_REJECTED,
  });
  return problems.length > 0 ? { problems } : {};
}

/** The band index per dimension, in dimension order; nothing when no dimension was rated on bands. */
function bandsReached(entry: MemberRating): { bands?: MemberResult['bands'] } {
  const bands = Object.fromEntries(DIMENSION_ORDER.flatMap((d) => (entry.bands[d] ? [[d, entry.bands[d]!.index]] : [])));
  return Object.keys(bands).length ? { bands } : {};
}

const DIMENSION_ORDER = ['assignments', 'tests', 'participation', 'overall'] as const;

const MATCHER_MISSING: LocalizedText = localized('内容匹配器不可用，未检查消息内容', 'The content matcher is not available: message content was not checked');

function runRules(ctx: PolicyEval, matcherMissing: LocalizedText | undefined, emptyTables: ReadonlySet<TableName>): void {
  for (const rule of evalRules) {
    const reason = whyNot(ctx, rule, emptyTables) ?? (matcherMissing && rule.needsMatcher ? matcherMissing : undefined);
    if (reason) {
      ctx.notEvaluated(rule.clause, rule.code, reason);
      continue;
    }
    const soft = rule.preconditionBlocks === false ? rule.precondition?.(ctx) : undefined;
    if (soft) ctx.notEvaluated(rule.clause, rule.code, soft);
    try {
      rule.run(ctx);
    } catch (error) {
      // A condition over its step budget is the policy's doing, not a rule bug: it stops the run.
      if (error instanceof CelBudgetError) throw error;
      ctx.notEvaluated(rule.clause, rule.code, internalErrorReason(rule.code, error));
    }
  }
}

function policyRef(ctx: PolicyEval): PolicyRef {
  return {
    id: ctx.id,
    file: ctx.file,
    name: ctx.policy.metadata.name,
    sha256: createHash('sha256').update(ctx.validated.text, 'utf8').digest('hex'),
  };
}

function dedupe(list: NotEvaluated[]): NotEvaluated[] {
  const seen = new Set<string>();
  return list.filter((n) => {
    const key = `${n.policyId}\u0000${n.clause}\u0000${n.code ?? ''}\u0000${n.reason.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export { membershipKey };

async function* oneByOne<T>(rows: AsyncIterable<T>): AsyncGenerator<T[]> {
  for await (const row of rows) yield [row];
}

function leftGroupText(date: string): LocalizedText {
  return localized('{date} 已退群，本月不评级', 'left the group on {date}: not rated this month', { date });
}
