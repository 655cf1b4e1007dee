// E4 E5 E6 share one shape: the scoring stage rated every learner on the dimension's bands; the worst
// rating is also a finding, so HR's work queue lists it with the band that decided it.
import { dimensionShortName } from '../../policy/model/band-tables.js';
import type { RatedDimension } from '../context.js';
import { ratingName, who, whoEn } from '../describe.js';
import { learners } from '../learners.js';
import { t } from '../../i18n/localized-text.js';
import { ratedDimension } from '../score/rated-dimensions.js';
import type { EvalRule, FindingDoc } from './rule.js';

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
        ctx.report({
          code,
          clause,
          severity: 'info',
          groupId: m.groupId,
          memberId: m.memberId,
          path: ['assessment', dimension, 'bands', band.index],
          evidence: { rating, band: band.index, metrics: band.metrics },
          message: t('{who}的{dimension}评级为{rating}', "{whoEn}''s {dimension} rating is {rating}", {
            who: who(ctx, m.groupId, m.memberId),
            whoEn: whoEn(ctx, m.groupId, m.memberId),
            dimension: dimensionShortName[dimension],
            rating: ratingName(ctx, rating),
          }),
        });
      }
    },
  };
}
