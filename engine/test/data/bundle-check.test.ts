// `qungui bundle check DIR` (issue 5): per table rows read, accepted, rejected and skipped, then the first
// rejections with file:line, field and reason; exit 1 when any row is rejected, 2 when the folder is unusable.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/bundle.js';

async function check(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd: '/',
    isTTY: false,
    env: {},
  });
  return { code, stdout, stderr };
}

describe('qungui bundle check', () => {
  it('counts every row and lists the first rejections with their reasons', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qungui-check-'));
    const line = (m: Record<string, unknown>) => JSON.stringify({ group_id: 'wrA', sender_id: 'u1', type: 'text', ...m });
    writeFileSync(
      join(dir, 'messages.jsonl'),
      [
        line({ message_id: 'm1', sent_at: '2026-10-01 09:00:00' }),
        line({ message_id: 'm1', sent_at: '2026-10-01 09:01:00' }),
        line({ message_id: 'm2', sent_at: '2026-11-01 00:00:00' }),
        '{"message_id": "m3", "group_',
        line({ message_id: 'm4', sent_at: '10月1日' }),
        line({ message_id: 'm5', sent_at: '2026-10-31T23:59:59+08:00' }),
      ].join('\n'),
    );
    writeFileSync(join(dir, 'members.csv'), 'group_id,member_id,joined_at\nwrA,u1,2026-09-01\nwrA,,2026-09-02\n');
    const { code, stdout } = await check(['check', dir, '--month', '2026-10', '--show', '3', '--locale', 'en']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^members\s+2\s+1\s+1\s+0$/m);
    expect(stdout).toMatch(/^messages\s+6\s+2\s+4\s+0$/m);
    expect(stdout).toContain('first 3 of 5 rejected rows:');
    expect(stdout).toContain('members.csv:3  members.member_id  required field member_id is empty');
    expect(stdout).toContain('messages.jsonl:2  messages.message_id  duplicate message id m1');
    expect(stdout).toContain('messages.jsonl:3  messages.sent_at  sent outside 2026-10');
    expect(stdout).not.toContain('messages.jsonl:4');
  });

  it('names a column the roster lacks and the columns it has (a bundle.yaml mapping left out)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qungui-check-'));
    writeFileSync(join(dir, 'bundle.yaml'), 'tables:\n  employees: { file: 花名册.csv, columns: { 工号: employee_id, 姓名: name } }\n');
    writeFileSync(join(dir, '花名册.csv'), '\uFEFF工号,姓名,用工性质\ne1,张三,正式\n');
    const { code, stdout } = await check(['check', dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^employees\s+1\s+0\s+1\s+0\s+员工花名册$/m);
    expect(stdout).toContain('✖ 缺少必需的表 members（群成员）：放入 members.csv/.jsonl/.xlsx 或在 bundle.yaml 中映射');
    expect(stdout).toContain('✖ 缺少必需的表 messages（聊天消息）');
    expect(stdout).toContain(
      '花名册.csv:2  employees.employment_status  缺少必填列 employment_status（这一行有：employee_id、name、用工性质；列名不同时在 bundle.yaml 的 columns 中映射）',
    );
  });

  it('never says every row was accepted above a missing required table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qungui-check-'));
    writeFileSync(join(dir, 'members.csv'), 'group_id,member_id,joined_at\ng1,a,2026-10-01 09:00:00\n');
    const { code, stdout } = await check(['check', dir, '--month', '2026-10']);
    expect(code).toBe(1);
    expect(stdout).toContain('✖ 缺少必需的表 messages（聊天消息）');
    expect(stdout).not.toContain('✔');
  });

  it('says which folder is missing (exit 2)', async () => {
    const { code, stderr } = await check(['check', '/nonexistent/qungui-bundle']);
    expect(code).toBe(2);
    expect(stderr).toContain('数据文件夹不存在：/nonexistent/qungui-bundle');
    expect((await check(['check', '/nonexistent/qungui-bundle', '--locale', 'zh-TW'])).stderr).toContain('資料夾不存在：/nonexistent/qungui-bundle');
    expect((await check(['check', '/nonexistent/qungui-bundle', '--locale', 'en'])).stderr).toContain('bundle folder not found: /nonexistent/qungui-bundle');
  });
});
