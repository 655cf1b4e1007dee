// A2: admins publish assignment requirements in time — at least publishing.noticeHours before the due time.
import { hoursBetween } from '../time.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const lateAssignmentNotice: EvalRule = {
  code: 'late-assignment-notice',
  clause: 'A2',
  needs: ['assignments'],
  settings: [['publishing', 'noticeHours']],
  path: ['publishing', 'noticeHours'],
  doc: {
    summary: t(
      '作业布置得太晚（距截止不足 noticeHours 小时），或没有布置时间记录。',
      'An assignment was announced too late (less than noticeHours before it is due), or has no announcement time.',
    ),
    example: t(
      'noticeHours: 72；hw-3 于 11 月 18 日 10:00 布置、11 月 20 日 10:00 截止（48 小时）→ 一条发现；提前 72 小时布置的不报告。',
      'noticeHours: 72; hw-3 announced 18 Nov 10:00, due 20 Nov 10:00 (48 h) → one finding; one announced exactly 72 h ahead is not.',
    ),
    computed: t(
      '对每个 due_at 在本月的作业：announced_at 为空，或 due_at − announced_at < noticeHours 小时，则为一条群级发现。',
      'For each assignment due this month: an empty announced_at, or due_at − announced_at < noticeHours hours, is a group-level finding.',
    ),
    configuration: t('`publishing.noticeHours`；需要 assignments 表。', '`publishing.noticeHours`; needs the assignments table.'),
  },
  run(ctx) {
    const hours = ctx.policy.publishing!.noticeHours!;
    for (const a of ctx.data.rows.assignments) {
      if (!ctx.groups.has(a.group_id) || a.due_at < ctx.month.start || a.due_at >= ctx.month.end) continue;
      const notice = a.announced_at === undefined ? null : hoursBetween(a.announced_at, a.due_at);
      if (a.announced_at !== undefined && a.due_at - a.announced_at >= hours * 3_600_000) continue;
      const title = a.title ?? a.assignment_id;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'warning',
        groupId: a.group_id,
        memberId: null,
        path: this.path,
        evidence: {
          assignmentId: a.assignment_id,
          announcedAt: a.announced_at === undefined ? null : ctx.month.iso(a.announced_at),
          dueAt: ctx.month.iso(a.due_at),
          noticeHours: notice,
          required: hours,
        },
        message:
          notice === null
            ? t('作业“{title}”没有布置时间的记录', 'The assignment “{title}” has no announcement time on record', { title })
            : t(
                '作业“{title}”只提前 {notice} 小时布置（要求提前 {hours} 小时）',
                'The assignment “{title}” was announced only {notice} h ahead (required: {hours} h)',
                { title, notice, hours },
              ),
      });
    }
  },
};
