// When to validate after a change. Validation is cheap (tens of milliseconds on thousands of lines), so
// it starts at once — on the next turn of the event loop, so the changes that arrived together are
// validated once. Only while changes come faster than the last validation took does it wait, as long as
// that validation (never more than maxWaitMs): typing then never queues validation behind validation.
import { performance } from 'node:perf_hooks';

export interface SchedulerClock {
  now(): number;
  /** Runs `fn` after `ms` (0: the next turn of the event loop); returns a cancel function. */
  defer(fn: () => void, ms: number): () => void;
}

const realClock: SchedulerClock = {
  now: () => performance.now(),
  defer(fn, ms) {
    if (ms <= 0) {
      const immediate = setImmediate(fn);
      return () => clearImmediate(immediate);
    }
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export class ValidationScheduler {
  private lastChange = Number.NEGATIVE_INFINITY;
  private lastCost = 0;
  private cancel: (() => void) | undefined;

  constructor(
    private readonly validate: () => void,
    private readonly maxWaitMs: number,
    private readonly clock: SchedulerClock = realClock,
  ) {}

  /** A document changed (or opened, closed, settings changed): validate soon. */
  schedule(): void {
    const now = this.clock.now();
    const typingFaster = now - this.lastChange < this.lastCost;
    this.lastChange = now;
    this.cancel?.();
    this.cancel = this.clock.defer(() => this.run(), typingFaster ? Math.min(this.maxWaitMs, this.lastCost) : 0);
  }

  /** Validate now if a run is pending (a request needs the freshest result). */
  flush(): void {
    if (!this.cancel) return;
    this.cancel();
    this.run();
  }

  get pending(): boolean {
    return this.cancel !== undefined;
  }

  private run(): void {
    this.cancel = undefined;
    const started = this.clock.now();
    this.validate();
    this.lastCost = this.clock.now() - started;
  }
}
