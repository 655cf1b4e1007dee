// R1: results feed performance reviews — outcomes.points per overall rating; a deduction is a finding.
import { ratingName, who, whoEn } from '../describe.js';
import { learners } from '../learners.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const pointsDeducted: EvalRule = {
  code: 'points-deducted',
  clause: 'R1',
  needs: ['members'],
  settings: [['outcomes', 'points']],
  path: ['outcomes', 'points'],
  doc: {
    summary: t(
      '学员因综合评级被扣绩效分；所有学员的分数写入 members[].points。',
      "A learner loses performance points for their overall rating; every learner's points go to members[].points.",
    ),
    example: t(
      'points: {excellent: 6, fail: -4}；综合评级 fail → points −4，一条发现；excellent → points 6，无发现。',
      'points: {excellent: 6, fail: -4}; overall fail → points −4 and one finding; excellent → points 6, no finding.',
    ),
    computed: t(
      'points＝outcomes.points[综合评级]，评级不在映射中则为 0，没有综合评级则为 null。points < 0 时为一条发现。',
      'points = outcomes.points[overall rating], 0 when the rating is not in the map, null without an overall rating. points < 0 is a finding.',
    ),
    configuration: t('`outcomes.points`。', '`outcomes.points`.'),
  },
  run(ctx) {
    const points = ctx.policy.outcomes!.points!;
    for (const m of learners(ctx)) {
      const entry = ctx.ratings.get(m.key);
      const overall = entry?.ratings.overall;
      if (!entry || !overall || entry.points === null || entry.points >= 0) continue;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'info',
        groupId: m.groupId,
        memberId: m.memberId,
        path: overall in points ? ['outcomes', 'points', overall] : this.path,
        evidence: { overall, points: entry.points },
        message: t('{who}的综合评级为{rating}，扣 {deducted} 分', '{whoEn} is rated {rating} overall: {points} points', {
          who: who(ctx, m.groupId, m.memberId),
          rating: ratingName(ctx, overall),
          deducted: -entry.points,
          whoEn: whoEn(ctx, m.groupId, m.memberId),
          points: entry.points,
        }),
      });
    }
  },
};
