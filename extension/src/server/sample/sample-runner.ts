// Runs sample-data evaluations in a worker thread, one at a time per document: the newest text of a
// document replaces a run still going for an older one (that worker is terminated), a run that passes
// the time budget is terminated and says so, and the counts of the latest run are kept for reuse.
import { Worker } from 'node:worker_threads';
import type { SampleCounts, SampleJob, SampleOutcome } from './sample-job.js';

interface Run {
  key: string;
  outcome: Promise<SampleOutcome>;
  stop(): void;
}

export class SampleRunner {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly workerFile: string,
    private readonly budgetMs: number,
  ) {}

  /** The outcome for this document's current text on this folder, reusing the last run if it matches. */
  run(uri: string, job: SampleJob): Promise<SampleOutcome> {
    const key = `${job.sampleDir}\u0000${job.text}`;
    const previous = this.runs.get(uri);
    if (previous?.key === key) return previous.outcome;
    previous?.stop();
    const run = this.start(key, job);
    this.runs.set(uri, run);
    return run.outcome;
  }

  forget(uri: string): void {
    this.runs.get(uri)?.stop();
    this.runs.delete(uri);
  }

  private start(key: string, job: SampleJob): Run {
    let settle!: (outcome: SampleOutcome) => void;
    const outcome = new Promise<SampleOutcome>((resolve) => {
      settle = resolve;
    });
    let settled = false;
    const finish = (result: SampleOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      settle(result);
      void worker.terminate();
    };
    // resourceLimits keep a runaway month from taking the editor's memory with it.
    const worker = new Worker(this.workerFile, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    const timer = setTimeout(() => finish({ kind: 'over-budget', budgetMs: this.budgetMs }), this.budgetMs);
    worker.once('message', (counts: SampleCounts | null) => finish(counts ? { kind: 'counts', counts } : { kind: 'failed' }));
    worker.once('error', () => finish({ kind: 'failed' }));
    worker.once('exit', () => finish({ kind: 'failed' }));
    return { key, outcome, stop: () => finish({ kind: 'stale' }) };
  }
}
