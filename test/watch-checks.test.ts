// What `qungui watch` finds is what the monthly run finds: the same rules on the same messages. The
// example month read from its start gives the monthly findings of the clauses a message decides; M5
// comes once, with the message that passed the limit; exemptions and outsiders (S4) follow the tables,
// read again when they change; --exec gets each alert's JSON; personal data stays masked.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: opencc-js ships no types for its dictionaries
import STCharacters from 'opencc-js/dict/STCharacters';
import { toTraditional } from '../scripts/zh-tw-converter.mjs';
import { qungui, repoRoot } from './helpers/cli.js';
import { robotServer } from './helpers/robot-server.js';
import { append, messageLine, startWatch, until, WATCH_POLICY, watchBundle, type RunningWatch } from './helpers/watch-bundle.js';

let running: RunningWatch | undefined;
afterEach(async () => {
  running?.child.kill('SIGKILL');
  await running?.exited;
  running = undefined;
});

interface AlertLine {
  code: string;
  groupId: string;
  memberId: string;
  messageId: string;
  message: { en: string; 'zh-CN': string };
  evidence: Record<string, unknown>;
}

const alerts = (watch: RunningWatch): AlertLine[] =>
  watch
    .stdout()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AlertLine);

const MESSAGE_CODES = [
  'insulting-language',
  'disrespectful-language',
  'banned-content',
  'confidential-content',
  'unreleased-information',
  'confidential-forwarded',
  'unauthorized-material',
];

