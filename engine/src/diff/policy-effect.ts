// What a policy change did to this month's ratings: the month evaluated again under the policy of the
// month before (its archived copy), compared member by member with `diffResults`. The reports put the
// result beside the change ("按 8 月的群规，1 人的综合评级不同：王浩 不合格 → 合格"), so a drop caused by a
// stricter threshold reads as the policy's doing, not as worse learning.
import type { EvaluationResult } from '../evaluate/result-types.js';
import type { ValidatedPolicy } from '../policy/validate.js';
import { diffResults } from './diff-results.js';

export interface PolicyEffect {
  /** The month whose policy this month was evaluated under again. */
  under: string;
  /** Learners whose overall rating differs: what it is now, what it would have been before the change. */
  changed: { groupId: string; memberId: string; name: string; now: string | null; before: string | null }[];
}

export function policyEffect(
  now: { result: EvaluationResult; policy: ValidatedPolicy },
  then: { result: EvaluationResult; policy: ValidatedPolicy; month: string },
): PolicyEffect {
  const policyId = (now.policy.value as { metadata: { id: string } }).metadata.id;
  const only = (result: EvaluationResult): EvaluationResult => ({ ...result, members: result.members.filter((m) => m.policyId === policyId) });
  const diff = diffResults({ result: only(then.result), policy: then.policy }, { result: only(now.result), policy: now.policy });
  const names = new Map(now.result.members.map((m) => [`${m.groupId}\u0000${m.memberId}`, m.name ?? m.memberId]));
  return {
    under: then.month,
    changed: diff.changes
      .filter((c) => c.kind === 'rating' && c.subject === 'overall' && c.memberId !== null && c.groupId !== null)
      .map((c) => ({
        groupId: c.groupId!,
        memberId: c.memberId!,
        name: names.get(`${c.groupId}\u0000${c.memberId}`) ?? c.memberId!,
        now: c.after as string | null,
        before: c.before as string | null,
      })),
  };
}
