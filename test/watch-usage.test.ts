// `qungui watch` refuses what it cannot use before it starts, in the user's language, exit 2, no stack:
// missing options, a webhook that is no URL (its key masked even then), a file that is not a state,
// a second watcher on the same state.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qungui } from './helpers/cli.js';
import { robotServer } from './helpers/robot-server.js';
import { append, messageLine, startWatch, until, watchBundle } from './helpers/watch-bundle.js';

describe('qungui watch usage', () => {
  it('needs --policy and --data; --help lists the options', () => {
    const missing = qungui(['watch', '--locale', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--policy and --data are required');
    const zh = qungui(['watch']);
    expect(zh.stderr).toContain('需要 --policy 和 --data');
    const help = qungui(['watch', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--webhook', '--exec', '--state', '--from-start']) expect(help.stdout).toContain(flag);
    expect(qungui(['watch', '--webhok', 'x', '--locale', 'en']).stderr).toContain("Did you mean '--webhook'?");
  });

  it('refuses a webhook that is no address, a file that is not a state, and a second watcher', async () => {
    const bundle = watchBundle();
    const base = ['watch', '--policy', bundle.policy, '--data', bundle.data, '--locale', 'en'];
    const bad = qungui([...base, '--webhook', 'qyapi.weixin.qq.com/send?key=secret-key-123']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--webhook: expected the group robot's webhook address");
    expect(bad.stderr).not.toContain('secret-key-123');

    writeFileSync(bundle.state, 'my notes, not a state\n');
    const notState = qungui([...base, '--state', bundle.state]);
    expect(notState.code).toBe(2);
    expect(notState.stderr).toContain('is not a qungui watch state file');
    expect(notState.stderr).not.toMatch(/\n\s+at /);

    const other = `${bundle.state}-2`;
    const running = startWatch({ ...bundle, state: other });
    await running.waitFor(/Caught up/);
    const second = qungui([...base, '--state', other]);
    running.child.kill('SIGTERM');
    await running.exited;
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/another qungui watch \(process \d+\) is using the state file/);
  }, 30_000);

  it('never echoes a robot key: a forgotten --webhook, a URL without scheme, http:, no key', () => {
    const bundle = watchBundle();
    const base = ['watch', '--policy', bundle.policy, '--data', bundle.data, '--locale', 'en'];
    const forgotten = qungui([...base, 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key-123']);
    expect(forgotten.code).toBe(2);
    expect(forgotten.stderr).toContain('unexpected argument');
    expect(forgotten.stderr).toContain('key=secr****');
    expect(forgotten.stderr).not.toContain('secret-key-123');
    const noScheme = qungui([...base, '--webhook', 'qyapi.weixin.qq.com/send?key=secret-key-123']);
    expect(noScheme.stderr).toContain('starting with https://; got qyapi.weixin.qq.com/send?key=secr****');
    const clear = qungui([...base, '--webhook', 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key-123']);
    expect(clear.code).toBe(2);
    expect(clear.stderr).toContain('must use https://');
    expect(clear.stderr).not.toContain('secret-key-123');
    const noKey = qungui([...base, '--webhook', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send']);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('has no key=');
    const zh = qungui([...base.slice(0, -2), '--locale', 'zh-CN', '--webhook', 'http://example.com/send?key=abc']);
    expect(zh.stderr).toContain('必须使用 https://');
    const tw = qungui(['watch', '--locale', 'zh-TW']);
    expect(tw.stderr).toContain('跟蹤');
    expect(tw.stderr).not.toContain('跟踪');
  });

  it('reads the robots from --webhook-file and QUNGUI_WEBHOOK, off the command line', async () => {
    const robot = await robotServer();
    try {
      const bundle = watchBundle();
      const file = join(bundle.dir, 'webhooks.txt');
      writeFileSync(file, `# the training group's robot\n${robot.url}\n\n`);
      chmodSync(file, 0o600);
      const fromFile = startWatch(bundle, ['--webhook-file', file]);
      await fromFile.waitFor(/Caught up/);
      append(bundle.messages, messageLine(1));
      await until(() => robot.delivered().length === 1, 'the alert through the file’s robot');
      fromFile.child.kill('SIGTERM');
      expect(await fromFile.exited).toBe(0);
      expect(fromFile.stderr()).not.toContain('readable by other users');
      const fromEnv = startWatch(bundle, [], { QUNGUI_WEBHOOK: robot.url });
      await fromEnv.waitFor(/Caught up/);
      append(bundle.messages, messageLine(2));
      await until(() => robot.delivered().length === 2, 'the alert through QUNGUI_WEBHOOK’s robot');
      fromEnv.child.kill('SIGTERM');
      expect(await fromEnv.exited).toBe(0);
      chmodSync(file, 0o644);
      const open = qungui(['watch', '--policy', bundle.policy, '--data', join(bundle.dir, 'nowhere'), '--webhook-file', file, '--locale', 'en']);
      expect(open.stderr).toContain('readable by other users');
    } finally {
      await robot.close();
    }
  }, 30_000);

  it('takes over a lock whose process id now belongs to another program (a running sleep)', async () => {
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const bundle = watchBundle();
      for (const lock of [String(sleeper.pid), JSON.stringify({ pid: sleeper.pid, start: '1' })]) {
        writeFileSync(`${bundle.state}.lock`, lock);
        const running = startWatch(bundle);
        await running.waitFor(/Caught up/);
        running.child.kill('SIGTERM');
        expect(await running.exited).toBe(0);
        expect(existsSync(`${bundle.state}.lock`)).toBe(false);
      }
    } finally {
      sleeper.kill('SIGKILL');
    }
  }, 30_000);

  it('names a state folder that does not exist, in the chosen language', () => {
    const bundle = watchBundle();
    const state = join(bundle.dir, 'no-such-folder', 'state.json');
    const en = qungui(['watch', '--policy', bundle.policy, '--data', bundle.data, '--state', state, '--locale', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`the state file’s folder ${join(bundle.dir, 'no-such-folder')} does not exist`);
    expect(en.stderr).not.toContain('ENOENT');
    const zh = qungui(['watch', '--policy', bundle.policy, '--data', bundle.data, '--state', state, '--locale', 'zh-CN']);
    expect(zh.stderr).toContain('状态文件所在的文件夹');
  });
});
