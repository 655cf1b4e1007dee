// R2: follow-ups per overall rating, and escalation when the failing rating repeats for
// outcomes.escalation.afterConsecutive months in a row (this month included), from the archive
// (--archive) or --history.
import { actionName, ratingName, who, whoEn } from '../describe.js';
import { learners } from '../learners.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const repeatedFail: EvalRule = {
  code: 'repeated-fail',
  clause: 'R2',
  needs: ['members'],
  path: ['outcomes', 'escalation'],
  precondition: (ctx) =>
    !ctx.policy.outcomes?.followUp && !ctx.policy.outcomes?.escalation
      ? t('群规没有设置 outcomes.followUp 或 outcomes.escalation', 'The policy sets neither outcomes.followUp nor outcomes.escalation')
      : ctx.policy.outcomes?.escalation && ctx.history.length === 0
        ? t(
            '没有往月结果（--archive 归档或 --history），无法判断连续不合格；本月只列出跟进措施',
            "No earlier months (--archive or --history): repeated failure cannot be judged; only this month's follow-ups are listed",
          )
        : undefined,
  preconditionBlocks: false,
  doc: {
    summary: t(
      '学员连续 afterConsecutive 个月综合评级为不合格档，触发升级措施；所有学员的跟进措施写入 members[].actions。',
      "A learner had the failing overall rating afterConsecutive months in a row: the escalation action applies; every learner's follow-ups go to members[].actions.",
    ),
    example: t(
      'escalation: {afterConsecutive: 2, action: reassign}；liuer 10 月（归档中的结果）和 11 月综合评级都是 fail → actions [retake, coaching, reassign]，一条发现。10 月为 pass 则只有 [retake, coaching]。',
      'escalation: {afterConsecutive: 2, action: reassign}; liuer was overall fail in October (the archived result) and November → actions [retake, coaching, reassign], one finding. With pass in October, only [retake, coaching].',
    ),
    computed: t(
      'actions＝outcomes.followUp[综合评级]。升级：escalation.rating（默认最差评级）在本月及此前连续月份（按日历月倒推，同群同成员，在 --archive 归档或 --history 的结果中）出现次数 ≥ afterConsecutive 时，加上 escalation.action 并报告一条发现。缺一个月即中断。没有往月结果时 R2 的升级部分列为未评估。',
      'actions = outcomes.followUp[overall rating]. Escalation: when escalation.rating (default the worst rating) is the overall rating this month and in the calendar months right before it (same group and member, in the --archive or --history results) for at least afterConsecutive months, escalation.action is added and a finding reported. A missing month breaks the run. Without earlier months, the escalation part of R2 is listed as not evaluated.',
    ),
    configuration: t(
      '`outcomes.followUp`、`outcomes.escalation.rating`、`afterConsecutive`、`action`；命令行 --archive DIR（或 --history DIR）。',
      '`outcomes.followUp`, `outcomes.escalation.rating`, `afterConsecutive`, `action`; CLI --archive DIR (or --history DIR).',
    ),
  },
  run(ctx) {
    for (const m of learners(ctx)) {
      const escalation = ctx.ratings.get(m.key)?.escalation;
      if (!escalation) continue;
      const run = escalation.months.length;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'warning',
        groupId: m.groupId,
        memberId: m.memberId,
        path: ['outcomes', 'escalation', 'afterConsecutive'],
        action: escalation.action,
        evidence: { rating: escalation.rating, months: escalation.months, afterConsecutive: escalation.afterConsecutive },
        message: t('{who}连续 {run} 个月综合评级为{rating}，升级处理：{action}', '{whoEn} rated {rating} overall {run} months in a row: {action}', {
          who: who(ctx, m.groupId, m.memberId),
          run,
          rating: ratingName(ctx, escalation.rating),
          action: actionName(ctx, escalation.action),
          whoEn: whoEn(ctx, m.groupId, m.memberId),
        }),
      });
    }
  },
};
