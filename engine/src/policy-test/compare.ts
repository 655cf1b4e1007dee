// Compares an evaluation result with a test case's expectations. Only what the case states is
// compared, so a test pins what its author means and nothing else.
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import type { EvaluationResult, Finding, MemberResult } from '../evaluate/result-types.js';
import { localized } from '../i18n/localized-text.js';

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

export type Failure = LocalizedText;

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
      failures.push(localized('结果中没有成员 {memberId}', 'member {memberId} is not in the result', { memberId: expected.memberId }));
      continue;
    }
    for (const [dimension, rating] of Object.entries(expected.ratings ?? {})) {
      const actual = (member.ratings as Record<string, string | null>)[dimension] ?? null;
      if (actual !== rating)
        failures.push(
          localized('{memberId} 的 {dimension} 评级应为 {show}，实际为 {show2}', '{memberId}: {dimension} rating expected {show}, got {show2}', {
            memberId: expected.memberId,
            dimension,
            show: show(rating),
            show2: show(actual),
          }),
        );
    }
    if (expected.points !== undefined && member.points !== expected.points) {
      failures.push(
        localized('{memberId} 的绩效分应为 {show}，实际为 {show2}', '{memberId}: points expected {show}, got {show2}', {
          memberId: expected.memberId,
          show: show(expected.points),
          show2: show(member.points),
        }),
      );
    }
    if (expected.actions !== undefined) {
      const want = [...expected.actions].sort();
      const got = [...member.actions].sort();
      if (show(want) !== show(got))
        failures.push(
          localized('{memberId} 的措施应为 {show}，实际为 {show2}', '{memberId}: actions expected {show}, got {show2}', {
            memberId: expected.memberId,
            show: show(want),
            show2: show(got),
          }),
        );
    }
  }
  for (const matcher of expect.findings ?? []) {
    if (!result.findings.some((f) => matches(f, matcher))) {
      failures.push(localized('缺少应出现的记录：{describe}', 'expected finding missing: {describe}', { describe: describe(matcher) }));
    }
  }
  for (const matcher of expect.absent ?? []) {
    const hit = result.findings.find((f) => matches(f, matcher));
    if (hit)
      failures.push(
        localized('出现了不应出现的记录：{describe}（第 {line} 行的规则）', 'unexpected finding: {describe} (rule at line {line})', {
          describe: describe(matcher),
          line: hit.rule.line,
        }),
      );
  }
  return failures;
}
