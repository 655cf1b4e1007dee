// Messages read on reader threads (engine/src/data/message-thread.ts) give the same bytes as
// messages read in-thread: on the example month, on a bundle full of bad rows spread over two
// message files, for `bundle check`, and for a file that cannot be read at all (named, exit 2, no
// stack trace, nothing written). Also cut into tiny blocks read by three threads that are replaced
// every few blocks, so duplicates, rejects and line numbers cross blocks, threads and segments.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qungui, repoRoot } from './helpers/cli.js';

/** GBK bytes of ASCII text with 你好 and 张伟 in it (Node has no GBK encoder). */
function encodeGbk(text: string): Buffer {
  const pairs: Record<string, number[]> = { 你: [0xc4, 0xe3], 好: [0xba, 0xc3], 张: [0xd5, 0xc5], 伟: [0xce, 0xb0] };
  return Buffer.from([...text].flatMap((c) => pairs[c] ?? (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : [])));
}

const THREAD = { QUNGUI_READER_THREAD: '1' };
const IN_THREAD = { QUNGUI_READER_THREAD: '0' };
/** Blocks of 64 bytes (a line or two), three readers, a fresh thread every 3 blocks. */
const TINY_BLOCKS = { QUNGUI_READER_THREAD: '1', QUNGUI_READER_THREADS: '3', QUNGUI_READER_BLOCK_BYTES: '64', QUNGUI_READER_SEGMENT_BYTES: '192' };

function evaluateBoth(args: (out: string) => string[], cwd = repoRoot, envs: Record<string, string>[] = [THREAD, IN_THREAD]) {
  const outs = envs.map((env) => {
    const out = mkdtempSync(join(tmpdir(), 'qungui-thread-'));
    const run = qungui(args(out), { cwd, env });
    return { out, run };
  });
  return outs;
}

function expectSameFiles(a: string, b: string) {
  const files = readdirSync(a).sort();
  expect(files).toEqual(readdirSync(b).sort());
  for (const file of files) expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file).toBe(true);
}

/** A bundle folder for the onboarding example policy: members a and b, `bundleYaml` as data/bundle.yaml. */
function onboardingBundle(prefix: string, bundleYaml: string, subfolder?: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'data', subfolder ?? ''), { recursive: true });
  writeFileSync(join(dir, 'policy.qungui.yaml'), readFileSync(join(repoRoot, 'examples/policies/onboarding.qungui.yaml')));
  writeFileSync(join(dir, 'data/members.csv'), 'group_id,member_id,joined_at\nwrOnboard2026,a,2026-09-01 09:00:00\nwrOnboard2026,b,2026-09-01 09:00:00\n');
  writeFileSync(join(dir, 'data/bundle.yaml'), bundleYaml);
  return dir;
}

/** `qungui evaluate` of such a bundle for October 2026, once per environment. */
function evaluateBundle(dir: string, envs: Record<string, string>[]) {
  return evaluateBoth(
    (out) => ['evaluate', '--policy', 'policy.qungui.yaml', '--data', 'data', '--month', '2026-10', '--out', out, '--max-rejected', '100'],
    dir,
    envs,
  );
}

/** The bundle evaluated three ways — one reader, in-thread, tiny blocks — each run exiting 0 and
 *  writing the same bytes as the in-thread run; the output folders by way. */
function evaluateThreeWays(dir: string): { thread: string; inThread: string; tiny: string } {
  const [thread, inThread, tiny] = evaluateBundle(dir, [THREAD, IN_THREAD, TINY_BLOCKS]);
  expect([thread!.run.code, inThread!.run.code, tiny!.run.code]).toEqual([0, 0, 0]);
  expectSameFiles(thread!.out, inThread!.out);
  expectSameFiles(tiny!.out, inThread!.out);
  return { thread: thread!.out, inThread: inThread!.out, tiny: tiny!.out };
}

/** rejected.csv's rows as "file,line,table,field". */
function rejectedRows(out: string): string[] {
  return readFileSync(join(out, 'rejected.csv'), 'utf8')
    .split('\r\n')
    .slice(1, -1)
    .map((r) => r.split(',').slice(0, 4).join(','));
}

