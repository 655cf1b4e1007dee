// For every policy whose archived copy of the month before differs from today's: this month's data
// evaluated again under that copy, and who would have been rated otherwise. A month with no policy
// change costs nothing; a changed policy costs one more evaluation of its groups.
import type { Bundle } from '../data/bundle-types.js';
import { type PolicyEffect, policyEffect } from '../diff/policy-effect.js';
import { evaluate } from '../evaluate/index.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { type ValidatedPolicy, validatePolicy } from '../policy/validate.js';
import type { ArchivedMonth } from '../report/trend.js';

export async function policyEffects(
  result: EvaluationResult,
  policies: readonly ValidatedPolicy[],
  archived: readonly ArchivedMonth[],
  reopen: () => Promise<Bundle>,
  redact: boolean,
): Promise<Map<string, PolicyEffect>> {
  const effects = new Map<string, PolicyEffect>();
  const previous = archived.filter((a) => a.result.month < result.month).at(-1);
  if (!previous?.texts) return effects;
  for (const policy of policies) {
    const id = (policy.value as { metadata: { id: string } }).metadata.id;
    const then = previous.result.policies.find((p) => p.id === id);
    const now = result.policies.find((p) => p.id === id);
    const copy = previous.texts.get(id);
    if (!then || !now || !copy || then.sha256 === now.sha256) continue;
    // A copy this qungui no longer accepts (an older schema) cannot be run: the change is still named.
    const old = validatePolicy({ file: copy.file, text: copy.text });
    if (old.value === undefined || old.diagnostics.some((d) => d.severity === 'error')) continue;
    const again = await evaluate({ policies: [old], bundle: await reopen(), month: result.month, history: [], redact });
    effects.set(id, policyEffect({ result, policy }, { result: again, policy: old, month: previous.result.month }));
  }
  return effects;
}
