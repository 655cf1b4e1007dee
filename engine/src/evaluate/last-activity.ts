// M5: the latest sign of life of a member — a message, a submission or an attendance this month, else
// what last month's result.json (--history) recorded as metrics.lastActiveAt.
import { attendanceByMember, submissionsByMember } from './activity.js';
import { memo, type Membership, type PolicyEval } from './context.js';

export function lastActivity(ctx: PolicyEval, m: Membership): { at?: number; source: 'month' | 'history' | 'none' } {
  let at = ctx.scan.stats.get(m.key)?.lastActive ?? -Infinity;
  for (const s of submissionsByMember(ctx).get(m.memberId) ?? []) if (s.submitted_at < ctx.month.end && s.submitted_at > at) at = s.submitted_at;
  const groupSessions = memo(
    ctx,
    `sessions:${m.groupId}`,
    () => new Set(ctx.data.rows.sessions.filter((s) => s.group_id === m.groupId).map((s) => s.session_id)),
  );
  for (const a of attendanceByMember(ctx).get(m.memberId) ?? []) {
    if (groupSessions.has(a.session_id) && a.joined_at !== undefined && a.joined_at < ctx.month.end && a.joined_at > at) at = a.joined_at;
  }
  if (at > -Infinity) return { at, source: 'month' };
  let fromHistory: number | undefined;
  for (const result of ctx.history) {
    for (const member of result.members) {
      if (member.groupId !== m.groupId || member.memberId !== m.memberId) continue;
      const value = member.metrics.lastActiveAt;
      if (typeof value === 'number' && (fromHistory === undefined || value > fromHistory)) fromHistory = value;
    }
  }
  return fromHistory === undefined ? { source: 'none' } : { at: fromHistory, source: 'history' };
}
