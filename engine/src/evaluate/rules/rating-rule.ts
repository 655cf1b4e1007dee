// E4 E5 E6 share one shape: metrics per learner → the first band whose conditions all hold → the rating.
// The worst rating is also a finding, so HR's work queue lists it with the band that decided it.
import type { Membership, PolicyEval } from '../context.js';
import { rate, type Band, type MemberFacts } from '../bands.js';
import { who, whoEn } from '../describe.js';
import type { Metrics } from '../metrics.js';
import { DAY } from '../time.js';
import type { TableName } from '../../data/bundle-types.js';
import { isRated, learners } from '../learners.js';
import { t } from '../localized-text.js';
import type { EvalRule, FindingDoc } from './rule.js';
import { ratingOf } from '../member-rating.js';

type Dimension = 'assignments' | 'tests' | 'participation';
const DEFAULT_METRIC: Record<Dimension, string> = { assignments: 'accuracy', tests: 'score', participation: 'activeDays' };
const NAMES: Record<Dimension, { zh: string; en: string }> = {
  assignments: { zh: '作业', en: 'assignment' }, tests: { zh: '测试', en: 'test' }, participation: { zh: '参与度', en: 'participation' },
};

export function memberFacts(ctx: PolicyEval, m: Membership): MemberFacts {
  return {
    joinedDays: Math.floor((ctx.month.end - m.row.joined_at) / DAY), role: m.row.role ?? 'member',
    department: m.employee?.department ?? '', position: m.employee?.position ?? '', employmentStatus: m.employee?.employment_status ?? '',
  };
}

export function ratingRule(options: {
  code: string; clause: 'E4' | 'E5' | 'E6'; dimension: Dimension; needs: TableName[]; doc: FindingDoc;
  metrics: (ctx: PolicyEval, m: Membership) => Metrics;
  /** The member has something to be rated on (else the rating is null). */
  hasData: (metrics: Metrics) => boolean;
}): EvalRule {
  const dimension = options.dimension;
  return {
    code: options.code, clause: options.clause, stage: 'ratings', needs: options.needs,
    settings: [['assessment', dimension]], path: ['assessment', dimension, 'bands'], doc: options.doc,
    run(ctx) {
      const config = ctx.policy.assessment![dimension]!;
      const bands = config.bands as Band[];
      const main = config.metric ?? DEFAULT_METRIC[dimension];
      const worst = ctx.policy.ratings[ctx.policy.ratings.length - 1]?.id;
      for (const m of learners(ctx)) {
        const metrics = options.metrics(ctx, m);
        const entry = ratingOf(ctx, m.key);
        Object.assign(entry.metrics, metrics);
        if (!isRated(ctx, m) || !options.hasData(metrics)) continue;
        const outcome = rate(dimension, bands, main, metrics, memberFacts(ctx, m));
        if (!outcome) continue;
        entry.ratings[dimension] = outcome.rating;
        if (outcome.rating !== worst) continue;
        const label = ctx.policy.ratings.find((r) => r.id === outcome.rating);
        ctx.report({
          code: options.code, clause: options.clause, severity: 'info', groupId: m.groupId, memberId: m.memberId,
          path: ['assessment', dimension, 'bands', outcome.index], evidence: { rating: outcome.rating, band: outcome.index, metrics },
          message: t(`${who(ctx, m.groupId, m.memberId)} ${NAMES[dimension].zh}评级为${label?.label ?? outcome.rating}`, `${whoEn(ctx, m.groupId, m.memberId)} rated ${label?.labelEn ?? outcome.rating} for ${NAMES[dimension].en}`),
        });
      }
    },
  };
}
