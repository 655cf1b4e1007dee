// Points (R1) and follow-up actions (R2) of every rated learner, from their overall rating — with
// the escalation action when the failing rating repeats for afterConsecutive months (this month and
// the months right before it, from the earlier results). Computed once, before any finding rule runs;
// the rules only report on what is here, so a learner's points never depend on a rule's precondition.
import type { ScoringContext } from '../context.js';
import { learners } from '../learners.js';
import { previousMonth } from '../time.js';

export function scoreOutcomes(ctx: ScoringContext): void {
  const outcomes = ctx.policy.outcomes;
  const points = outcomes?.points;
  const followUp = outcomes?.followUp ?? {};
  const escalation = outcomes?.escalation;
  const failing = escalation?.rating ?? ctx.policy.ratings[ctx.policy.ratings.length - 1]!.id;
  const byMonth = new Map(ctx.history.map((r) => [r.month, r]));
  for (const m of learners(ctx)) {
    const entry = ctx.ratings.get(m.key);
    const overall = entry?.ratings.overall;
    if (!entry || !overall) continue;
    if (points) entry.points = points[overall] ?? 0;
    entry.actions = [...(followUp[overall] ?? [])];
    if (!escalation || overall !== failing || ctx.history.length === 0) continue;
    const months = [ctx.month.month];
    for (let month = previousMonth(ctx.month.month); months.length < escalation.afterConsecutive; month = previousMonth(month)) {
      const earlier = byMonth.get(month)?.members.find((x) => x.groupId === m.groupId && x.memberId === m.memberId);
      if (earlier?.ratings.overall !== failing) break;
      months.push(month);
    }
    if (months.length < escalation.afterConsecutive) continue;
    if (!entry.actions.includes(escalation.action)) entry.actions.push(escalation.action);
    entry.escalation = { rating: failing, months: months.sort(), afterConsecutive: escalation.afterConsecutive, action: escalation.action };
  }
}
