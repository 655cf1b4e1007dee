import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/watch/alert.js';
import { Outbox } from '../../src/watch/outbox.js';
import { maskedWebhookUrl, robotKey } from '../../src/watch/webhook-url.js';

const alert = (id: string) => ({ id }) as Alert;

describe('outbox', () => {
  it('hands alerts to targets only once released (on disk), and forgets them when every target has them', () => {
    const outbox = new Outbox([]);
    outbox.add(alert('a'), ['stdout', 'robot:1']);
    outbox.add(alert('b'), ['stdout', 'robot:1']);
    expect(outbox.pendingFor('stdout', 10)).toEqual([]);
    outbox.release();
    expect(outbox.pendingFor('stdout', 10).map((a) => a.id)).toEqual(['a', 'b']);
    outbox.add(alert('c'), ['stdout', 'robot:1']);
    outbox.acknowledge('stdout', ['a', 'b']);
    expect(outbox.pendingFor('stdout', 10)).toEqual([]);
    expect(outbox.pendingFor('robot:1', 1).map((a) => a.id)).toEqual(['a']);
    outbox.acknowledge('robot:1', ['a']);
    expect(outbox.snapshot().map((e) => e.alert.id)).toEqual(['b', 'c']);
    expect(outbox.pendingFor('robot:1', 10).map((a) => a.id)).toEqual(['b']);
    outbox.release();
    expect(outbox.pendingFor('robot:1', 10).map((a) => a.id)).toEqual(['b', 'c']);
    expect(outbox.owed()).toEqual(
      new Map([
        ['robot:1', 2],
        ['stdout', 1],
      ]),
    );
  });

  it('hands what a target owed over to others, each once', () => {
    const outbox = new Outbox([
      { alert: alert('x'), pending: ['robot:old', 'stdout'] },
      { alert: alert('y'), pending: ['robot:old', 'robot:new'] },
    ]);
    outbox.handOver('robot:old', ['robot:new']);
    expect(outbox.snapshot().map((e) => e.pending)).toEqual([['stdout', 'robot:new'], ['robot:new']]);
  });

  it('hands nothing over to a target that already acknowledged the alert', () => {
    const outbox = new Outbox([]);
    outbox.add(alert('x'), ['stdout', 'robot:a', 'robot:b']);
    outbox.release();
    outbox.acknowledge('robot:a', ['x']);
    outbox.acknowledge('stdout', ['x']);
    const saved = new Outbox(outbox.snapshot());
    saved.handOver('robot:b', ['robot:a']);
    expect(saved.snapshot()).toEqual([]);
    expect(saved.owed()).toEqual(new Map());
  });

  it('a saved outbox is released at once (it was on disk)', () => {
    const outbox = new Outbox([{ alert: alert('x'), pending: ['robot:1'] }]);
    expect(outbox.pendingFor('robot:1', 10).map((a) => a.id)).toEqual(['x']);
  });
});

describe('webhook URL', () => {
  it('is shown with its key masked and named in the state by a hash', () => {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
    expect(maskedWebhookUrl(url)).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a****');
    expect(robotKey(url)).toMatch(/^robot:[0-9a-f]{16}$/);
    expect(robotKey(url)).not.toContain('693a');
  });
});
