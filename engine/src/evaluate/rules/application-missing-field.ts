// M1: the applicant gives real name, department, position and purpose (membership.application.requiredFields).
import { who, whoEn } from '../describe.js';
import { learners } from '../learners.js';
import { listOf, t } from '../../i18n/localized-text.js';
import { APPLICATION_FIELD_LABELS } from '../../policy/model/catalogue.generated.js';
import type { EvalRule } from './rule.js';

export const applicationMissingField: EvalRule = {
  code: 'application-missing-field',
  clause: 'M1',
  needs: ['members', 'applications'],
  settings: [['membership', 'application', 'requiredFields']],
  path: ['membership', 'application', 'requiredFields'],
  doc: {
    summary: t(
      '成员获批的入群申请缺少必填项（姓名、部门、职位、目的）。',
      "A member's approved application lacks a required field (name, department, position, purpose).",
    ),
    example: t(
      'requiredFields: [name, department, position, purpose]；wangwu 的获批申请 purpose 为空 → 一条发现，missing: [purpose]。',
      "requiredFields: [name, department, position, purpose]; wangwu's approved application has no purpose → one finding, missing: [purpose].",
    ),
    computed: t(
      '对每位学员的每份获批申请，列出 requiredFields 中为空（缺失或只有空白）的字段；有缺失则为一条发现。',
      'For each approved application of a learner, list the requiredFields that are empty (missing or blank); any missing is a finding.',
    ),
    configuration: t('`membership.application.requiredFields`（未设置则不评估）。', '`membership.application.requiredFields` (not evaluated when unset).'),
  },
  run(ctx) {
    const required = ctx.policy.membership?.application?.requiredFields ?? [];
    for (const m of learners(ctx)) {
      for (const application of ctx.data.rows.applications) {
        if (application.group_id !== m.groupId || application.applicant_id !== m.memberId || application.decision !== 'approved') continue;
        const missing = required.filter((field) => (application[field] ?? '').trim() === '');
        if (missing.length === 0) continue;
        ctx.report({
          code: this.code,
          clause: this.clause,
          severity: 'warning',
          groupId: m.groupId,
          memberId: m.memberId,
          path: this.path,
          evidence: { applicationId: application.application_id, missing, source: `${application.source.file}:${application.source.line}` },
          message: t('{who}的入群申请缺少{missing}', "{whoEn}''s join application lacks the {missing}", {
            who: who(ctx, m.groupId, m.memberId),
            missing: listOf(missing.map((field) => APPLICATION_FIELD_LABELS[field]!)),
            whoEn: whoEn(ctx, m.groupId, m.memberId),
          }),
        });
      }
    }
  },
};
