// The watcher's notion of time, in one place so tests can shrink it: the robot's rate window, the
// retry backoff and a command's time limit are all multiplied by one scale (QUNGUI_WATCH_TIME_SCALE for the
// CLI), and waiting goes through `sleep`, which a stop signal ends at once.

export interface Timing {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** The robot's window for its message limit (60 s). */
  robotWindowMs: number;
  /** Messages per window and robot (20). */
  robotPerWindow: number;
  /** First retry wait, doubled on each failure up to the maximum. */
  backoffMs: number;
  backoffMaxMs: number;
  /** How often files are looked at when no change notice came. */
  pollMs: number;
  /** An --exec command still running after this long is killed and the alert retried (60 s). */
  commandTimeoutMs: number;
}

export function timing(scale = 1): Timing {
  return {
    now: () => Date.now(),
    sleep,
    robotWindowMs: 60_000 * scale,
    robotPerWindow: 20,
    backoffMs: 1_000 * scale,
    backoffMaxMs: 60_000 * scale,
    pollMs: 250,
    commandTimeoutMs: 60_000 * scale,
  };
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The wait before retry number `failures` (1, 2, …): doubled each time, capped. */
export function backoff(time: Timing, failures: number): number {
  return Math.min(time.backoffMaxMs, time.backoffMs * 2 ** Math.min(30, failures - 1));
}
