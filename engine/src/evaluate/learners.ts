// Members who are rated and held to the membership rules (M1, M2, M3, E*): everyone but staff
// (admins, lecturers, the policy's `admins`).
import type { Membership, PolicyEval } from './context.js';

export function learners(ctx: PolicyEval): Membership[] {
  return [...ctx.memberships.values()].filter((m) => !m.staff);
}

/**
 * Learners who are rated this month: those still in the group when it ends. Someone who left during
 * the month (or before it) is listed with their metrics but gets no ratings, points or follow-ups:
 * a "fail" with a retake for a person who is gone is noise for HR (members[].notRated says why).
 */
export function isRated(ctx: PolicyEval, m: Membership): boolean {
  return m.row.left_at === undefined || m.row.left_at >= ctx.month.end;
}
