// Determinism: every list in result.json is sorted by code-unit order (never locale order, which
// depends on the ICU build).
import type { Finding, MemberResult, NotEvaluated } from './result-types.js';

export const cmp = (a: string | null | undefined, b: string | null | undefined): number => {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

export function sortFindings(findings: Finding[]): Finding[] {
  const keyed = findings.map((f) => ({ f, evidence: JSON.stringify(f.evidence) }));
  keyed.sort((a, b) => cmp(a.f.policyId, b.f.policyId) || cmp(a.f.groupId, b.f.groupId) || cmp(a.f.memberId, b.f.memberId)
    || cmp(a.f.clause, b.f.clause) || cmp(a.f.code, b.f.code) || cmp(a.evidence, b.evidence));
  return keyed.map((k) => k.f);
}

export function sortMembers(members: MemberResult[]): MemberResult[] {
  return members.sort((a, b) => cmp(a.policyId, b.policyId) || cmp(a.groupId, b.groupId) || cmp(a.memberId, b.memberId));
}

export function sortNotEvaluated(list: NotEvaluated[]): NotEvaluated[] {
  return list.sort((a, b) => cmp(a.policyId, b.policyId) || cmp(a.clause, b.clause) || cmp(a.code, b.code) || cmp(a.reason.en, b.reason.en));
}
