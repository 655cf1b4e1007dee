// E4 E5 E6 share one shape: the scoring stage rated every learner on the dimension's bands; the worst
// rating is also a finding, so HR's work queue lists it with the band that decided it.
import type { RatedDimension } from '../context.js';
import { ratingName, who, whoEn } from '../describe.js';
import { learners } from '../learners.js';
import { t } from '../../i18n/localized-text.js';
import { ratedDimension } from '../score/rated-dimensions.js';
import type { EvalRule, FindingDoc } from './rule.js';

const NAMES: Record<RatedDimension, { zh: string; en: string }> = {
  assignments: { zh: '作业', en: 'assignment' },
  tests: { zh: '测试', en: 'test' },
  participation: { zh: '参与度', en: 'participation' },
};

export function ratingRule(dimension: RatedDimension, doc: FindingDoc): EvalRule {
  const { code, clause, needs } = ratedDimension(dimension);
  return {
    code,
    clause,
    needs,
    settings: [['assessment', dimension]],
    path: ['assessment', dimension, 'bands'],
    doc,
    run(ctx) {
      const worst = ctx.policy.ratings[ctx.policy.ratings.length - 1]?.id;
      for (const m of learners(ctx)) {
        const entry = ctx.ratings.get(m.key);
        const band = entry?.bands[dimension];
        const rating = entry?.ratings[dimension];
        if (!band || !rating || rating !== worst) continue;
        const label = ratingName(ctx, rating);
        ctx.report({
          code,
          clause,
          severity: 'info',
          groupId: m.groupId,
          memberId: m.memberId,
          path: ['assessment', dimension, 'bands', band.index],
          evidence: { rating, band: band.index, metrics: band.metrics },
          message: t('{who}的{zh}评级为{value}', "{whoEn}''s {en} rating is {value}", {
            who: who(ctx, m.groupId, m.memberId),
            zh: NAMES[dimension].zh,
            value: label,
            whoEn: whoEn(ctx, m.groupId, m.memberId),
            en: NAMES[dimension].en,
          }),
        });
      }
    },
  };
}
