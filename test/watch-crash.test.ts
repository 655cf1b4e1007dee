// kill -9 at random moments, then a restart, many times over, while messages keep coming and the robot
// answers 45009 now and then and drops connections: in the end the robot has received every alert,
// and an alert it received twice is only one whose acknowledgement the kill interrupted (the one
// moment at-least-once delivery cannot close: after the robot's answer, before the state is written).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { busiestWindow, robotServer, type RobotServer } from './helpers/robot-server.js';
import { append, markersIn, messageLine, startWatch, until, watchBundle, type RunningWatch } from './helpers/watch-bundle.js';

/** A small seeded generator: the kill moments of a run follow from its seed (printed, replayable). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The time from the robot's answer to its acknowledgement on disk (a few ms), with room for a loaded machine. */
const ACK_WINDOW_MS = 100;

let robot: RobotServer | undefined;
let running: RunningWatch | undefined;
afterEach(async () => {
  running?.child.kill('SIGKILL');
  await running?.exited;
  await robot?.close();
});

describe('qungui watch across kill -9', () => {
  it('loses no alert and sends none twice over 30 kills and restarts', async () => {
    // Other kill moments on every run, from the clock; QUNGUI_CRASH_SEED=<seed> replays a failed run.
    const seed = Number(process.env.QUNGUI_CRASH_SEED) || Date.now() % 2 ** 31;
    console.log(`watch-crash seed ${seed} (replay: QUNGUI_CRASH_SEED=${seed})`);
    const next = random(seed);
    robot = await robotServer((n) => (n % 11 === 3 ? 'rate-limited' : n % 13 === 5 ? 'drop' : 'ok'));
    const bundle = watchBundle();
    const kills: number[] = [];
    const expected: string[] = [];
    let n = 0;
    const appendSome = () => {
      let text = '';
      for (let i = Math.floor(next() * 12) + 3; i > 0; i--) {
        n++;
        text += messageLine(n);
        expected.push(`W${String(n).padStart(4, '0')}`);
      }
      append(bundle.messages, text);
    };
    running = startWatch(bundle, ['--webhook', robot.url]);
    await running.waitFor(/Caught up/);
    for (let round = 0; round < 30; round++) {
      appendSome();
      // From during start-up (about 250 ms) to well into delivering.
      await new Promise((resolve) => setTimeout(resolve, next() * 1000));
      running.child.kill('SIGKILL');
      kills.push(performance.now());
      await running.exited;
      if (next() < 0.5) appendSome(); // messages that come while the watcher is down
      running = startWatch(bundle, ['--webhook', robot.url]);
    }
    const delivered = () => robot!.delivered().flatMap(markersIn);
    await until(() => new Set(delivered()).size === expected.length, 'every alert at the robot', 90_000);
    // The last start may have found every alert delivered already: stop it once it is watching (a SIGTERM
    // while Node itself is still starting is the signal's default action, before any handler exists).
    await running.waitFor(/Caught up/, 60_000);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);

    expect([...new Set(delivered())].sort(), `seed ${seed}`).toEqual(expected);
    // The kills fell while alerts were being delivered, not only before or after.
    expect(robot.requests.filter((r) => r.arrivedAt > kills[0]! && r.arrivedAt < kills.at(-1)!).length).toBeGreaterThan(10);
    // A second copy only of an alert whose answer came just before a kill.
    const seen = new Map<string, number>();
    const unexplained: string[] = [];
    for (const request of robot.requests.filter((r) => r.answer === 'ok')) {
      for (const marker of markersIn(request.content)) {
        const first = seen.get(marker);
        if (first === undefined) {
          seen.set(marker, robot.requests.indexOf(request));
          continue;
        }
        const original = robot.requests[first]!;
        if (!kills.some((k) => k >= original.arrivedAt && k <= original.answeredAt + ACK_WINDOW_MS)) unexplained.push(marker);
      }
    }
    expect(unexplained, `seed ${seed}`).toEqual([]);
    // The robot's limit held across the restarts too (its sends are in the state): 20 in its minute,
    // shrunk here to 1.2 s.
    expect(busiestWindow(robot.requests, 60_000 * 0.02)).toBeLessThanOrEqual(20);
    const state = JSON.parse(readFileSync(bundle.state, 'utf8')) as { outbox: unknown[]; counters: { malformed: number } };
    expect(state.outbox).toEqual([]);
    expect(state.counters.malformed).toBe(0);
  }, 180_000);
});
