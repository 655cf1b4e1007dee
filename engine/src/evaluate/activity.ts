// Month facts per member from the small tables: assignments due, submissions, tests held, sessions and
// attendance. Shared by the rules (M3, T1, T3, E2) and the metrics (E4–E6), so both count alike.
import type { AssignmentRow, AttendanceRow, SessionRow, SubmissionRow, TestRow } from '../data/bundle-types.js';
import { memo, type Membership, type PolicyEval } from './context.js';
import { HOUR } from './time.js';

const inMonth = (ctx: PolicyEval, ms: number | undefined) => ms !== undefined && ms >= ctx.month.start && ms < ctx.month.end;

/** Was the member in the group at this instant? */
export function memberAt(membership: Membership, at: number): boolean {
  return membership.row.joined_at <= at && (membership.row.left_at === undefined || membership.row.left_at > at);
}

/** Assignments of the member's group due this month, while they were a member. */
export function assignmentsDue(ctx: PolicyEval, membership: Membership): AssignmentRow[] {
  return ctx.data.rows.assignments.filter((a) => a.group_id === membership.groupId && inMonth(ctx, a.due_at) && memberAt(membership, a.due_at));
}

export function submissionIndex(ctx: PolicyEval): Map<string, SubmissionRow> {
  return memo(ctx, 'submissions', () => {
    const map = new Map<string, SubmissionRow>();
    // Several submissions of one assignment: the first one decides timeliness, the last graded one the marks.
    for (const s of [...ctx.data.rows.submissions].sort((a, b) => a.submitted_at - b.submitted_at)) {
      const key = `${s.assignment_id}\u0000${s.member_id}`;
      const seen = map.get(key);
      if (!seen) map.set(key, s);
      else if (s.accuracy !== undefined || s.completeness !== undefined || s.originality !== undefined) {
        map.set(key, { ...s, submitted_at: seen.submitted_at });
      }
    }
    return map;
  });
}

export function submissionOf(ctx: PolicyEval, assignmentId: string, memberId: string): SubmissionRow | undefined {
  return submissionIndex(ctx).get(`${assignmentId}\u0000${memberId}`);
}

export function isOnTime(ctx: PolicyEval, assignment: AssignmentRow, submission: SubmissionRow | undefined): boolean {
  return submission !== undefined && submission.submitted_at <= assignment.due_at + ctx.settings.lateGraceHours * HOUR;
}

/** Tests held in the member's group this month: test ids with at least one result dated in the month. */
/** Tests of the member's group held this month while they were a member (held at the earliest result), by test id. */
export function testsHeldWhileMember(ctx: PolicyEval, membership: Membership): { testId: string; heldAt: number; rows: TestRow[] }[] {
  return [...testsHeld(ctx, membership.groupId)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([testId, rows]) => ({ testId, heldAt: Math.min(...rows.map((r) => r.taken_at)), rows }))
    .filter((test) => memberAt(membership, test.heldAt));
}

export function testsHeld(ctx: PolicyEval, groupId: string): Map<string, TestRow[]> {
  return memo(ctx, `tests:${groupId}`, () => {
    const held = new Map<string, TestRow[]>();
    for (const row of ctx.data.rows.tests) {
      if (row.group_id !== groupId || !inMonth(ctx, row.taken_at)) continue;
      const list = held.get(row.test_id) ?? [];
      list.push(row);
      held.set(row.test_id, list);
    }
    return held;
  });
}

/** Live sessions of the member's group starting this month while they were a member. */
export function sessionsExpected(ctx: PolicyEval, membership: Membership): SessionRow[] {
  return ctx.data.rows.sessions.filter((s) => s.group_id === membership.groupId && inMonth(ctx, s.starts_at) && memberAt(membership, s.starts_at));
}

/** Minutes present, or undefined when the row has no join time (counted as attended: the row exists). */
export function minutesPresent(row: AttendanceRow, session: SessionRow): number | undefined {
  if (row.joined_at === undefined) return undefined;
  const left = row.left_at ?? session.ends_at;
  if (left === undefined) return undefined;
  return Math.max(0, (left - row.joined_at) / 60_000);
}

/** T1: a member attended when an attendance row exists and, if a minimum is set, they stayed that long. */
export function attended(ctx: PolicyEval, session: SessionRow, memberId: string): { attended: boolean; minutes?: number } {
  const rows = attendanceIndex(ctx).get(`${session.session_id}\u0000${memberId}`) ?? [];
  if (rows.length === 0) return { attended: false };
  let total = 0;
  let known = true;
  for (const row of rows) {
    const minutes = minutesPresent(row, session);
    if (minutes === undefined) known = false;
    else total += minutes;
  }
  const min = ctx.policy.activities?.minAttendanceMinutes;
  if (!known || min === undefined) return { attended: true, ...(known ? { minutes: Math.round(total) } : {}) };
  return { attended: total >= min, minutes: Math.round(total) };
}

function attendanceIndex(ctx: PolicyEval): Map<string, AttendanceRow[]> {
  return memo(ctx, 'attendance', () => {
    const map = new Map<string, AttendanceRow[]>();
    for (const row of ctx.data.rows.attendance) {
      const key = `${row.session_id}\u0000${row.member_id}`;
      const list = map.get(key) ?? [];
      list.push(row);
      map.set(key, list);
    }
    return map;
  });
}

/** This policy's submissions by member id (for activeDays and last activity without a scan per member). */
export function submissionsByMember(ctx: PolicyEval): Map<string, SubmissionRow[]> {
  return memo(ctx, 'submissionsByMember', () => groupBy(ctx.data.rows.submissions, (s) => s.member_id));
}

/** This policy's attendance rows by member id. */
export function attendanceByMember(ctx: PolicyEval): Map<string, AttendanceRow[]> {
  return memo(ctx, 'attendanceByMember', () => groupBy(ctx.data.rows.attendance, (a) => a.member_id));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
