// A robot target at the real minute (scale 1) against a local HTTP robot, with a clock the test moves:
// sleeping advances it at once, so the pacing of a whole minute is checked without waiting for it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localized } from '../../src/i18n/localized-text.js';
import type { Alert } from '../../src/watch/alert.js';
import { RobotTarget } from '../../src/watch/robot-target.js';
import { ROBOT_MAX_BYTES } from '../../src/watch/robot-markdown.js';
import { timing, type Timing } from '../../src/watch/timing.js';

const received: { at: number; content: string }[] = [];
let clock = 0;
let url = '';
const server = createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    received.push({ at: clock, content: (JSON.parse(body) as { markdown: { content: string } }).markdown.content });
    response.end('{"errcode":0,"errmsg":"ok"}');
  });
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test-key`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The shipping timing (a 60 s window), on the test's clock. */
function fakeTime(): Timing {
  return { ...timing(1), now: () => clock, sleep: async (ms) => void (clock += Math.max(0, ms)) };
}

function alert(n: number, name = `成员${n}`): Alert {
  return {
    id: `a${n}`,
    policyId: 'p',
    groupId: 'wrG',
    groupName: localized('销售新员工培训群', 'Sales onboarding'),
    memberId: `m${n}`,
    memberName: name,
    code: 'insulting-language',
    clause: 'N1',
    severity: 'error',
    action: 'review',
    messageId: `msg-${n}`,
    sentAt: '2026-11-05T10:23:45+08:00',
    message: localized('{who}的消息含不文明用语：“你这个蠢货{n}”', '{who} posted uncivil language: “{n}”', { who: name, n }),
    rule: { file: 'p.qungui.yaml', path: 'content.categories[0].terms[0]', line: 3, column: 5 },
    evidence: {},
  };
}

describe('robot target at the real minute', () => {
  it('sends the first alert at once and then one message every 3 s, never 20 at once', async () => {
    received.length = 0;
    clock = 1_000_000;
    const robot = new RobotTarget(url, 'zh-CN', fakeTime());
    const stop = new AbortController();
    // 30 alerts, each offered alone as it comes (none waiting to merge): the pacing alone is seen.
    for (let n = 1; n <= 30; n++) expect(await robot.deliver([alert(n)], stop.signal)).toEqual({ delivered: 1 });
    const times = received.map((r) => r.at - 1_000_000);
    expect(times[0]).toBe(0);
    for (let i = 1; i < times.length; i++) {
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(3_000);
      expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(3_200);
    }
    // Never more than 20 in any minute.
    for (let i = 20; i < times.length; i++) expect(times[i]! - times[i - 20]!).toBeGreaterThan(60_000);
  });

  it('merges what waits into one message of at most 4,096 UTF-8 bytes, multi-byte text included', async () => {
    received.length = 0;
    clock = 5_000_000;
    const robot = new RobotTarget(url, 'zh-CN', fakeTime());
    const stop = new AbortController();
    let pending = Array.from({ length: 60 }, (_, i) => alert(i + 1, `学员${'张'.repeat(i % 7)}🙂${i + 1}`));
    const delivered: string[] = [];
    while (pending.length > 0) {
      const result = await robot.deliver(pending, stop.signal);
      if (!('delivered' in result)) throw new Error('not delivered');
      expect(result.delivered).toBeGreaterThan(1);
      delivered.push(...pending.slice(0, result.delivered).map((a) => a.id));
      pending = pending.slice(result.delivered);
    }
    expect(delivered).toHaveLength(60);
    for (const { content } of received) {
      expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(ROBOT_MAX_BYTES);
      expect(content).not.toContain('\uFFFD');
    }
    expect(received.length).toBeGreaterThan(1);
  });
});
