// `qungui watch` delivering to a group robot that answers errcode 0, then 45009 (over the rate), then
// drops connections: every alert arrives exactly once, in messages of at most 4,096 bytes, never more
// than the robot's limit in any window (the window shrunk to 1.2 s with QUNGUI_WATCH_TIME_SCALE).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { busiestWindow, robotServer, type RobotServer } from './helpers/robot-server.js';
import { append, markersIn, messageLine, startWatch, until, watchBundle, type RunningWatch } from './helpers/watch-bundle.js';

const WINDOW_MS = 60_000 * 0.02;
const PER_WINDOW = 20;

let robot: RobotServer | undefined;
let running: RunningWatch | undefined;
afterEach(async () => {
  running?.child.kill('SIGKILL');
  await running?.exited;
  await robot?.close();
  running = undefined;
  robot = undefined;
});

describe('qungui watch → group robot', () => {
  it('delivers every alert once, merged under the limit, through 45009 and dropped connections', async () => {
    // ok ×3, then 45009 ×2, then 2 dropped connections, then ok again, repeating.
    const cycle: ('ok' | 'rate-limited' | 'drop')[] = ['ok', 'ok', 'ok', 'rate-limited', 'rate-limited', 'drop', 'drop'];
    robot = await robotServer((n) => cycle[n % cycle.length]!);
    const bundle = watchBundle();
    running = startWatch(bundle, ['--webhook', robot.url]);
    await running.waitFor(/Caught up/);
    const expected: string[] = [];
    for (let burst = 0; burst < 4; burst++) {
      let text = '';
      for (let i = 0; i < 100; i++) {
        const n = burst * 100 + i + 1;
        text += messageLine(n);
        expected.push(`W${String(n).padStart(4, '0')}`);
      }
      append(bundle.messages, text);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const delivered = () => robot!.delivered().flatMap(markersIn);
    await until(() => new Set(delivered()).size === expected.length, 'every alert at the robot', 60_000);
    await until(() => running!.stdout().trim().split('\n').length >= expected.length, 'every alert on stdout');

    expect([...delivered()].sort()).toEqual(expected); // each once
    expect(robot.requests.some((r) => r.answer === 'rate-limited')).toBe(true);
    expect(robot.requests.some((r) => r.answer === 'drop')).toBe(true);
    for (const request of robot.requests) expect(request.bytes).toBeLessThanOrEqual(4096);
    expect(busiestWindow(robot.requests, WINDOW_MS)).toBeLessThanOrEqual(PER_WINDOW);
    expect(Math.max(...robot.delivered().map((c) => markersIn(c).length))).toBeGreaterThan(1); // merged
    // One JSON line per alert on stdout, with the masked excerpt and the member's name.
    const lines = running
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { code: string; memberName: string; evidence: { excerpt: string } });
    expect(lines).toHaveLength(expected.length);
    expect(lines[0]).toMatchObject({ code: 'insulting-language', memberName: '张一' });
    // The robot's text: clause, group, member, time, what to do — never the key.
    const first = robot.delivered()[0]!;
    expect(first).toContain('N1');
    expect(first).toContain('监听测试群');
    expect(first).toContain('张一');
    expect(first).toContain('2026-10-20 10:00');
    expect(running.stderr()).toContain('45009');
    expect(running.stderr()).not.toContain('0f1e2d3c-4b5a');
    expect(running.stderr()).toContain('key=0f1e****');

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    const state = JSON.parse(readFileSync(bundle.state, 'utf8')) as { outbox: unknown[]; counters: { alerts: number } };
    expect(state.outbox).toEqual([]);
    expect(state.counters.alerts).toBe(expected.length);
  }, 90_000);

  it('a message waiting for the robot’s turn takes the alerts that came meanwhile', async () => {
    robot = await robotServer(() => 'ok');
    const bundle = watchBundle();
    // Sends one every 1.55 s: room to append while the second message waits.
    running = startWatch(bundle, ['--webhook', robot.url], { QUNGUI_WATCH_TIME_SCALE: '0.5' });
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(1));
    await until(() => robot!.delivered().length === 1, 'the first alert at once');
    append(bundle.messages, messageLine(2));
    await new Promise((resolve) => setTimeout(resolve, 400));
    append(bundle.messages, messageLine(3));
    await new Promise((resolve) => setTimeout(resolve, 400));
    append(bundle.messages, messageLine(4));
    await until(() => robot!.delivered().flatMap(markersIn).length === 4, 'all four alerts', 10_000);
    expect(robot.delivered().map(markersIn)).toEqual([['W0001'], ['W0002', 'W0003', 'W0004']]);
  }, 30_000);

  it('says plainly that a robot key is invalid (93000), keeps the alerts and sends them to the robot’s new address', async () => {
    let broken = true;
    robot = await robotServer(() => (broken ? 'invalid-key' : 'ok'));
    const bundle = watchBundle();
    running = startWatch(bundle, ['--webhook', robot.url]);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(1) + messageLine(2));
    await running.waitFor(/93000/);
    expect(running.stderr()).toMatch(/key is invalid/);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    const state = JSON.parse(readFileSync(bundle.state, 'utf8')) as { outbox: { alert: { messageId: string } }[] };
    expect(state.outbox.map((e) => e.alert.messageId)).toEqual(['msg-W0001', 'msg-W0002']);
    // The robot's settings give a new address (a new key): the kept alerts go to it.
    broken = false;
    const renewed = robot.url.replace(/key=[^&]+/, 'key=11112222-3333-4444-5555-666677778888');
    running = startWatch(bundle, ['--webhook', renewed]);
    await until(() => new Set(robot!.delivered().flatMap(markersIn)).size === 2, 'the kept alerts');
    expect(robot.delivered().flatMap(markersIn).sort()).toEqual(['W0001', 'W0002']);
    expect(running.stderr()).toContain('the robot given now will send them');
  }, 60_000);

  it('keeps the robot’s limit across kill -9: a restart after 20 messages waits for the minute', async () => {
    robot = await robotServer();
    const bundle = watchBundle();
    const scale = { QUNGUI_WATCH_TIME_SCALE: '0.05' }; // a 3 s minute
    running = startWatch(bundle, ['--webhook', robot.url], scale);
    await running.waitFor(/Caught up/);
    for (let n = 1; n <= 20; n++) {
      append(bundle.messages, messageLine(n));
      await until(() => robot!.requests.length === n, `message ${n}`);
    }
    running.child.kill('SIGKILL');
    await running.exited;
    running = startWatch(bundle, ['--webhook', robot.url], scale);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(21));
    await until(() => robot!.requests.length === 21, 'the message after the restart');
    expect(busiestWindow(robot.requests, 60_000 * 0.05)).toBeLessThanOrEqual(20);
    expect(robot.delivered().flatMap(markersIn)).toHaveLength(21);
  }, 60_000);

  it('removing one of two robots does not make the other send again what it already delivered', async () => {
    robot = await robotServer();
    const broken = await robotServer(() => 'invalid-key');
    try {
      const bundle = watchBundle();
      running = startWatch(bundle, ['--webhook', robot.url, '--webhook', broken.url.replace(/key=[^&]+/, 'key=dead0000-beef')]);
      await running.waitFor(/Caught up/);
      append(bundle.messages, messageLine(1) + messageLine(2));
      await until(() => new Set(robot!.delivered().flatMap(markersIn)).size === 2, 'the alerts at the working robot');
      await running.waitFor(/93000/);
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
      const before = robot.requests.length;
      // The broken robot is removed: its backlog is owed to nobody given now that lacks it.
      running = startWatch(bundle, ['--webhook', robot.url]);
      await running.waitFor(/Caught up/);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(robot.requests.length).toBe(before);
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
      const state = JSON.parse(readFileSync(bundle.state, 'utf8')) as { outbox: unknown[] };
      expect(state.outbox).toEqual([]);
    } finally {
      await broken.close();
    }
  }, 60_000);
});
