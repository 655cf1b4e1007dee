// `qungui evaluate` end to end on a tiny bundle folder: exit codes, outputs in place, refusal of an
// invalid policy, --strict on rejected rows, same bytes twice.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { BASE } from './helpers.js';

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, isTTY: false, env: {} };
  return { io: value, out, err };
}

function setup(policyText: string, badRow = false) {
  const dir = mkdtempSync(join(tmpdir(), 'qungui-eval-cli-'));
  writeFileSync(join(dir, 'policy.qungui.yaml'), policyText);
  const data = join(dir, 'data');
  mkdirSync(data);
  writeFileSync(join(data, 'members.csv'), 'group_id,member_id,joined_at\ng1,a,2026-09-01 09:00:00\ng1,b,2026-09-01 09:00:00\n');
  writeFileSync(
    join(data, 'messages.jsonl'),
    `${[
      { message_id: 'm1', group_id: 'g1', sender_id: 'a', sent_at: '2026-11-02 09:00:00', type: 'text', content: '大家好' },
      badRow
        ? { message_id: 'm2', group_id: 'g1', sent_at: 'not a time', type: 'text' }
        : { message_id: 'm2', group_id: 'g1', sender_id: 'b', sent_at: '2026-11-03 09:00:00', type: 'text', content: '你好' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n')}\n`,
  );
  return dir;
}

describe('qungui evaluate', () => {
  test('writes result.json and rejected.csv into --out; same bytes twice', async () => {
    const dir = setup(BASE);
    const first = io(dir);
    expect(await main(['evaluate', '--policy', 'policy.qungui.yaml', '--data', 'data', '--out', 'out', '--month', '2026-11'], first.io)).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'out/result.json'), 'utf8'));
    expect(result.members.map((m: { memberId: string }) => m.memberId)).toEqual(['a', 'b']);
    expect(readFileSync(join(dir, 'out/rejected.csv'), 'utf8').startsWith('\uFEFF')).toBe(true);
    const bytes = readFileSync(join(dir, 'out/result.json'));
    expect(await main(['evaluate', '--policy', '.', '--data', 'data', '--out', 'out', '--month', '2026-11'], io(dir).io)).toBe(0);
    expect(readFileSync(join(dir, 'out/result.json')).equals(bytes)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
  });

  test('--strict exits 1 on rejected rows; without it 0 (within --max-rejected)', async () => {
    const dir = setup(BASE, true);
    expect(
      await main(['evaluate', '--policy', 'policy.qungui.yaml', '--data', 'data', '--out', 'out', '--month', '2026-11', '--max-rejected', '50'], io(dir).io),
    ).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out/result.json'), 'utf8')).data.rejected).toBeGreaterThan(0);
    expect(
      await main(
        ['evaluate', '--policy', 'policy.qungui.yaml', '--data', 'data', '--out', 'out2', '--month', '2026-11', '--max-rejected', '50', '--strict'],
        io(dir).io,
      ),
    ).toBe(1);
  });

  test('a policy with errors is refused with its diagnostics (exit 2), and no output is written', async () => {
    const dir = setup(BASE.replace('kind: skill', 'kind: nonsense'));
    const run = io(dir);
    expect(await main(['evaluate', '--policy', 'policy.qungui.yaml', '--data', 'data', '--out', 'out', '--month', '2026-11'], run.io)).toBe(2);
    expect(run.err.join('')).toContain('policy.qungui.yaml');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test("policies in different time zones need bundle.yaml timezone; the exports' wall times are read in it", async () => {
    const dir = setup(BASE);
    writeFileSync(
      join(dir, 'berlin.qungui.yaml'),
      BASE.replace('id: test-policy', 'id: berlin').replace('timezone: Asia/Shanghai', 'timezone: Europe/Berlin').replace('groups: [g1]', 'groups: [g2]'),
    );
    const refused = io(dir);
    expect(await main(['evaluate', '--policy', '.', '--data', 'data', '--out', 'out', '--month', '2026-11', '--locale', 'en'], refused.io)).toBe(2);
    expect(refused.err.join('')).toContain('different time zones (Asia/Shanghai, Europe/Berlin): set timezone in bundle.yaml');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    writeFileSync(join(dir, 'data/bundle.yaml'), 'timezone: Europe/Berlin\n');
    expect(await main(['evaluate', '--policy', '.', '--data', 'data', '--out', 'out', '--month', '2026-11'], io(dir).io)).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'out/result.json'), 'utf8'));
    // a's "2026-11-02 09:00:00" read in Berlin (UTC+1) is 16:00 in Shanghai, g1's zone.
    expect(result.members.find((m: { memberId: string }) => m.memberId === 'a').metrics.lastActiveAt).toBe(Date.UTC(2026, 10, 2, 8));
    writeFileSync(join(dir, 'data/bundle.yaml'), 'timezone: Mars/Olympus\n');
    const bad = io(dir);
    expect(await main(['evaluate', '--policy', '.', '--data', 'data', '--out', 'out', '--month', '2026-11'], bad.io)).toBe(2);
    expect(bad.err.join('')).toContain('timezone "Mars/Olympus"');
  });

  test('usage errors exit 2', async () => {
    const dir = setup(BASE);
    expect(await main(['evaluate', '--policy', 'policy.qungui.yaml', '--data', 'data', '--out', 'out'], io(dir).io)).toBe(2);
    expect(await main(['evaluate', '--policy', 'policy.qungui.yaml', '--data', 'nowhere', '--out', 'out', '--month', '2026-11'], io(dir).io)).toBe(2);
  });

  test("--history DIR feeds R2: last month's result.json makes a second fail an escalation", async () => {
    const policyText = `${BASE}assessment:
  participation:
    bands: [ { rating: pass, min: 5 }, { rating: fail } ]
outcomes:
  actions:
    - { id: retake, label: 补考 }
    - { id: reassign, label: 调岗 }
  followUp: { fail: [retake] }
  escalation: { afterConsecutive: 2, action: reassign }
`;
    const dir = setup(policyText);
    // November's exports run as October: exit 1 (no message in the month), the result still written.
    expect(await main(['evaluate', '--policy', 'policy.qungui.yaml', '--data', 'data', '--out', 'history/2026-10', '--month', '2026-10'], io(dir).io)).toBe(1);
    const october = JSON.parse(readFileSync(join(dir, 'history/2026-10/result.json'), 'utf8'));
    october.members = october.members.map((m: { ratings: Record<string, string | null> }) => ({ ...m, ratings: { ...m.ratings, overall: 'fail' } }));
    writeFileSync(join(dir, 'history/2026-10/result.json'), JSON.stringify(october));
    expect(
      await main(
        ['evaluate', '--policy', 'policy.qungui.yaml', '--data', 'data', '--out', 'out', '--month', '2026-11', '--history', 'history', '--no-redact'],
        io(dir).io,
      ),
    ).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'out/result.json'), 'utf8'));
    expect(result.members.map((m: { memberId: string; actions: string[] }) => [m.memberId, m.actions])).toEqual([
      ['a', ['retake', 'reassign']],
      ['b', ['retake', 'reassign']],
    ]);
  });
});
