// Alerts not yet acknowledged by every target, in the order they were made. An alert is handed to the
// targets only once the state that holds it is on disk (`release`): after a crash it is found there
// and sent again, never lost. A target's acknowledgement removes it from that target's list.
import type { Alert } from './alert.js';
import type { OutboxEntry } from './watch-state.js';

export class Outbox {
  private entries: OutboxEntry[];
  /** Entries before this index are on disk and may be delivered. */
  private released: number;
  private waiting: (() => void)[] = [];

  constructor(saved: readonly OutboxEntry[]) {
    this.entries = saved.map((entry) => ({ alert: entry.alert, pending: [...entry.pending], ...(entry.acked ? { acked: [...entry.acked] } : {}) }));
    this.released = this.entries.length;
  }

  get size(): number {
    return this.entries.length;
  }

  add(alert: Alert, targets: readonly string[]): void {
    if (targets.length > 0) this.entries.push({ alert, pending: [...targets] });
  }

  /** What the state saves. */
  snapshot(): OutboxEntry[] {
    return this.entries;
  }

  /** Everything added so far is on disk: the targets may have it. */
  release(): void {
    if (this.released === this.entries.length) return;
    this.released = this.entries.length;
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** The oldest released alerts `target` has not acknowledged, at most `limit`. */
  pendingFor(target: string, limit: number): Alert[] {
    const out: Alert[] = [];
    for (let i = 0; i < this.released && out.length < limit; i++) if (this.entries[i]!.pending.includes(target)) out.push(this.entries[i]!.alert);
    return out;
  }

  /** Targets that still owe something, with how many alerts. */
  owed(): Map<string, number> {
    const owed = new Map<string, number>();
    for (const entry of this.entries) for (const target of entry.pending) owed.set(target, (owed.get(target) ?? 0) + 1);
    return owed;
  }

  acknowledge(target: string, ids: readonly string[]): void {
    const acked = new Set(ids);
    const kept: OutboxEntry[] = [];
    let released = 0;
    for (const [i, entry] of this.entries.entries()) {
      if (acked.has(entry.alert.id) && entry.pending.includes(target)) {
        entry.pending = entry.pending.filter((t) => t !== target);
        entry.acked = [...(entry.acked ?? []), target];
      }
      if (entry.pending.length === 0) continue;
      kept.push(entry);
      if (i < this.released) released++;
    }
    this.entries = kept;
    this.released = released;
  }

  /** What `from` owes is owed to `to` instead (each once), except to those that already have it: a
   *  robot removed from two must not make the other send its backlog a second time. */
  handOver(from: string, to: readonly string[]): void {
    for (const entry of this.entries) {
      if (!entry.pending.includes(from)) continue;
      const heirs = to.filter((t) => !entry.acked?.includes(t));
      entry.pending = [...new Set([...entry.pending.filter((t) => t !== from), ...heirs])];
    }
    this.acknowledge(from, []); // entries every target now has are let go
  }

  /** Resolves when more alerts are released (or the signal stops the wait). */
  more(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const wake = () => {
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.waiting.push(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }
}
