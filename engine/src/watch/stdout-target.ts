// Every alert as one JSON line on stdout, for a log collector or a pipe.
import type { Alert } from './alert.js';
import type { DeliveryResult, DeliveryTarget } from './delivery-target.js';

export class StdoutTarget implements DeliveryTarget {
  readonly key = 'stdout';
  readonly label = 'stdout';
  readonly batch = 1000;

  constructor(private readonly write: (text: string) => void) {}

  async deliver(pending: readonly Alert[]): Promise<DeliveryResult> {
    let text = '';
    for (const alert of pending) text += `${JSON.stringify(alert)}\n`;
    this.write(text);
    return { delivered: pending.length };
  }
}
