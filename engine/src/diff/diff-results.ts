// Who a policy change affects: compares two evaluation results of the same data, member by member,
// and names the policy lines responsible on each side.
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import type { EvaluationResult, Finding, MemberResult, RuleLocation } from '../evaluate/result-types.js';
import { bandTables } from '../policy/model/band-tables.js';
import { locatePath, type ValidatedPolicy } from '../policy/validate.js';
import { localized } from '../i18n/localized-text.js';

const NONE = localized('无', 'none');

export type ChangeKind = 'rating' | 'points' | 'actions' | 'finding-added' | 'finding-removed';

export interface Change {
  kind: ChangeKind;
  groupId: string | null;
  memberId: string | null;
  /** Dimension for rating changes; finding code for finding changes. */
  subject: string;
  before: unknown;
  after: unknown;
  /** The policy lines that decided each side (A: before, B: after). */
  lines: { before?: RuleLocation; after?: RuleLocation };
  message: LocalizedText;
}

export interface PolicyDiff {
  changes: Change[];
  counts: Record<ChangeKind, number>;
  membersAffected: number;
  policies: { before: string; after: string };
}

const key = (m: { groupId: string | null; memberId: string | null }) => `${m.groupId}\u0000${m.memberId}`;

function at(validated: ValidatedPolicy, path: (string | number)[]): RuleLocation | undefined {
  const position = locatePath(validated, path);
  return position ? { file: validated.file, path: path.map(String).join('.'), ...position } : undefined;
}

/** The band that gives `rating` in a dimension (the first one naming it). */
function bandLine(validated: ValidatedPolicy, dimension: string, rating: string | null): RuleLocation | undefined {
  if (rating === null) return undefined;
  const table = bandTables(validated.value).find((t) => t.dimension === dimension);
  const band = table?.bands.find((b) => b.rating === rating);
  return band ? at(validated, [...band.path]) : undefined;
}

function findingKey(f: Finding): string {
  return [f.code, f.groupId, f.memberId, f.clause, JSON.stringify(f.evidence)].join('\u0000');
}

export function diffResults(
  before: { result: EvaluationResult; policy: ValidatedPolicy },
  after: { result: EvaluationResult; policy: ValidatedPolicy },
): PolicyDiff {
  const changes: Change[] = [];
  const membersBefore = new Map(before.result.members.map((m) => [key(m), m]));
  const membersAfter = new Map(after.result.members.map((m) => [key(m), m]));
  const allKeys = [...new Set([...membersBefore.keys(), ...membersAfter.keys()])].sort();
  for (const k of allKeys) {
    const a = membersBefore.get(k);
    const b = membersAfter.get(k);
    const ref = (a ?? b)!;
    const base = { groupId: ref.groupId, memberId: ref.memberId };
    for (const dimension of ['assignments', 'tests', 'participation', 'overall'] as const) {
      const ra = a?.ratings[dimension] ?? null;
      const rb = b?.ratings[dimension] ?? null;
      if (ra === rb) continue;
      changes.push({
        ...base,
        kind: 'rating',
        subject: dimension,
        before: ra,
        after: rb,
        lines: { before: bandLine(before.policy, dimension, ra), after: bandLine(after.policy, dimension, rb) },
        message: localized('{memberId} 的{dimension}评级 {before} → {after}', '{memberId}: {dimension} rating {before} → {after}', {
          memberId: ref.memberId,
          dimension,
          before: ra ?? NONE,
          after: rb ?? NONE,
        }),
      });
    }
    const pa = a?.points ?? null;
    const pb = b?.points ?? null;
    if (pa !== pb) {
      changes.push({
        ...base,
        kind: 'points',
        subject: 'points',
        before: pa,
        after: pb,
        lines: {
          before: a?.ratings.overall ? at(before.policy, ['outcomes', 'points', a.ratings.overall]) : undefined,
          after: b?.ratings.overall ? at(after.policy, ['outcomes', 'points', b.ratings.overall]) : undefined,
        },
        message: localized('{memberId} 的绩效分 {before} → {after}', '{memberId}: points {before} → {after}', {
          memberId: ref.memberId,
          before: pa ?? NONE,
          after: pb ?? NONE,
        }),
      });
    }
    const aa = [...(a?.actions ?? [])].sort();
    const ab = [...(b?.actions ?? [])].sort();
    if (JSON.stringify(aa) !== JSON.stringify(ab)) {
      changes.push({
        ...base,
        kind: 'actions',
        subject: 'actions',
        before: aa,
        after: ab,
        lines: {
          before: a?.ratings.overall ? at(before.policy, ['outcomes', 'followUp', a.ratings.overall]) : undefined,
          after: b?.ratings.overall ? at(after.policy, ['outcomes', 'followUp', b.ratings.overall]) : undefined,
        },
        message: localized('{memberId} 的后续措施 [{aa}] → [{ab}]', '{memberId}: actions [{aa2}] → [{ab2}]', {
          memberId: ref.memberId,
          aa: aa.join('、'),
          ab: ab.join('、'),
          aa2: aa.join(', '),
          ab2: ab.join(', '),
        }),
      });
    }
  }
  const fa = new Map(before.result.findings.map((f) => [findingKey(f), f]));
  const fb = new Map(after.result.findings.map((f) => [findingKey(f), f]));
  for (const [k, f] of [...fa].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (fb.has(k)) continue;
    changes.push({
      groupId: f.groupId,
      memberId: f.memberId,
      kind: 'finding-removed',
      subject: f.code,
      before: f.message,
      after: null,
      lines: { before: f.rule },
      message: localized('不再报告：{value}', 'no longer reported: {value}', { value: f.message }),
    });
  }
  for (const [k, f] of [...fb].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (fa.has(k)) continue;
    changes.push({
      groupId: f.groupId,
      memberId: f.memberId,
      kind: 'finding-added',
      subject: f.code,
      before: null,
      after: f.message,
      lines: { after: f.rule },
      message: localized('新报告：{value}', 'newly reported: {value}', { value: f.message }),
    });
  }
  changes.sort((x, y) => key(x).localeCompare(key(y)) || x.kind.localeCompare(y.kind) || x.subject.localeCompare(y.subject));
  const counts: Record<ChangeKind, number> = { rating: 0, points: 0, actions: 0, 'finding-added': 0, 'finding-removed': 0 };
  for (const change of changes) counts[change.kind]++;
  return {
    changes,
    counts,
    membersAffected: new Set(changes.filter((c) => c.memberId !== null).map(key)).size,
    policies: { before: before.policy.file, after: after.policy.file },
  };
}

export function memberKey(m: MemberResult): string {
  return key(m);
}
