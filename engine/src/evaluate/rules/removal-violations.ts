// M5: members who break the rules may be removed — more violations than membership.removal.maxViolations.
import { who, whoEn } from '../describe.js';
import { t } from '../../i18n/localized-text.js';
import { hasContentRules } from './content-rule.js';
import { trackerOf } from '../scan/tracker-spec.js';
import type { EvalRule } from './rule.js';
import { violationCountTracker } from './violation-count-tracker.js';

export const removalViolations: EvalRule = {
  code: 'removal-violations',
  clause: 'M5',
  needsMatcher: true,
  needs: ['members', 'messages'],
  trackers: [violationCountTracker],
  settings: [['membership', 'removal', 'maxViolations']],
  path: ['membership', 'removal', 'maxViolations'],
  precondition: (ctx) =>
    ['N1', 'N2', 'N4', 'S1', 'S2'].every((c) => hasContentRules(ctx, c) !== undefined)
      ? t('群规没有任何内容类别或检测器，无法统计违规', 'The policy has no content categories or detectors to count violations with')
      : undefined,
  doc: {
    summary: t('本月违规次数超过上限的成员，列为移出候选。', 'A member with more violations this month than the limit is a removal candidate.'),
    example: t(
      'maxViolations: 2；zhengshi 本月有 3 条消息含 error 级命中 → 一条发现（action: remove）；有 2 条的成员不报告。',
      'maxViolations: 2; zhengshi has 3 messages with error-level matches → one finding (action: remove); a member with 2 is not reported.',
    ),
    computed: t(
      '违规次数＝含至少一个计入违规的命中的消息条数：命中严重级别为 error、类别在 countCategories 中（未设置则全部类别与检测器）、且未被报备覆盖。违规次数 > maxViolations 则为一条发现。',
      'Violations = messages with at least one counted match: severity error, category in countCategories (all categories and detectors when unset), not covered by an exemption. Violations > maxViolations is a finding.',
    ),
    configuration: t(
      '`membership.removal.maxViolations`、`membership.removal.countCategories`。',
      '`membership.removal.maxViolations`, `membership.removal.countCategories`.',
    ),
  },
  run(ctx) {
    const limit = ctx.policy.membership!.removal!.maxViolations!;
    const counts = trackerOf(ctx, violationCountTracker).byMember;
    for (const m of ctx.memberships.values()) {
      const violations = counts.get(m.key) ?? 0;
      if (violations <= limit) continue;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'error',
        groupId: m.groupId,
        memberId: m.memberId,
        path: this.path,
        action: 'remove',
        evidence: { violations, maxViolations: limit },
        message: t(
          '{who}本月违规 {violations} 次，超过上限 {limit} 次，建议移出',
          '{whoEn} has {violations} violations this month, over the limit of {limit}: removal candidate',
          { who: who(ctx, m.groupId, m.memberId), violations, limit, whoEn: whoEn(ctx, m.groupId, m.memberId) },
        ),
      });
    }
  },
};
