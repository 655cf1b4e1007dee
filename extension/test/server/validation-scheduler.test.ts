import { describe, expect, it } from 'vitest';
import { type SchedulerClock, ValidationScheduler } from '../../src/server/validation-scheduler.js';

/** A clock the test moves by hand; deferred runs fire when their time has come. */
function fakeClock() {
  let time = 0;
  let tasks: { at: number; fn: () => void }[] = [];
  const waits: number[] = [];
  const clock: SchedulerClock = {
    now: () => time,
    defer(fn, ms) {
      waits.push(ms);
      const task = { at: time + ms, fn };
      tasks.push(task);
      return () => {
        tasks = tasks.filter((t) => t !== task);
      };
    },
  };
  const advance = (ms: number) => {
    time += ms;
    for (const task of tasks.filter((t) => t.at <= time)) {
      tasks = tasks.filter((t) => t !== task);
      task.fn();
    }
  };
  return { clock, advance, waits, spend: (ms: number) => (time += ms) };
}

describe('ValidationScheduler', () => {
  it('validates at once after a change, and once for changes that arrive together', () => {
    const { clock, advance, waits } = fakeClock();
    let runs = 0;
    const s = new ValidationScheduler(() => runs++, 150, clock);
    s.schedule();
    s.schedule();
    s.schedule();
    advance(0);
    expect(runs).toBe(1);
    expect(waits).toEqual([0, 0, 0]);
  });

  it('waits as long as the last validation took while changes come faster than that, never more than the cap', () => {
    const f = fakeClock();
    let runs = 0;
    const s = new ValidationScheduler(
      () => {
        runs++;
        f.spend(40); // a validation takes 40 ms
      },
      30,
      f.clock,
    );
    s.schedule();
    f.advance(0);
    expect(runs).toBe(1);
    // A pause, then keystrokes every 10 ms — faster than the 40 ms a validation took: the first is
    // validated at once, the ones that follow it closely wait (capped at 30 ms), each replacing the last.
    f.advance(10);
    s.schedule();
    f.spend(10);
    s.schedule();
    f.spend(10);
    s.schedule();
    expect(f.waits.slice(1)).toEqual([0, 30, 30]);
    expect(runs).toBe(1);
    f.advance(30);
    expect(runs).toBe(2);
    // A pause longer than a validation: the next change is validated at once again.
    f.advance(100);
    s.schedule();
    expect(f.waits.at(-1)).toBe(0);
  });

  it('flush validates a pending change now (a request that needs the freshest result)', () => {
    const { clock } = fakeClock();
    let runs = 0;
    const s = new ValidationScheduler(() => runs++, 150, clock);
    s.schedule();
    expect(s.pending).toBe(true);
    s.flush();
    expect([runs, s.pending]).toEqual([1, false]);
    s.flush();
    expect(runs).toBe(1);
  });
});
