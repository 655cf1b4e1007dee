// One policy's evaluation context for a month — its rows, memberships, settings, where its findings
// go — and whether a rule can run on it. Shared by the monthly run (evaluate.ts) and by `qungui
// watch`, which checks messages one at a time with the same rules.
import type { EmployeeRow, TableName } from '../data/bundle-types.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import type { QunguiTrainingGroupPolicy as Policy } from '../policy/policy-types.generated.js';
import { formatPath, type Path } from '../policy/paths.js';
import { settingName } from '../policy/schema.js';
import { locatePath, type ValidatedPolicy } from '../policy/validate.js';
import { timezoneOf } from '../policy/model/defaults.js';
import { localized } from '../i18n/localized-text.js';
import type { NewFinding, PolicyData, PolicyEval, ScoringContext } from './context.js';
import { who } from './describe.js';
import { ownCopy } from './excerpt.js';
import type { EvaluationResult, Finding, NotEvaluated } from './result-types.js';
import { activeMemberships } from './roster.js';
import type { EvalRule } from './rules/rule.js';
import { emptyScanState } from './scan/scan-state.js';
import { categoriesOf, settingsOf } from './settings.js';
import { monthRange } from './time.js';

/** The context with the lists its report() and notEvaluated() fill. */
export interface PolicyEvalInternal extends ScoringContext {
  findings: Finding[];
  notEvaluatedList: NotEvaluated[];
}

export function createContext(
  validated: ValidatedPolicy,
  month: string,
  present: ReadonlySet<TableName>,
  tables: PolicyData['rows'],
  employees: Map<string, EmployeeRow>,
  history: EvaluationResult[],
  redact: boolean,
): PolicyEvalInternal {
  const policy = validated.value as Policy;
  const zone = timezoneOf(policy);
  const groups = new Set(policy.groups);
  const range = monthRange(month, zone);
  const settings = settingsOf(policy);
  const sessionIds = new Set(tables.sessions.filter((s) => groups.has(s.group_id)).map((s) => s.session_id));
  const assignmentIds = new Set(tables.assignments.filter((a) => groups.has(a.group_id)).map((a) => a.assignment_id));
  const rows: PolicyData['rows'] = {
    employees: tables.employees,
    members: tables.members.filter((r) => groups.has(r.group_id)),
    applications: tables.applications.filter((r) => groups.has(r.group_id)),
    exits: tables.exits.filter((r) => groups.has(r.group_id)),
    assignments: tables.assignments.filter((r) => groups.has(r.group_id)),
    submissions: tables.submissions.filter((r) => assignmentIds.has(r.assignment_id)),
    tests: tables.tests.filter((r) => groups.has(r.group_id)),
    sessions: tables.sessions.filter((r) => groups.has(r.group_id)),
    attendance: tables.attendance.filter((r) => sessionIds.has(r.session_id)),
    exemptions: tables.exemptions.filter((r) => groups.has(r.group_id)),
  };
  const findings: Finding[] = [];
  const notEvaluatedList: NotEvaluated[] = [];
  const locations = new Map<string, Finding['rule']>();
  const ctx: PolicyEvalInternal = {
    policy,
    validated,
    id: policy.metadata.id,
    file: validated.file,
    month: range,
    groups,
    settings,
    categories: categoriesOf(policy),
    present,
    data: { members: rows.members, employees, rows },
    memberships: activeMemberships(rows.members, range, settings, employees, rows.applications),
    scan: emptyScanState(),
    history,
    redact,
    cache: new Map(),
    ratings: new Map(),
    findings,
    notEvaluatedList,
    locate: (path) => {
      // Findings from the same policy line share one location object: a month's 50k content findings
      // mostly point at a few hundred terms, and each lookup walks the YAML document.
      const key = formatPath(path);
      let found = locations.get(key);
      if (!found) locations.set(key, (found = locate(validated, path)));
      return found;
    },
    notEvaluated: (clause, code, reason) => notEvaluatedList.push({ clause, policyId: policy.metadata.id, code, reason }),
    report: (finding: NewFinding) => findings.push(toFinding(ctx, finding)),
  };
  return ctx;
}

function locate(validated: ValidatedPolicy, path: Path): Finding['rule'] {
  for (let length = path.length; length >= 0; length--) {
    const found = locatePath(validated, path.slice(0, length));
    if (found) return { file: validated.file, path: formatPath(path), line: found.line, column: found.column };
  }
  return { file: validated.file, path: formatPath(path), line: 1, column: 1 };
}

function toFinding(ctx: PolicyEval, f: NewFinding): Finding {
  const name = f.memberId !== null && f.groupId !== null ? who(ctx, f.groupId, f.memberId) : undefined;
  return {
    code: f.code,
    clause: f.clause,
    severity: f.severity,
    policyId: ctx.id,
    groupId: f.groupId,
    memberId: f.memberId,
    ...(name !== undefined && name !== f.memberId ? { memberName: name } : {}),
    rule: ctx.locate(f.path),
    evidence: compactEvidence(f.evidence),
    message: { 'zh-CN': ownCopy(f.message['zh-CN']), 'zh-TW': ownCopy(f.message['zh-TW']), en: ownCopy(f.message.en) },
    ...(f.action !== undefined ? { action: f.action } : {}),
  };
}

/** The evidence with its texts in one piece each (ownCopy): a month's findings are kept until the
 *  reports are written, and their times and excerpts were views and trees of other strings. */
function compactEvidence(evidence: Finding['evidence']): Finding['evidence'] {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(evidence)) out[key] = typeof value === 'string' ? ownCopy(value) : value;
  return out as Finding['evidence'];
}

/** Why a rule cannot run: a missing table, an unset setting, or its own precondition. */
export function whyNot(ctx: PolicyEval, rule: EvalRule, emptyTables: ReadonlySet<TableName>): LocalizedText | undefined {
  const empty = rule.needs.filter((table) => emptyTables.has(table));
  if (empty.length > 0) {
    return localized(
      '表 {empty} 没有可用的数据行（只有表头，或每一行都被拒绝）',
      'The table(s) {empty2} have no usable rows (a header only, or every row rejected)',
      { empty: empty.join('、'), empty2: empty.join(', ') },
    );
  }
  const missing = rule.needs.filter((table) => !ctx.present.has(table));
  if (missing.length > 0) {
    return localized('数据包中缺少表：{missing}', 'The data bundle lacks the table(s): {missing2}', {
      missing: missing.join('、'),
      missing2: missing.join(', '),
    });
  }
  for (const path of rule.settings ?? []) {
    let value: unknown = ctx.policy;
    for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
    if (value === undefined) return localized('群规未设置{value}', 'The policy does not set {value}', { value: settingName(path) });
  }
  return rule.preconditionBlocks === false ? undefined : rule.precondition?.(ctx);
}
