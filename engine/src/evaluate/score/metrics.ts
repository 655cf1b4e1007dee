// The numbers ratings are decided on (schema `x-metrics`), per member, for the month. A metric is null
// when the group had nothing to measure it on (no assignment due, no session, no test): a band
// condition on a null metric is skipped, documented in docs/findings/*-rating-fail.md.
import { assignmentsDue, attended, isOnTime, sessionsExpected, submissionOf, submissionsByMember, testsHeldWhileMember } from '../activity.js';
import type { Membership, PolicyEval } from '../context.js';
import { round1 } from '../describe.js';
import { emptyStats } from '../scan/member-stats.js';

export type Metrics = Record<string, number | null>;

const mean = (values: number[]) => (values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length));

export function assignmentMetrics(ctx: PolicyEval, membership: Membership): Metrics {
  const due = assignmentsDue(ctx, membership);
  const marks: Record<'accuracy' | 'completeness' | 'originality', number[]> = { accuracy: [], completeness: [], originality: [] };
  let onTime = 0;
  for (const assignment of due) {
    const submission = submissionOf(ctx, assignment.assignment_id, membership.memberId);
    if (isOnTime(ctx, assignment, submission)) onTime++;
    for (const key of ['accuracy', 'completeness', 'originality'] as const) {
      // E4: work not handed in scores 0; work handed in but not yet graded is left out.
      if (!submission) marks[key].push(0);
      else if (submission[key] !== undefined) marks[key].push(submission[key]!);
    }
  }
  return {
    accuracy: mean(marks.accuracy),
    completeness: mean(marks.completeness),
    originality: mean(marks.originality),
    onTimeRate: due.length === 0 ? null : round1((onTime / due.length) * 100),
  };
}

export function testMetrics(ctx: PolicyEval, membership: Membership): Metrics {
  const percentages: number[] = [];
  for (const { rows } of testsHeldWhileMember(ctx, membership)) {
    const own = rows.filter((r) => r.member_id === membership.memberId);
    // E5: a test held while the member was in the group and not taken counts 0; several attempts: the best.
    percentages.push(own.length === 0 ? 0 : Math.max(...own.map((r) => (r.max_score > 0 ? (r.score / r.max_score) * 100 : 0))));
  }
  return { score: mean(percentages) };
}

export function participationMetrics(ctx: PolicyEval, membership: Membership): Metrics {
  const stats = ctx.scan.stats.get(membership.key) ?? emptyStats();
  let days = stats.dayBits;
  const due = assignmentsDue(ctx, membership);
  let onTime = 0;
  for (const assignment of due) {
    const submission = submissionOf(ctx, assignment.assignment_id, membership.memberId);
    if (isOnTime(ctx, assignment, submission)) onTime++;
  }
  // activeDays also counts days with a submission or an attendance (x-metrics.activeDays).
  for (const submission of submissionsByMember(ctx).get(membership.memberId) ?? []) {
    const day = ctx.month.dayOf(submission.submitted_at);
    if (day > 0 && due.some((a) => a.assignment_id === submission.assignment_id)) days |= 1 << (day - 1);
  }
  const sessions = sessionsExpected(ctx, membership);
  let present = 0;
  for (const session of sessions) {
    if (attended(ctx, session, membership.memberId).attended) {
      present++;
      const day = ctx.month.dayOf(session.starts_at);
      if (day > 0) days |= 1 << (day - 1);
    }
  }
  return {
    activeDays: popcount(days),
    contentMessages: stats.contentMessages,
    repliesGiven: stats.repliesGiven,
    questionsAnswered: stats.questionsAnswered,
    onTimeRate: due.length === 0 ? null : round1((onTime / due.length) * 100),
    attendanceRate: sessions.length === 0 ? null : round1((present / sessions.length) * 100),
  };
}

function popcount(bits: number): number {
  let count = 0;
  for (let b = bits >>> 0; b !== 0; b &= b - 1) count++;
  return count;
}