describe('qungui watch checks as the monthly run does', () => {
  it('gives the example month’s message-level findings, word for word', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qungui-watch-example-'));
    const data = join(dir, '2026-10');
    cpSync(join(repoRoot, 'examples/data/2026-10'), data, { recursive: true });
    const monthly = qungui(['evaluate', '--policy', 'examples/policies', '--data', data, '--month', '2026-10', '--out', join(dir, 'out')]);
    expect(monthly.code, monthly.stderr).not.toBe(2);
    const findings = (JSON.parse(readFileSync(join(dir, 'out', 'result.json'), 'utf8')) as { findings: AlertLine[] }).findings;
    running = startWatch({ dir, data, policy: join(repoRoot, 'examples/policies'), messages: '', state: join(dir, 'state.json') }, ['--from-start']);
    await running.waitFor(/Caught up/, 60_000);
    const watched = alerts(running);
    const key = (f: AlertLine) => [f.code, f.groupId, f.memberId, String(f.evidence.messageId ?? '')].join(' ');
    const messageLevel = findings.filter((f) => MESSAGE_CODES.includes(f.code));
    expect(messageLevel.length).toBeGreaterThan(5);
    expect(watched.filter((a) => MESSAGE_CODES.includes(a.code)).map((a) => [key(a), a.message['zh-CN'], a.evidence])).toEqual(
      expect.arrayContaining(messageLevel.map((f) => [key(f), f.message['zh-CN'], f.evidence])),
    );
    expect(watched.filter((a) => MESSAGE_CODES.includes(a.code))).toHaveLength(messageLevel.length);
    // Month-level clauses: the same members (their counts are those of the moment they were found).
    for (const code of ['removal-violations', 'outsider-in-confidential-group'])
      expect(
        watched
          .filter((a) => a.code === code)
          .map(key)
          .sort(),
      ).toEqual(
        findings
          .filter((f) => f.code === code)
          .map(key)
          .sort(),
      );
  }, 90_000);

  it('sends M5 once, when a member passes the limit, also across a restart; --exec gets each alert', async () => {
    const bundle = watchBundle();
    const received = join(bundle.dir, 'exec.jsonl');
    const exec = ['--exec', `cat >> '${received}'`];
    running = startWatch(bundle, exec);
    await running.waitFor(/Caught up/);
    append(bundle.messages, [1, 2, 3].map((n) => messageLine(n, { term: '滚蛋' })).join(''));
    await until(() => alerts(running!).length === 4, 'three N1 alerts and M5');
    running.child.kill('SIGTERM');
    await running.exited;
    running = startWatch(bundle, exec);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(4, { term: '滚蛋' }));
    await until(() => alerts(running!).length === 1, 'the fourth N1 alert');
    await until(() => readFileSync(received, 'utf8').trim().split('\n').length === 5, 'every alert through --exec');
    const sent = readFileSync(received, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AlertLine);
    const removal = sent.filter((a) => a.code === 'removal-violations');
    expect(removal).toHaveLength(1);
    expect(removal[0]).toMatchObject({ memberId: 'm01', messageId: 'msg-W0003', evidence: { violations: 3, maxViolations: 2 } });
    expect(sent.filter((a) => a.code === 'insulting-language').map((a) => a.messageId)).toEqual(['msg-W0001', 'msg-W0002', 'msg-W0003', 'msg-W0004']);
  }, 60_000);

  it('a message dated far in the future is reported, and keeps neither the month’s alerts nor its counts from being saved', async () => {
    const bundle = watchBundle();
    running = startWatch(bundle);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(1, { term: '滚蛋' }) + messageLine(2, { term: '滚蛋' }) + messageLine(3, { term: '滚蛋', at: '2099-01-01 10:00:00' }));
    await until(() => alerts(running!).length === 2, 'the two real alerts');
    await running.waitFor(/line 3 is dated 2099-01-01 10:00, far from/);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    const state = JSON.parse(readFileSync(bundle.state, 'utf8')) as { alerted: Record<string, string[]>; counters: { malformed: number } };
    expect(Object.keys(state.alerted)).toEqual(['2026-10']);
    expect(state.alerted['2026-10']).toHaveLength(2);
    expect(state.counters.malformed).toBe(1);
    // After a restart the month's count goes on: the third violation passes the limit (M5).
    running = startWatch(bundle);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(4, { term: '滚蛋' }));
    await until(() => alerts(running!).length === 2, 'N1 and M5 for the fourth message');
    expect(
      alerts(running)
        .map((a) => a.code)
        .sort(),
    ).toEqual(['insulting-language', 'removal-violations']);
  }, 60_000);

  it('in a folder named for its month, a message two months away is skipped; one from the month before is checked', async () => {
    const bundle = watchBundle('2026-10');
    running = startWatch(bundle);
    await running.waitFor(/Caught up/);
    append(
      bundle.messages,
      messageLine(1, { term: '滚蛋', at: '2026-08-31 23:59:59' }) +
        messageLine(2, { term: '滚蛋', at: '2026-09-01 00:00:00' }) +
        messageLine(3, { term: '滚蛋', at: '2026-12-01 00:00:00' }),
    );
    await running.waitFor(/line 3 is dated 2026-12-01 00:00, far from/);
    await running.waitFor(/line 1 is dated 2026-08-31 23:59, far from/);
    await until(() => alerts(running!).length === 1, 'the alert of 1 September');
    expect(alerts(running).map((a) => a.messageId)).toEqual(['msg-W0002']);
  }, 60_000);

  it('reads a changed policy and checks the messages after it with it; a broken change is said and the policy in force kept', async () => {
    const bundle = watchBundle();
    running = startWatch(bundle);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(1, { term: '滚蛋' }) + messageLine(2, { term: '滚蛋' }));
    await until(() => alerts(running!).length === 2, 'two N1 alerts');
    // 刷单 becomes abuse: the next message with it is an N1 alert, and its sender's third violation of
    // the month (the two before were counted under the policy as it was) passes the limit of 2.
    writeFileSync(bundle.policy, WATCH_POLICY.replace('terms: [滚蛋]', 'terms: [滚蛋, 刷单]'));
    await running.waitFor(/The policies changed: read again/);
    append(bundle.messages, messageLine(3, { term: '刷单' }));
    await until(() => alerts(running!).length === 4, 'the N1 alert of 刷单 and M5');
    expect(alerts(running).map((a) => `${a.code} ${a.messageId}`)).toEqual([
      'insulting-language msg-W0001',
      'insulting-language msg-W0002',
      'insulting-language msg-W0003',
      'removal-violations msg-W0003',
    ]);
    // A save that does not validate: its error with the line, and 刷单 still checked.
    writeFileSync(bundle.policy, WATCH_POLICY.replace('terms: [滚蛋]', 'terms: [滚蛋, 刷单]').replace('maxViolations: 2', 'maxViolations: two'));
    await running.waitFor(/cannot be used/);
    append(bundle.messages, messageLine(4, { term: '刷单', sender: 'm02' }));
    await until(() => alerts(running!).length === 5, 'the N1 alert of 刷单 under the policy in force');
    expect(alerts(running)[4]).toMatchObject({ code: 'insulting-language', messageId: 'msg-W0004', memberId: 'm02' });
    // The alert names the policy line of the term it matched.
    expect(alerts(running)[2]).toMatchObject({ rule: { path: 'content.categories[1].terms[1]', line: 14 } });
    expect(running.stderr()).toContain(
      'The policy files changed but cannot be used; still checking with the policies as they were:\n' +
        `${relative(repoRoot, bundle.policy)}\n  10:29   error  'maxViolations' must be an integer, not a string  wrong-type\n`,
    );
    // Another time zone would change how the exports' times are read: that needs a restart.
    writeFileSync(bundle.policy, WATCH_POLICY.replace('timezone: Asia/Shanghai', 'timezone: Europe/Berlin'));
    await running.waitFor(
      /the policies’ time zone is now Europe\/Berlin, but the watcher reads the exports’ times in Asia\/Shanghai, as at its start: restart it/,
    );
  }, 60_000);

  it('a limit lowered while watching: a member already past it gets M5 with their next violation, once', async () => {
    const bundle = watchBundle();
    running = startWatch(bundle);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(1, { term: '滚蛋' }) + messageLine(2, { term: '滚蛋' }));
    await until(() => alerts(running!).length === 2, 'two N1 alerts, within the limit of 2');
    writeFileSync(bundle.policy, WATCH_POLICY.replace('maxViolations: 2', 'maxViolations: 1'));
    await running.waitFor(/The policies changed: read again/);
    append(bundle.messages, messageLine(3, { term: '滚蛋' }) + messageLine(4, { term: '滚蛋' }));
    await until(() => alerts(running!).length === 5, 'two more N1 alerts and one M5');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(alerts(running).map((a) => `${a.code} ${a.messageId}`)).toEqual([
      'insulting-language msg-W0001',
      'insulting-language msg-W0002',
      'insulting-language msg-W0003',
      'removal-violations msg-W0003',
      'insulting-language msg-W0004',
    ]);
    expect(alerts(running)[3]).toMatchObject({ memberId: 'm01', evidence: { violations: 3, maxViolations: 1 } });
  }, 60_000);

  it('a policy folder: a file that stops reading as a policy is refused, its groups still checked', async () => {
    const bundle = watchBundle();
    const folder = join(bundle.dir, 'policies');
    mkdirSync(folder);
    const file = join(folder, 'watch.qungui.yaml');
    writeFileSync(file, WATCH_POLICY);
    running = startWatch({ ...bundle, policy: folder });
    await running.waitFor(/Caught up/);
    // A broken first line: the folder search no longer sees a policy in the file.
    writeFileSync(file, WATCH_POLICY.replace('apiVersion: qungui/v1', 'apiVersion: qungui/v1beta'));
    await running.waitFor(/no longer reads as a policy file/);
    expect(running.stderr()).toContain(
      `${relative(repoRoot, file)} no longer reads as a policy file (no apiVersion: qungui/v1, or emptied); to retire its policy, delete or move the file`,
    );
    append(bundle.messages, messageLine(1, { term: '滚蛋' }));
    await until(() => alerts(running!).length === 1, 'the N1 alert under the policy in force');
    expect(running.stderr()).not.toContain('The policies changed');
  }, 60_000);

  it('applies exemptions read again when the table changes; S4 outsiders once; numbers masked', async () => {
    const bundle = watchBundle();
    running = startWatch(bundle);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(1, { term: '代购', sender: 'm02' }));
    await until(() => alerts(running!).length === 1, 'the N4 alert');
    writeFileSync(
      join(bundle.data, 'exemptions.csv'),
      'exemption_id,group_id,member_id,category,valid_from,valid_to,approved_by\nex1,wrWatch,m02,ads,2026-10-01 00:00:00,2026-10-31 23:59:59,admin1\n',
    );
    await running.waitFor(/read again/);
    append(bundle.messages, messageLine(2, { term: '代购', sender: 'm02' }));
    append(bundle.messages, messageLine(3, { term: '客户电话 13812345678' }) + messageLine(4, { term: '备用 13987654321' }));
    await until(() => alerts(running!).length === 4, 'two S1 alerts and one S4 outsider alert');
    const codes = alerts(running).map((a) => `${a.code} ${a.messageId}`);
    expect(codes).toEqual([
      'banned-content msg-W0001',
      'confidential-content msg-W0003',
      'outsider-in-confidential-group msg-W0003',
      'confidential-content msg-W0004',
    ]);
    expect(running.stdout()).not.toContain('13812345678');
    expect(running.stdout()).toContain('138******78');
  }, 60_000);

  it('speaks the chosen language on stderr and to the robot: no Simplified-only character in zh-TW, no Chinese in English', async () => {
    const SIMPLIFIED = new Set((STCharacters as string).split('|').map((entry) => entry.split(' ')[0]!));
    // The data's words (names, the policy's labels and terms, quoted chat) are set aside: shown as written.
    const ours = (text: string) => text.replace(/“[^”]*”/g, '').replace(/张一|王二|外部嘉宾|监听测试群|侮辱攻击|辱骂|广告|你这个|蠢货|滚蛋/g, '');
    const simplifiedOnly = (text: string) => [
      ...new Set((ours(text).match(/\p{Script=Han}+/gu) ?? []).flatMap((run) => [...run].filter((c, i) => SIMPLIFIED.has(c) && toTraditional(run)[i] !== c))),
    ];
    for (const locale of ['zh-TW', 'en'] as const) {
      const robot = await robotServer((n) => (n === 0 ? 'rate-limited' : 'ok'));
      const bundle = watchBundle();
      running = startWatch(bundle, ['--webhook', robot.url, '--locale', locale]);
      await running.waitFor(/[:：]/);
      await new Promise((resolve) => setTimeout(resolve, 500));
      append(bundle.messages, [1, 2, 3].map((n) => messageLine(n, { term: '滚蛋' })).join('') + `{broken\n`);
      await until(() => robot.delivered().length > 0, 'a delivery');
      running.child.kill('SIGTERM');
      await running.exited;
      await robot.close();
      const read = `${running.stderr()}\n${robot.requests.map((r) => r.content).join('\n')}`;
      if (locale === 'zh-TW') expect(simplifiedOnly(read)).toEqual([]);
      else expect(ours(read).match(/\p{Script=Han}+/gu) ?? []).toEqual([]);
      running = undefined;
    }
  }, 60_000);

  it('follows a WeCom archive as it grows, with the monthly run’s findings (recalls aside)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qungui-watch-wecom-'));
    const data = join(dir, 'wecom');
    cpSync(join(repoRoot, 'examples/wecom-bundle'), data, { recursive: true });
    const archive = join(data, '会话存档', '2026-10.jsonl');
    const lines = readFileSync(archive, 'utf8');
    const monthly = qungui(['evaluate', '--policy', 'examples/policies', '--data', data, '--month', '2026-10', '--out', join(dir, 'out')]);
    expect(monthly.code, monthly.stderr).not.toBe(2);
    const findings = (JSON.parse(readFileSync(join(dir, 'out', 'result.json'), 'utf8')) as { findings: AlertLine[] }).findings;
    writeFileSync(archive, '');
    running = startWatch({ dir, data, policy: join(repoRoot, 'examples/policies'), messages: archive, state: join(dir, 'state.json') });
    await running.waitFor(/Caught up/);
    for (const line of lines.split('\n').filter(Boolean)) append(archive, `${line}\n`);
    const key = (f: AlertLine) => [f.code, f.groupId, f.memberId, String(f.evidence.messageId ?? '')].join(' ');
    const expected = findings.filter((f) => MESSAGE_CODES.includes(f.code) || f.code === 'outsider-in-confidential-group').map(key);
    expect(expected.length).toBeGreaterThan(2);
    await until(() => alerts(running!).length >= expected.length, 'the archive’s alerts');
    running.child.kill('SIGTERM');
    await running.exited;
    expect(alerts(running).map(key).sort()).toEqual(expected.sort());
    const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as { counters: { skipped: number; malformed: number } };
    expect(state.counters.skipped).toBeGreaterThan(0); // the recall notice
    expect(state.counters.malformed).toBe(0);
  }, 60_000);

  it('retries --exec until the command exits 0', async () => {
    const bundle = watchBundle();
    const flag = join(bundle.dir, 'failed-once');
    const received = join(bundle.dir, 'exec.jsonl');
    running = startWatch(bundle, ['--exec', `if [ -e '${flag}' ]; then cat >> '${received}'; else touch '${flag}'; exit 3; fi`]);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(1));
    await running.waitFor(/exited with 3/);
    await until(() => existsSync(received) && readFileSync(received, 'utf8').includes('msg-W0001'), 'the alert after a retry');
    await running.waitFor(/delivering again/);
    expect(
      readFileSync(received, 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as AlertLine).messageId),
    ).toEqual(['msg-W0001']);
  }, 30_000);

  it('kills a hung --exec pipeline whole at its time limit and retries the alert', async () => {
    const bundle = watchBundle();
    const flag = join(bundle.dir, 'hung-once');
    const received = join(bundle.dir, 'exec.jsonl');
    // The first run hangs in a pipeline whose children hold the output open; the time limit is 1.2 s here.
    const command = `if [ -e '${flag}' ]; then cat >> '${received}'; else touch '${flag}'; cat > /dev/null; sleep 60 | cat; fi`;
    running = startWatch(bundle, ['--exec', command]);
    await running.waitFor(/Caught up/);
    append(bundle.messages, messageLine(1));
    await running.waitFor(/ended by signal SIGKILL/, 10_000);
    await until(() => existsSync(received) && readFileSync(received, 'utf8').includes('msg-W0001'), 'the alert after the hung run', 10_000);
  }, 30_000);

  it('names a missing table by its label, as the reports do', async () => {
    const bundle = watchBundle();
    rmSync(join(bundle.data, 'members.csv'));
    for (const [locale, label] of [
      ['zh-CN', '数据包中缺少表：群成员'],
      ['en', 'The data bundle lacks the table(s): group members'],
    ] as const) {
      running = startWatch(bundle, ['--locale', locale]);
      await running.waitFor(/Caught up|已读到文件末尾/);
      expect(running.stderr()).toContain(label);
      running.child.kill('SIGTERM');
      await running.exited;
    }
  }, 30_000);
});
