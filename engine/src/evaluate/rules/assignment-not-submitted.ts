// M3 duties: study and finish tasks on time. An assignment due this month that the member never handed in.
import { assignmentsDue, submissionOf } from '../activity.js';
import { who, whoEn } from '../describe.js';
import { learners } from '../learners.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const assignmentNotSubmitted: EvalRule = {
  code: 'assignment-not-submitted',
  clause: 'M3',
  needs: ['members', 'assignments', 'submissions'],
  path: ['assessment', 'assignments'],
  doc: {
    summary: t('成员未提交本月到期的作业。', 'A member did not hand in an assignment due this month.'),
    example: t(
      '作业 hw-2 于 11 月 20 日到期；zhouba 当时在群且 submissions 中没有其 hw-2 的提交 → 一条发现。',
      'Assignment hw-2 is due on 20 Nov; zhouba was in the group then and has no submission of hw-2 → one finding.',
    ),
    computed: t(
      '对每位学员、其所在群中 due_at 落在本月且到期时该成员在群的每个作业：没有任何提交则为一条发现（迟交见 late-submission）。',
      'For each learner and each assignment of their group due this month while they were a member: no submission at all is a finding (late ones are late-submission).',
    ),
    configuration: t('无专门设置；需要 assignments 与 submissions 表。', 'No setting of its own; needs the assignments and submissions tables.'),
  },
  run(ctx) {
    for (const m of learners(ctx)) {
      for (const assignment of assignmentsDue(ctx, m)) {
        if (submissionOf(ctx, assignment.assignment_id, m.memberId)) continue;
        ctx.report({
          code: this.code,
          clause: this.clause,
          severity: 'warning',
          groupId: m.groupId,
          memberId: m.memberId,
          path: this.path,
          evidence: { assignmentId: assignment.assignment_id, title: assignment.title ?? null, dueAt: ctx.month.iso(assignment.due_at) },
          message: t('{who}未提交作业“{value}”', '{whoEn} did not hand in “{value}”', {
            who: who(ctx, m.groupId, m.memberId),
            value: assignment.title ?? assignment.assignment_id,
            whoEn: whoEn(ctx, m.groupId, m.memberId),
          }),
        });
      }
    }
  },
};
