// T1 attendance per member: a learner who missed a live session of their group (or left too early).
import { attended, sessionsExpected } from '../activity.js';
import { whenText, who, whoEn } from '../describe.js';
import { learners } from '../learners.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const sessionAbsence: EvalRule = {
  code: 'session-absence',
  clause: 'T1',
  needs: ['members', 'sessions', 'attendance'],
  path: ['activities', 'minAttendanceMinutes'],
  doc: {
    summary: t('学员缺席直播（或在线时间不足 minAttendanceMinutes 分钟）。', 'A learner missed a live session (or stayed less than minAttendanceMinutes).'),
    example: t(
      'minAttendanceMinutes: 45；zhoujiu 参加 s-1 共 30 分钟 → 一条发现；45 分钟的不报告。',
      'minAttendanceMinutes: 45; zhoujiu was in s-1 for 30 minutes → one finding; 45 minutes is not.',
    ),
    computed: t(
      '对本月开始、且开始时该学员在群的每场直播：没有出勤行，或各出勤行时长合计（left_at，缺省取 ends_at，减 joined_at）< minAttendanceMinutes，则为一条发现。出勤行缺少时间时视为出席（行本身即出勤记录）。',
      'For each session starting this month while the learner was a member: no attendance row, or rows totalling less than minAttendanceMinutes (left_at, else ends_at, minus joined_at), is a finding. A row without times counts as attended (the row is the record).',
    ),
    configuration: t(
      '`activities.minAttendanceMinutes`（未设置则有出勤行即算出席）；需要 sessions 与 attendance 表。',
      '`activities.minAttendanceMinutes` (unset: any attendance row counts); needs the sessions and attendance tables.',
    ),
  },
  run(ctx) {
    for (const m of learners(ctx)) {
      for (const session of sessionsExpected(ctx, m)) {
        const result = attended(ctx, session, m.memberId);
        if (result.attended) continue;
        ctx.report({
          code: this.code,
          clause: this.clause,
          severity: 'info',
          groupId: m.groupId,
          memberId: m.memberId,
          path: this.path,
          evidence: {
            sessionId: session.session_id,
            startsAt: ctx.month.iso(session.starts_at),
            minutes: result.minutes ?? 0,
            required: ctx.policy.activities?.minAttendanceMinutes ?? null,
          },
          message: t('{who}缺席了 {whenText} 的直播', '{whoEn} missed the live session of {whenText}', {
            who: who(ctx, m.groupId, m.memberId),
            whenText: whenText(ctx, session.starts_at),
            whoEn: whoEn(ctx, m.groupId, m.memberId),
          }),
        });
      }
    }
  },
};
