// Where the watcher's policies come from after the start: asked on every rescan, it answers only when
// the policy files changed. A change that does not hold (errors, a time zone the running watcher
// cannot take) comes back as `refused`, and the watcher keeps checking with the policies it has.
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import type { ValidatedPolicy } from '../policy/validate.js';

export type PolicyChange = { policies: readonly ValidatedPolicy[] } | { refused: LocalizedText };

export interface PolicySource {
  /** The policies read again when their files changed (and have stopped changing); undefined otherwise. */
  changed(): Promise<PolicyChange | undefined>;
}
