// Normalization switches of a policy's content section, every one on by default except repeats.
import type { QunguiTrainingGroupPolicy as Policy } from '../policy/policy-types.generated.js';

export interface NormalizeOptions {
  width: boolean;
  case: boolean;
  traditional: boolean;
  digits: boolean;
  /** true: the default noise set; false: none; a list: exactly those characters. */
  skip: boolean | string[];
  repeats: boolean;
}

export function normalizeOptionsFrom(content: Policy['content'] | undefined): NormalizeOptions {
  const n = (content && typeof content === 'object' ? (content as { normalize?: unknown }).normalize : undefined) as Partial<NormalizeOptions> | undefined;
  const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
  const skip = n?.skip;
  return {
    width: flag(n?.width, true),
    case: flag(n?.case, true),
    traditional: flag(n?.traditional, true),
    digits: flag(n?.digits, true),
    skip: Array.isArray(skip) ? skip.filter((s): s is string => typeof s === 'string') : flag(skip, true),
    repeats: flag(n?.repeats, false),
  };
}