// Each case evaluates a month twice (threads off and on) through the CLI.
describe('the message reader thread', { timeout: 60_000 }, () => {
  it('the example month: every output byte-identical with and without the thread', () => {
    const [thread, inThread] = evaluateBoth((out) => [
      'evaluate',
      '--policy',
      'examples/policies',
      '--data',
      'examples/data/2026-10',
      '--month',
      '2026-10',
      '--out',
      out,
      '--format',
      'xlsx',
    ]);
    expect([thread!.run.code, inThread!.run.code]).toEqual([0, 0]);
    expect(thread!.run.stdout.replaceAll(thread!.out, 'OUT')).toBe(inThread!.run.stdout.replaceAll(inThread!.out, 'OUT'));
    expectSameFiles(thread!.out, inThread!.out);
  });

  it('bad rows over two message files: same rejects, same counts, same findings', () => {
    const dir = onboardingBundle('qungui-thread-bundle-', 'tables:\n  members: members.csv\n  messages: { file: "chat/*.jsonl", format: jsonl }\n', 'chat');
    const line = (id: string, sender: string, at: string, content: string) =>
      JSON.stringify({ message_id: id, group_id: 'wrOnboard2026', sender_id: sender, sent_at: at, type: 'text', content });
    writeFileSync(
      join(dir, 'data/chat/1.jsonl'),
      `${[
        line('m1', 'a', '2026-10-02 09:00:00', '大家好，请问作业在哪里？'),
        line('m2', 'b', '2026-10-02 09:05:00', '你真是废物'),
        line('m1', 'b', '2026-10-02 09:06:00', '重复的消息 ID'),
        '{"message_id": "m3", broken',
        '',
        line('m4', 'a', '2026-11-02 09:00:00', '下个月的消息'),
        JSON.stringify({ message_id: 'm5', group_id: 'wrOnboard2026', sent_at: '2026-10-03 09:00:00', type: 'text' }),
      ].join('\n')}\n`,
    );
    writeFileSync(
      join(dir, 'data/chat/2.jsonl'),
      `${[line('m2', 'a', '2026-10-04 09:00:00', '另一个文件里的重复 ID'), line('m6', 'a', '2026-10-04 10:00:00', '电话 13812345678')].join('\n')}\n`,
    );
    const ways = evaluateThreeWays(dir);
    const result = JSON.parse(readFileSync(join(ways.thread, 'result.json'), 'utf8'));
    expect(result.data.counts.messages).toEqual({ read: 8, accepted: 3, rejected: 5 });
    const rejected = rejectedRows(ways.thread);
    expect(rejected).toEqual([
      'chat/1.jsonl,3,messages,message_id',
      'chat/1.jsonl,4,messages,',
      'chat/1.jsonl,6,messages,sent_at',
      'chat/1.jsonl,7,messages,sender_id',
      'chat/2.jsonl,1,messages,message_id',
    ]);
    const check = [THREAD, IN_THREAD, TINY_BLOCKS].map((env) => qungui(['bundle', 'check', 'data', '--month', '2026-10'], { cwd: dir, env }));
    expect(check[0]!.stdout).toBe(check[1]!.stdout);
    expect(check[2]!.stdout).toBe(check[1]!.stdout);
    expect(check[0]!.code).toBe(1);
  });

  it('JSONL cut into blocks, then a CSV and a GBK file read whole: one line numbering per file, duplicates across all three', () => {
    const dir = onboardingBundle(
      'qungui-thread-mixed-',
      'tables:\n  members: members.csv\n  messages:\n    - { file: 1.jsonl, format: jsonl }\n    - { file: 2.csv, format: csv }\n    - { file: 3.jsonl, format: jsonl }\n',
    );
    const row = (id: string, sender: string, day: number, content: string) => ({
      message_id: id,
      group_id: 'wrOnboard2026',
      sender_id: sender,
      sent_at: `2026-10-${String(day).padStart(2, '0')} 09:00:00`,
      type: 'text',
      content,
    });
    const jsonl = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify(row(`j${i}`, i % 2 ? 'a' : 'b', 1 + (i % 28), i % 7 ? `第${i}条，大家好` : '请问作业怎么交？')),
    );
    jsonl[12] = '{"message_id": "broken"'; // a bad line in the middle of a block
    jsonl[30] = JSON.stringify(row('j3', 'a', 5, '同一文件里的重复 ID'));
    writeFileSync(join(dir, 'data/1.jsonl'), `${jsonl.join('\r\n')}\r\n`);
    writeFileSync(
      join(dir, 'data/2.csv'),
      `\uFEFFmessage_id,group_id,sender_id,sent_at,type,content\n${[
        'c1,wrOnboard2026,a,2026-10-06 10:00:00,text,你真是废物',
        'j5,wrOnboard2026,b,2026-10-06 10:05:00,text,另一个文件里的重复 ID',
        'c2,wrOnboard2026,b,2026-12-01 10:00:00,text,下个月',
        'c3,wrOnboard2026,b,not a time,text,坏时间',
      ].join('\n')}\n`,
    );
    const gbk = `${[JSON.stringify(row('g1', 'a', 7, '张伟你好')), JSON.stringify(row('c1', 'b', 7, '你好')), JSON.stringify(row('g2', 'b', 8, 'tel 13812345678'))].join('\n')}\n`;
    writeFileSync(join(dir, 'data/3.jsonl'), encodeGbk(gbk));
    const ways = evaluateThreeWays(dir);
    const result = JSON.parse(readFileSync(join(ways.tiny, 'result.json'), 'utf8'));
    expect(result.data.counts.messages).toEqual({ read: 47, accepted: 41, rejected: 6 });
    const rejected = rejectedRows(ways.tiny);
    expect(rejected).toEqual([
      '1.jsonl,13,messages,',
      '1.jsonl,31,messages,message_id',
      '2.csv,3,messages,message_id',
      '2.csv,4,messages,sent_at',
      '2.csv,5,messages,sent_at',
      '3.jsonl,2,messages,message_id',
    ]);
  });

  it('a WeCom archive cut into blocks: recalls marked across blocks, skipped lines counted, same bytes', () => {
    const dir = onboardingBundle('qungui-thread-archive-', 'tables:\n  members: members.csv\n  messages: { file: archive.jsonl, format: wecom-archive }\n');
    const at = (i: number) => Date.parse('2026-10-05T09:00:00+08:00') + i * 60_000;
    const send = (i: number, from: string, content: string, roomid = 'wrOnboard2026') =>
      JSON.stringify({ msgid: `w${i}`, action: 'send', from, roomid, msgtime: at(i), msgtype: 'text', text: { content } });
    const lines = Array.from({ length: 30 }, (_, i) => send(i, i % 2 ? 'a' : 'b', i === 3 ? '你真是废物' : `第${i}条`));
    lines[10] = JSON.stringify({
      msgid: 'r1',
      action: 'recall',
      from: 'b',
      roomid: 'wrOnboard2026',
      msgtime: at(10),
      msgtype: 'revoke',
      revoke: { pre_msgid: 'w3' },
    });
    lines[20] = send(20, 'a', '私聊', '');
    lines[21] = JSON.stringify({ msgid: 's1', action: 'switch', time: at(21), user: 'a' });
    lines[25] = '{"msgid": "w25", "action": "send", "from": "a';
    lines[27] = send(5, 'a', '重复的 msgid');
    writeFileSync(join(dir, 'data/archive.jsonl'), `${lines.join('\n')}\n`);
    const ways = evaluateThreeWays(dir);
    const result = JSON.parse(readFileSync(join(ways.tiny, 'result.json'), 'utf8'));
    expect(result.data.counts.messages).toMatchObject({ read: 30, accepted: 25, rejected: 2, skipped: 3 });
    // The insult on line 4 is recalled by line 11, in another block: were the recall lost there, the
    // findings would differ from the in-thread run's (an empty recall set fails this test).
    const rejected = rejectedRows(ways.tiny);
    expect(rejected).toEqual(['archive.jsonl,26,messages,', 'archive.jsonl,28,messages,message_id']);
    const check = [TINY_BLOCKS, IN_THREAD].map((env) => qungui(['bundle', 'check', 'data', '--month', '2026-10'], { cwd: dir, env }));
    expect(check[0]!.stdout).toBe(check[1]!.stdout);
  });

  it('the example month cut into 4 KB blocks, three readers, a fresh thread every 16 blocks: same bytes', () => {
    const env = { QUNGUI_READER_THREAD: '1', QUNGUI_READER_THREADS: '3', QUNGUI_READER_BLOCK_BYTES: '4096', QUNGUI_READER_SEGMENT_BYTES: '65536' };
    const [blocks, inThread] = evaluateBoth(
      (out) => ['evaluate', '--policy', 'examples/policies', '--data', 'examples/data/2026-10', '--month', '2026-10', '--out', out],
      repoRoot,
      [env, IN_THREAD],
    );
    expect([blocks!.run.code, inThread!.run.code]).toEqual([0, 0]);
    expectSameFiles(blocks!.out, inThread!.out);
  });

  it('a message file that cannot be read fails the run with the same message either way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qungui-thread-broken-'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'policy.qungui.yaml'), readFileSync(join(repoRoot, 'examples/policies/onboarding.qungui.yaml')));
    writeFileSync(join(dir, 'data/members.csv'), 'group_id,member_id,joined_at\nwrOnboard2026,a,2026-09-01 09:00:00\n');
    writeFileSync(join(dir, 'data/messages.xlsx'), 'this is not a workbook');
    const [thread, inThread] = evaluateBoth(
      (out) => ['evaluate', '--policy', 'policy.qungui.yaml', '--data', 'data', '--month', '2026-10', '--out', out, '--max-rejected', '100'],
      dir,
    );
    expect([thread!.run.code, inThread!.run.code]).toEqual([2, 2]);
    expect(thread!.run.stderr).toBe(inThread!.run.stderr);
    expect(thread!.run.stderr).toMatch(/^qungui evaluate: messages\.xlsx：无法读取（.*）\n$/);
    expect(readdirSync(thread!.out)).toEqual([]);
  });
});
