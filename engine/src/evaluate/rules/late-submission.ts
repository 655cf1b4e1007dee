// T3: members submit assignments on time (activities.lateGraceHours after the due time still counts).
import { isOnTime, submissionOf } from '../activity.js';
import { who, whoEn } from '../describe.js';
import { hoursBetween } from '../time.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const lateSubmission: EvalRule = {
  code: 'late-submission',
  clause: 'T3',
  needs: ['assignments', 'submissions'],
  path: ['activities', 'lateGraceHours'],
  doc: {
    summary: t('作业迟交。', 'An assignment was submitted late.'),
    example: t(
      'lateGraceHours: 0；hw-1 截止 11 月 10 日 18:00，liuyi 11 月 10 日 18:30 提交 → 一条发现（lateHours 0.5）；18:00 整提交不报告。',
      'lateGraceHours: 0; hw-1 due 10 Nov 18:00, liuyi submits at 18:30 → one finding (lateHours 0.5); at 18:00 exactly, none.',
    ),
    computed: t(
      '对 due_at 在本月的作业的每份提交（同一成员多次提交取第一次）：submitted_at > due_at + lateGraceHours 小时则为一条发现。',
      'For each submission to an assignment due this month (several by one member: the first): submitted_at > due_at + lateGraceHours hours is a finding.',
    ),
    configuration: t('`activities.lateGraceHours`（默认 0）。', '`activities.lateGraceHours` (default 0).'),
  },
  run(ctx) {
    for (const a of ctx.data.rows.assignments) {
      if (!ctx.groups.has(a.group_id) || a.due_at < ctx.month.start || a.due_at >= ctx.month.end) continue;
      const members = [...new Set(ctx.data.rows.submissions.filter((s) => s.assignment_id === a.assignment_id).map((s) => s.member_id))].sort();
      for (const memberId of members) {
        const s = submissionOf(ctx, a.assignment_id, memberId)!;
        if (isOnTime(ctx, a, s)) continue;
        ctx.report({
          code: this.code,
          clause: this.clause,
          severity: 'warning',
          groupId: a.group_id,
          memberId,
          path: this.path,
          evidence: {
            assignmentId: a.assignment_id,
            dueAt: ctx.month.iso(a.due_at),
            submittedAt: ctx.month.iso(s.submitted_at),
            lateHours: hoursBetween(a.due_at, s.submitted_at),
          },
          message: t('{who}迟交作业“{value}”', '{whoEn} handed in “{value}” late', {
            who: who(ctx, a.group_id, memberId),
            value: a.title ?? a.assignment_id,
            whoEn: whoEn(ctx, a.group_id, memberId),
          }),
        });
      }
    }
  },
};
