// Where alerts go: stdout (a JSON line each), WeCom group robots, a command. Each target takes the
// oldest alerts it has not acknowledged and says how many of them it delivered, or why none was.
import type { LocalizedText } from '../diagnostics/diagnostic.js';
import type { Alert } from './alert.js';

export type DeliveryResult =
  | { delivered: number }
  /** `permanent`: retrying will not help until someone fixes it (an invalid robot key); it is still retried, slowly. */
  | { failed: LocalizedText; permanent?: boolean; rateLimited?: boolean };

export interface DeliveryTarget {
  /** The target's key in the state (never the webhook URL itself: that is a secret). */
  readonly key: string;
  /** How logs name it (a robot's key masked). */
  readonly label: string;
  /** At most this many alerts are offered at a time. */
  readonly batch: number;
  /** Resolves when the target may take the next message (a robot's rate limit). */
  ready?(signal: AbortSignal): Promise<void>;
  deliver(pending: readonly Alert[], signal: AbortSignal): Promise<DeliveryResult>;
  /** When its latest messages went out (a rate limit that must hold across restarts), and taking them back. */
  sentTimes?(): number[];
  rememberSent?(times: readonly number[]): void;
  /** Called right before a message goes out, so that its time is on disk before the robot counts it. */
  onSend?: () => void;
}
