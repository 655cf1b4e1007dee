// A tracker as a rule declares it: a factory the scan calls once per policy, and the key under which
// the rule finds what the tracker kept (trackerOf).
import type { PolicyEval } from '../context.js';
import type { MessageTracker } from './message-tracker.js';

export interface TrackerSpec<T extends MessageTracker = MessageTracker> {
  /** Names the tracker in errors. */
  name: string;
  create(ctx: PolicyEval): T;
}

/** The tracker the scan fed for this policy (rules call it from run()). */
export function trackerOf<T extends MessageTracker>(ctx: PolicyEval, spec: TrackerSpec<T>): T {
  const tracker = ctx.scan.trackers.get(spec);
  if (!tracker) throw new Error(`the scan did not run the ${spec.name} tracker`);
  return tracker as T;
}
