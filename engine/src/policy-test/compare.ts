// Compares an evaluation result with a test case's expectations. Only what the case states is
// compared, so a test pins what its author means and nothing else.
import type { EvaluationResult, Finding, MemberResult } from '../evaluate/result-types.js';

export interface MemberExpectation {
  memberId: string;
  groupId?: string;
  ratings?: Record<string, string | null>;
  points?: number | null;
  actions?: string[];
}

export interface FindingMatcher {
  code: string;
  memberId?: string;
  clause?: string;
  groupId?: string;
}

export interface CaseExpectation {
  members?: MemberExpectation[];
  findings?: FindingMatcher[];
  absent?: FindingMatcher[];
}

export interface Failure {
  'zh-CN': string;
  en: string;
}

const show = (v: unknown) => JSON.stringify(v);

export function matches(finding: Finding, matcher: FindingMatcher): boolean {
  return (
    finding.code === matcher.code &&
    (matcher.memberId === undefined || finding.memberId === matcher.memberId) &&
    (matcher.clause === undefined || finding.clause === matcher.clause) &&
    (matcher.groupId === undefined || finding.groupId === matcher.groupId)
  );
}

function describe(m: FindingMatcher): string {
  return [m.code, m.memberId && `member=${m.memberId}`, m.clause && `clause=${m.clause}`, m.groupId && `group=${m.groupId}`].filter(Boolean).join(' ');
}

export function compareCase(result: EvaluationResult, expect: CaseExpectation): Failure[] {
  const failures: Failure[] = [];
  for (const expected of expect.members ?? []) {
    const member: MemberResult | undefined = result.members.find(
      (m) => m.memberId === expected.memberId && (expected.groupId === undefined || m.groupId === expected.groupId),
    );
    if (!member) {
      failures.push({ 'zh-CN': `结果中没有成员 ${expected.memberId}`, en: `member ${expected.memberId} is not in the result` });
      continue;
    }
    for (const [dimension, rating] of Object.entries(expected.ratings ?? {})) {
      const actual = (member.ratings as Record<string, string | null>)[dimension] ?? null;
      if (actual !== rating)
        failures.push({
          'zh-CN': `${expected.memberId} 的 ${dimension} 评级应为 ${show(rating)}，实际为 ${show(actual)}`,
          en: `${expected.memberId}: ${dimension} rating expected ${show(rating)}, got ${show(actual)}`,
        });
    }
    if (expected.points !== undefined && member.points !== expected.points) {
      failures.push({
        'zh-CN': `${expected.memberId} 的绩效分应为 ${show(expected.points)}，实际为 ${show(member.points)}`,
        en: `${expected.memberId}: points expected ${show(expected.points)}, got ${show(member.points)}`,
      });
    }
    if (expected.actions !== undefined) {
      const want = [...expected.actions].sort();
      const got = [...member.actions].sort();
      if (show(want) !== show(got))
        failures.push({
          'zh-CN': `${expected.memberId} 的措施应为 ${show(want)}，实际为 ${show(got)}`,
          en: `${expected.memberId}: actions expected ${show(want)}, got ${show(got)}`,
        });
    }
  }
  for (const matcher of expect.findings ?? []) {
    if (!result.findings.some((f) => matches(f, matcher))) {
      failures.push({ 'zh-CN': `缺少应出现的记录：${describe(matcher)}`, en: `expected finding missing: ${describe(matcher)}` });
    }
  }
  for (const matcher of expect.absent ?? []) {
    const hit = result.findings.find((f) => matches(f, matcher));
    if (hit)
      failures.push({
        'zh-CN': `出现了不应出现的记录：${describe(matcher)}（第 ${hit.rule.line} 行的规则）`,
        en: `unexpected finding: ${describe(matcher)} (rule at line ${hit.rule.line})`,
      });
  }
  return failures;
}
