// M1: a designated reviewer approves join applications (membership.application.reviewers).
import { who, whoEn } from '../describe.js';
import { learners } from '../learners.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const applicationUnauthorizedReviewer: EvalRule = {
  code: 'application-unauthorized-reviewer',
  clause: 'M1',
  needs: ['members', 'applications'],
  settings: [['membership', 'application', 'reviewers']],
  path: ['membership', 'application', 'reviewers'],
  doc: {
    summary: t(
      '成员的入群申请由非指定审核人批准（或没有审核人）。',
      "A member's application was approved by someone who is not a designated reviewer (or by nobody recorded).",
    ),
    example: t(
      'reviewers: [wangfang]；zhaoliu 的申请 reviewer_id 为 liming → 一条发现。',
      "reviewers: [wangfang]; zhaoliu's application has reviewer_id liming → one finding.",
    ),
    computed: t(
      '对每位学员的每份获批申请：reviewer_id 为空或不在 reviewers 中则为一条发现。',
      'For each approved application of a learner: an empty reviewer_id, or one not in reviewers, is a finding.',
    ),
    configuration: t('`membership.application.reviewers`（未设置则不评估）。', '`membership.application.reviewers` (not evaluated when unset).'),
  },
  run(ctx) {
    const reviewers = new Set(ctx.policy.membership?.application?.reviewers ?? []);
    for (const m of learners(ctx)) {
      for (const application of ctx.data.rows.applications) {
        if (application.group_id !== m.groupId || application.applicant_id !== m.memberId || application.decision !== 'approved') continue;
        if (application.reviewer_id !== undefined && reviewers.has(application.reviewer_id)) continue;
        ctx.report({
          code: this.code,
          clause: this.clause,
          severity: 'warning',
          groupId: m.groupId,
          memberId: m.memberId,
          path: this.path,
          evidence: { applicationId: application.application_id, reviewerId: application.reviewer_id ?? null },
          message: application.reviewer_id
            ? t(
                '{who}的入群申请由{reviewer}批准，但其不是指定的审核人',
                "{whoEn}''s join application was approved by {reviewerEn}, who is not a designated reviewer",
                {
                  who: who(ctx, m.groupId, m.memberId),
                  whoEn: whoEn(ctx, m.groupId, m.memberId),
                  reviewer: who(ctx, m.groupId, application.reviewer_id),
                  reviewerEn: whoEn(ctx, m.groupId, application.reviewer_id),
                },
              )
            : t('{who}的入群申请获批，但没有记录审核人', "{whoEn}''s join application was approved with no reviewer on record", {
                who: who(ctx, m.groupId, m.memberId),
                whoEn: whoEn(ctx, m.groupId, m.memberId),
              }),
        });
      }
    }
  },
};
