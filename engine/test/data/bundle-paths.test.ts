// A bundle reads only its own files: a bundle.yaml entry leaving the folder, an absolute path, a table
// file that is a link to /etc/passwd, a glob matching a link out of the folder, a linked bundle.yaml —
// each refused before anything is read, naming the table and the path, with exit 2 from `evaluate` and
// `bundle check`, and nothing of the outside file in any output. The editor's sample data goes through
// the same door (server-api's openBundle).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { openBundle } from '../../src/server-api.js';

const EXAMPLE = join(import.meta.dirname, '../../../examples');
const SECRET = 'TOP-SECRET-salary-line';

function capture(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, isTTY: false, env: {} };
  return { io, text: () => out.join('') + err.join(''), err: () => err.join('') };
}

/** The example month copied into a fresh folder, with a file outside it that must never be read. */
function setup(): { dir: string; data: string; outside: string } {
  const dir = mkdtempSync(join(tmpdir(), 'qungui-paths-'));
  const data = join(dir, 'data');
  cpSync(join(EXAMPLE, 'data/2026-10'), data, { recursive: true });
  cpSync(join(EXAMPLE, 'policies/onboarding.qungui.yaml'), join(dir, 'policy.qungui.yaml'));
  const outside = join(dir, 'outside.csv');
  writeFileSync(outside, `group_id,member_id,joined_at\n${SECRET},x,2026-10-01 09:00:00\n`);
  return { dir, data, outside };
}

async function evaluateAndCheck(dir: string, expected: string[]): Promise<void> {
  const run = capture(dir);
  expect(await main(['evaluate', '--policy', 'policy.qungui.yaml', '--data', 'data', '--out', 'out', '--month', '2026-10'], run.io)).toBe(2);
  const check = capture(dir);
  expect(await main(['bundle', 'check', 'data', '--month', '2026-10'], check.io)).toBe(2);
  const english = capture(dir);
  expect(await main(['bundle', 'check', 'data', '--month', '2026-10', '--locale', 'en'], english.io)).toBe(2);
  for (const text of [run.err(), check.err()]) {
    for (const part of expected) expect(text).toContain(part);
    // In the chosen language, no stack trace.
    expect(text).toContain('不在数据文件夹内');
    expect(text).not.toMatch(/\n\s+at /);
  }
  expect(english.err()).toContain('is outside the bundle folder');
  for (const text of [run.text(), check.text()]) {
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('root:');
  }
  expect(existsSync(join(dir, 'out'))).toBe(false);
}

describe('a bundle reads only its own files', () => {
  test('bundle.yaml file: ../../etc/passwd (a path leaving the folder) is refused naming table and path', async () => {
    const { dir, data } = setup();
    const outside = relative(data, '/etc/passwd');
    expect(outside.startsWith('../')).toBe(true);
    writeFileSync(join(data, 'bundle.yaml'), `tables:\n  members: { file: "${outside}", format: csv }\n  messages: messages.jsonl\n`);
    await evaluateAndCheck(dir, ['tables.members', outside]);
  });

  test('an absolute path in bundle.yaml is refused', async () => {
    const { dir, data, outside } = setup();
    writeFileSync(join(data, 'bundle.yaml'), `tables:\n  members: { file: "${outside}" }\n  messages: messages.jsonl\n`);
    await evaluateAndCheck(dir, ['tables.members', outside]);
  });

  test('members.csv that is a link to /etc/passwd is refused (no bundle.yaml: the default file name)', async () => {
    const { dir, data } = setup();
    rmSync(join(data, 'members.csv'));
    symlinkSync('/etc/passwd', join(data, 'members.csv'));
    await evaluateAndCheck(dir, ['members', 'members.csv', '/etc/passwd']);
  });

  test('a glob matching a link out of the folder is refused, naming the match and the glob', async () => {
    const { dir, data, outside } = setup();
    mkdirSync(join(data, 'rosters'));
    cpSync(join(data, 'members.csv'), join(data, 'rosters/a.csv'));
    symlinkSync(outside, join(data, 'rosters/b.csv'));
    writeFileSync(join(data, 'bundle.yaml'), 'tables:\n  members: "rosters/*.csv"\n  messages: messages.jsonl\n');
    await evaluateAndCheck(dir, ['tables.members', 'rosters/b.csv', 'rosters/*.csv']);
  });

  test('a linked folder inside the bundle that leads out of it is refused', async () => {
    const { dir, data } = setup();
    const away = mkdtempSync(join(tmpdir(), 'qungui-away-'));
    writeFileSync(join(away, 'members.csv'), `group_id,member_id,joined_at\n${SECRET},x,2026-10-01 09:00:00\n`);
    symlinkSync(away, join(data, 'linked'));
    writeFileSync(join(data, 'bundle.yaml'), 'tables:\n  members: linked/members.csv\n  messages: messages.jsonl\n');
    await evaluateAndCheck(dir, ['tables.members', 'linked/members.csv']);
  });

  test('bundle.yaml itself linked to a file outside is refused before it is parsed', async () => {
    const { dir, data, outside } = setup();
    symlinkSync(outside, join(data, 'bundle.yaml'));
    await evaluateAndCheck(dir, ['bundle.yaml', outside]);
  });

  test('a link that stays inside the folder is read (the rule is about leaving, not about links)', async () => {
    const { dir, data } = setup();
    mkdirSync(join(data, 'exports'));
    cpSync(join(data, 'members.csv'), join(data, 'exports/roster.csv'));
    rmSync(join(data, 'members.csv'));
    symlinkSync('exports/roster.csv', join(data, 'members.csv'));
    const run = capture(dir);
    expect(await main(['bundle', 'check', 'data', '--month', '2026-10'], run.io)).toBe(0);
    const bundle = await openBundle(data, { timezone: 'Asia/Shanghai', month: '2026-10' });
    expect((await bundle.load('members')).length).toBe(52);
    const c = bundle.counts.members!;
    expect([c.read, c.accepted, c.rejected, c.skipped ?? 0]).toEqual([52, 52, 0, 0]);
  });

  test('the editor sample data (server-api openBundle) obeys the same rule', async () => {
    const { data } = setup();
    writeFileSync(join(data, 'bundle.yaml'), `tables:\n  members: { file: "${relative(data, '/etc/passwd')}", format: csv }\n`);
    const error = await openBundle(data, { timezone: 'Asia/Shanghai', month: '2026-10' }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.name).toBe('BundlePathError');
    expect(error?.message).toContain('bundle.yaml: tables.members');
    expect(error?.message).toContain('is outside the bundle folder (it resolves to /etc/passwd)');
    expect(error?.message).not.toContain('root:');
    expect(readFileSync('/etc/passwd', 'utf8')).toContain('root:');
  });
});
