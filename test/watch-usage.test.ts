// `qungui watch` refuses what it cannot use before it starts, in the user's language, exit 2, no stack:
// missing options, a webhook that is no URL (its key masked even then), a file that is not a state,
// a second watcher on the same state.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { qungui } from './helpers/cli.js';
import { startWatch, watchBundle } from './helpers/watch-bundle.js';

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
});
