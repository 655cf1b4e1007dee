// A month that cannot be evaluated fails loudly: exit 1, a banner on the console and at the top of
// report.md and report.html, the reasons in result.json — never a normal-looking report.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { BASE } from './helpers.js';

const MEMBERS = 'group_id,member_id,joined_at\ng1,a,2026-09-01 09:00:00\ng1,b,2026-09-01 09:00:00\n';
const message = (id: string, day: string) =>
  JSON.stringify({ message_id: id, group_id: 'g1', sender_id: 'a', sent_at: `${day} 09:00:00`, type: 'text', content: '大家好' });

function bundle(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'qungui-month-'));
  writeFileSync(join(dir, 'policy.qungui.yaml'), BASE);
  mkdirSync(join(dir, 'data'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'data', name), text);
  return dir;
}

async function run(dir: string, extra: string[] = [], month = '2026-11') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir, isTTY: false, env: {} };
  const code = await main(['evaluate', '--policy', 'policy.qungui.yaml', '--data', 'data', '--out', 'out', '--month', month, ...extra], io);
  const read = (name: string) => readFileSync(join(dir, 'out', name), 'utf8');
  return { code, stdout: out.join(''), stderr: err.join(''), read };
}

describe('evaluate fails loudly on a month that cannot be evaluated', () => {
  test("October's exports run as September: exit 1, banner first, the reason in result.json and the reports", async () => {
    const dir = bundle({ 'members.csv': MEMBERS, 'messages.jsonl': `${message('m1', '2026-10-02')}\n${message('m2', '2026-10-03')}\n` });
    const r = await run(dir, [], '2026-09');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'qungui evaluate: 本月结果不可靠（退出码 1）：\n  - 没有一条消息在 2026-09 内（读取 2 行，全部被拒绝）：请检查 --month 和导出的月份\n',
    );
    expect(JSON.parse(r.read('result.json')).problems).toEqual([
      {
        code: 'no-messages-in-month',
        table: 'messages',
        message: {
          'zh-CN': '没有一条消息在 2026-09 内（读取 2 行，全部被拒绝）：请检查 --month 和导出的月份',
          'zh-TW': '沒有一條訊息在 2026-09 內（讀取 2 行，全部被拒絕）：請檢查 --month 和匯出的月份',
          en: 'No message falls in 2026-09 (2 rows read, all rejected): check --month and the month of the exports',
        },
      },
    ]);
    expect(r.read('report.md').split('\n').slice(0, 5)).toEqual([
      '# 培训群月度考核报告（2026-09）',
      '',
      '> **本月结果不可靠，请先处理以下问题：**',
      '>',
      '> - 没有一条消息在 2026-09 内（读取 2 行，全部被拒绝）：请检查 --month 和导出的月份',
    ]);
    expect(r.read('report.html')).toMatch(
      /<h1>[^<]*<\/h1>\n<div class="problems" role="alert"><b>本月结果不可靠，请先处理以下问题：<\/b><ul><li>没有一条消息在 2026-09 内/,
    );
  });

  test('a folder without messages, or with an empty messages file: exit 1 naming the table', async () => {
    const missing = await run(bundle({ 'members.csv': MEMBERS }), ['--locale', 'en']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('  - The data bundle has no messages table: the month cannot be evaluated\n');
    const empty = await run(bundle({ 'members.csv': MEMBERS, 'messages.jsonl': '' }));
    expect(empty.code).toBe(1);
    expect(JSON.parse(empty.read('result.json')).problems.map((p: { code: string }) => p.code)).toEqual(['empty-table']);
  });

  test('members with only a header: exit 1', async () => {
    const r = await run(bundle({ 'members.csv': 'group_id,member_id,joined_at\n', 'messages.jsonl': `${message('m1', '2026-11-02')}\n` }));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.read('result.json')).problems).toEqual([expect.objectContaining({ code: 'empty-table', table: 'members' })]);
  });

  test('more than --max-rejected of a table rejected: exit 1 (default 5 %); a higher limit lets it pass', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => message(`m${i}`, '2026-11-02'));
    lines[7] = '{"message_id": "broken"';
    const dir = bundle({ 'members.csv': MEMBERS, 'messages.jsonl': `${lines.join('\n')}\n` });
    // 1 of 20 is exactly 5 %: not over the limit.
    expect((await run(dir)).code).toBe(0);
    lines[8] = 'not json';
    writeFileSync(join(dir, 'data', 'messages.jsonl'), `${lines.join('\n')}\n`);
    const over = await run(dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('  - 聊天消息（messages）有 2 / 20 行被拒绝（10%，上限 5%）：见 rejected.csv\n');
    expect((await run(dir, ['--max-rejected', '10%'])).code).toBe(0);
    expect((await run(dir, ['--max-rejected', '120'])).code).toBe(2);
  });

  test('a sound month has no problems key (its result keeps its bytes)', async () => {
    const r = await run(bundle({ 'members.csv': MEMBERS, 'messages.jsonl': `${message('m1', '2026-11-02')}\n` }));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.read('result.json'))).not.toHaveProperty('problems');
  });
});
