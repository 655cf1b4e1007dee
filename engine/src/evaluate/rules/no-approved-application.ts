// M1: every member joined through an application a reviewer approved.
import { who, whoEn } from '../describe.js';
import { learners } from '../learners.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const noApprovedApplication: EvalRule = {
  code: 'no-approved-application',
  clause: 'M1',
  needs: ['members', 'applications'],
  path: ['membership', 'application'],
  doc: {
    summary: t('成员没有获批的入群申请。', 'A member has no approved join application.'),
    example: t(
      '成员 lisi 在群中，applications 中 lisi 的申请为 pending（或没有申请）→ 一条发现。',
      'Member lisi is in the group and their application is pending (or missing) → one finding.',
    ),
    computed: t(
      '对本月在群内的每位学员（不含管理员、讲师和 admins 列表中的人），查找同群、applicant_id 相同且 decision 为 approved 的申请；没有则为一条发现，证据列出该成员的其他申请及其状态。',
      "For each learner in the group during the month (not admins, lecturers or people listed in `admins`), look for an application of the same group and applicant with decision approved; none is a finding, listing the member's other applications and their decisions.",
    ),
    configuration: t('`membership.application`；需要 applications 表。', '`membership.application`; needs the applications table.'),
  },
  run(ctx) {
    for (const m of learners(ctx)) {
      const own = ctx.data.rows.applications.filter((a) => a.group_id === m.groupId && a.applicant_id === m.memberId);
      if (own.some((a) => a.decision === 'approved')) continue;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'warning',
        groupId: m.groupId,
        memberId: m.memberId,
        path: this.path,
        action: 'review',
        evidence: {
          joinedAt: ctx.month.iso(m.row.joined_at),
          applications: own.map((a) => ({ id: a.application_id, decision: a.decision })).sort((a, b) => (a.id < b.id ? -1 : 1)),
        },
        message: t('{who}没有获批的入群申请', '{whoEn} has no approved join application', {
          who: who(ctx, m.groupId, m.memberId),
          whoEn: whoEn(ctx, m.groupId, m.memberId),
        }),
      });
    }
  },
};
