// Determinism: every list in result.json is sorted by code-unit order (never locale order, which
// depends on the ICU build).
import type { Finding, MemberResult, NotEvaluated } from './result-types.js';

export const cmp = (a: string | null | undefined, b: string | null | undefined): number => {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Sorts in place by policy, group, member, clause, code, then evidence (as JSON). The JSON is made only within a run
 *  of findings equal on the rest, a run at a time: made for all findings at once, the keys set a big
 *  month's peak memory. */
export function sortFindings(findings: Finding[]): Finding[] {
  const byFields = (a: Finding, b: Finding) =>
    cmp(a.policyId, b.policyId) || cmp(a.groupId, b.groupId) || cmp(a.memberId, b.memberId) || cmp(a.clause, b.clause) || cmp(a.code, b.code);
  findings.sort(byFields);
  for (let start = 0; start < findings.length; ) {
    let end = start + 1;
    while (end < findings.length && byFields(findings[start]!, findings[end]!) === 0) end++;
    if (end - start > 1) {
      const run = findings.slice(start, end).map((f) => ({ f, evidence: JSON.stringify(f.evidence) }));
      run.sort((a, b) => cmp(a.evidence, b.evidence));
      for (let i = 0; i < run.length; i++) findings[start + i] = run[i]!.f;
    }
    start = end;
  }
  return findings;
}

export function sortMembers(members: MemberResult[]): MemberResult[] {
  return members.sort((a, b) => cmp(a.policyId, b.policyId) || cmp(a.groupId, b.groupId) || cmp(a.memberId, b.memberId));
}

export function sortNotEvaluated(list: NotEvaluated[]): NotEvaluated[] {
  return list.sort((a, b) => cmp(a.policyId, b.policyId) || cmp(a.clause, b.clause) || cmp(a.code, b.code) || cmp(a.reason.en, b.reason.en));
}
