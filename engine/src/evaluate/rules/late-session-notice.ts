// T1: live sessions are announced in advance — at least activities.sessionNoticeHours before they start.
import { hoursBetween } from '../time.js';
import { whenText } from '../describe.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const lateSessionNotice: EvalRule = {
  code: 'late-session-notice',
  clause: 'T1',
  needs: ['sessions'],
  settings: [['activities', 'sessionNoticeHours']],
  path: ['activities', 'sessionNoticeHours'],
  doc: {
    summary: t(
      '直播通知太晚（距开始不足 sessionNoticeHours 小时），或没有通知时间记录。',
      'A live session was announced too late (less than sessionNoticeHours before it starts), or has no announcement time.',
    ),
    example: t(
      'sessionNoticeHours: 48；直播 s-2 于 11 月 9 日 20:00 通知、11 月 10 日 19:00 开始（23 小时）→ 一条发现。',
      'sessionNoticeHours: 48; session s-2 announced 9 Nov 20:00, starts 10 Nov 19:00 (23 h) → one finding.',
    ),
    computed: t(
      '对每个 starts_at 在本月的直播：announced_at 为空，或 starts_at − announced_at < sessionNoticeHours 小时，则为一条群级发现。',
      'For each session starting this month: an empty announced_at, or starts_at − announced_at < sessionNoticeHours hours, is a group-level finding.',
    ),
    configuration: t('`activities.sessionNoticeHours`；需要 sessions 表。', '`activities.sessionNoticeHours`; needs the sessions table.'),
  },
  run(ctx) {
    const hours = ctx.policy.activities!.sessionNoticeHours!;
    for (const s of ctx.data.rows.sessions) {
      if (!ctx.groups.has(s.group_id) || s.starts_at < ctx.month.start || s.starts_at >= ctx.month.end) continue;
      if (s.announced_at !== undefined && s.starts_at - s.announced_at >= hours * 3_600_000) continue;
      const notice = s.announced_at === undefined ? null : hoursBetween(s.announced_at, s.starts_at);
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'warning',
        groupId: s.group_id,
        memberId: null,
        path: this.path,
        evidence: {
          sessionId: s.session_id,
          announcedAt: s.announced_at === undefined ? null : ctx.month.iso(s.announced_at),
          startsAt: ctx.month.iso(s.starts_at),
          noticeHours: notice,
          required: hours,
        },
        message:
          notice === null
            ? t('{whenText} 的直播没有通知时间的记录', 'The live session of {whenText} has no announcement time on record', {
                whenText: whenText(ctx, s.starts_at),
              })
            : t(
                '{whenText} 的直播只提前 {notice} 小时通知（要求提前 {hours} 小时）',
                'The live session of {whenText} was announced only {notice} h ahead (required: {hours} h)',
                { whenText: whenText(ctx, s.starts_at), notice, hours },
              ),
      });
    }
  },
};
