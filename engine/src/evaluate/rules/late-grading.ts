// T3: the lecturer or admin grades promptly — within activities.gradingDays of the submission.
import { who, whoEn } from '../describe.js';
import { DAY } from '../time.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const lateGrading: EvalRule = {
  code: 'late-grading',
  clause: 'T3',
  needs: ['assignments', 'submissions'],
  settings: [['activities', 'gradingDays']],
  path: ['activities', 'gradingDays'],
  doc: {
    summary: t(
      '作业批改超时（或到月末仍未批改且已超时）。',
      'Work was graded later than gradingDays after submission (or is still ungraded past that at month end).',
    ),
    example: t(
      'gradingDays: 5；11 月 2 日提交、11 月 9 日批改（7 天）→ 一条发现；11 月 7 日批改（5 天）不报告。',
      'gradingDays: 5; submitted 2 Nov, graded 9 Nov (7 days) → one finding; graded 7 Nov (5 days) → none.',
    ),
    computed: t(
      '对本群作业、submitted_at 在本月的每份提交：graded_at − submitted_at > gradingDays × 24 小时；或 graded_at 为空且 月末 − submitted_at > gradingDays × 24 小时，则为一条发现（memberId 为批改人 grader_id，未批改或未记录批改人时为空；证据含作业、提交人 submitterId）。',
      "For each submission to this group's assignments submitted this month: graded_at − submitted_at > gradingDays × 24 h, or no graded_at and month end − submitted_at > gradingDays × 24 h, is a finding (memberId is the grader, grader_id — empty when ungraded or not recorded; evidence names the assignment and the submitter, submitterId).",
    ),
    configuration: t('`activities.gradingDays`。', '`activities.gradingDays`.'),
  },
  run(ctx) {
    const days = ctx.policy.activities!.gradingDays!;
    const assignments = new Map(ctx.data.rows.assignments.filter((a) => ctx.groups.has(a.group_id)).map((a) => [a.assignment_id, a]));
    const rows = [...ctx.data.rows.submissions].sort((a, b) => a.submitted_at - b.submitted_at || (a.member_id < b.member_id ? -1 : 1));
    for (const s of rows) {
      const assignment = assignments.get(s.assignment_id);
      if (assignment === undefined || s.submitted_at < ctx.month.start || s.submitted_at >= ctx.month.end) continue;
      const until = s.graded_at ?? ctx.month.end;
      if (until - s.submitted_at <= days * DAY) continue;
      // Up to the next tenth of a day: a wait just past the limit never reads as the limit itself.
      const waited = Math.ceil(((until - s.submitted_at) / DAY) * 10) / 10;
      const groupId = assignment.group_id;
      const title = assignment.title ?? assignment.assignment_id;
      // Grading is the grader's duty (T3): the finding is theirs; the submitter is evidence.
      const grader = s.graded_at === undefined ? undefined : s.grader_id;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'warning',
        groupId,
        memberId: grader ?? null,
        path: this.path,
        evidence: {
          assignmentId: s.assignment_id,
          submitterId: s.member_id,
          submittedAt: ctx.month.iso(s.submitted_at),
          gradedAt: s.graded_at === undefined ? null : ctx.month.iso(s.graded_at),
          graderId: s.grader_id ?? null,
          days: waited,
          gradingDays: days,
        },
        message:
          s.graded_at === undefined
            ? t('{who}提交的作业“{title}”已 {waited} 天未批改（要求 {days} 天内）', "{whoEn}''s “{title}” ungraded after {waited} days (limit {days})", {
                who: who(ctx, groupId, s.member_id),
                title,
                waited,
                days,
                whoEn: whoEn(ctx, groupId, s.member_id),
              })
            : grader
              ? t(
                  '{who}批改{who2}的作业“{title}”用了 {waited} 天（要求 {days} 天内）',
                  "{whoEn} graded {whoEn2}''s “{title}” after {waited} days (limit {days})",
                  {
                    who: who(ctx, groupId, grader),
                    who2: who(ctx, groupId, s.member_id),
                    title,
                    waited,
                    days,
                    whoEn: whoEn(ctx, groupId, grader),
                    whoEn2: whoEn(ctx, groupId, s.member_id),
                  },
                )
              : t('{who}的作业“{title}”用了 {waited} 天才批改（要求 {days} 天内）', "{whoEn}''s “{title}” graded after {waited} days (limit {days})", {
                  who: who(ctx, groupId, s.member_id),
                  title,
                  waited,
                  days,
                  whoEn: whoEn(ctx, groupId, s.member_id),
                }),
      });
    }
  },
};
