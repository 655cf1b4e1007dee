// The bundle reader (issue 4.1, issue 5 bad input): every row accounted for, bad rows named with file,
// line, field and reason; times read in the policy's zone; Chinese headers mapped by bundle.yaml.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../src/data/open-bundle.js';
import { rejectedToCsv } from '../../src/data/rejected-csv.js';
import type { MessageRow } from '../../src/data/bundle-types.js';

function bundle(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qungui-bundle-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const zone = 'Asia/Shanghai';

describe('openBundle', () => {
  it('reads CSV with BOM and JSONL, times in the policy zone or with their own offset', async () => {
    const dir = bundle({
      'members.csv': '\uFEFFgroup_id,member_id,joined_at,role\nwrA,u1,2026-10-01 09:00:00,admin\nwrA,u2,2026-10-02T08:00:00+08:00,\n',
      'messages.jsonl': `${JSON.stringify({ message_id: 'm1', group_id: 'wrA', sender_id: 'u1', sent_at: '2026-10-03 10:00:00', type: 'text', content: '大家好' })}\n`,
    });
    const b = await openBundle(dir, { timezone: zone, month: '2026-10' });
    expect([...b.present].sort()).toEqual(['members', 'messages']);
    const members = await b.load('members');
    expect(members.map((m) => [m.member_id, new Date(m.joined_at).toISOString(), m.role ?? null])).toEqual([
      ['u1', '2026-10-01T01:00:00.000Z', 'admin'],
      ['u2', '2026-10-02T00:00:00.000Z', null],
    ]);
    expect(members[0]!.source).toEqual({ file: 'members.csv', line: 2 });
    const messages = await all(b.messages());
    expect(messages.map((m) => [m.message_id, new Date(m.sent_at).toISOString()])).toEqual([['m1', '2026-10-03T02:00:00.000Z']]);
    expect(b.counts).toEqual({ members: { read: 2, accepted: 2, rejected: 0 }, messages: { read: 1, accepted: 1, rejected: 0 } });
  });

  it('names every bad row: missing field, bad time, bad enum, truncated JSON, duplicate id, outside the month', async () => {
    const lines = [
      { message_id: 'm1', group_id: 'wrA', sender_id: 'u1', sent_at: '2026-10-03 10:00:00', type: 'text' },
      { message_id: 'm1', group_id: 'wrA', sender_id: 'u1', sent_at: '2026-10-03 10:01:00', type: 'text' },
      { message_id: 'm2', group_id: 'wrA', sender_id: 'u1', sent_at: '2026-09-30 23:59:59', type: 'text' },
      { message_id: 'm3', group_id: 'wrA', sent_at: '2026-10-03 10:00:00', type: 'text' },
      { message_id: 'm4', group_id: 'wrA', sender_id: 'u1', sent_at: '昨天', type: 'text' },
      { message_id: 'm5', group_id: 'wrA', sender_id: 'u1', sent_at: '2026-10-04 10:00:00', type: 'sticker' },
    ].map((l) => JSON.stringify(l));
    lines.splice(3, 0, '{"message_id": "m9", "group_id": "wr');
    const dir = bundle({ 'messages.jsonl': `${lines.join('\n')}\n` });
    const b = await openBundle(dir, { timezone: zone, month: '2026-10' });
    const accepted = await all(b.messages());
    expect(accepted.map((m: MessageRow) => m.message_id)).toEqual(['m1']);
    expect(b.rejected.map((r) => `${r.file}:${r.line} ${r.field ?? '-'}`)).toEqual([
      'messages.jsonl:2 message_id',
      'messages.jsonl:3 sent_at',
      'messages.jsonl:4 -',
      'messages.jsonl:5 sender_id',
      'messages.jsonl:6 sent_at',
      'messages.jsonl:7 type',
    ]);
    expect(b.counts.messages).toEqual({ read: 7, accepted: 1, rejected: 6 });
    // A second pass (evaluate may read twice) does not count again.
    expect((await all(b.messages())).length).toBe(1);
    expect(b.counts.messages).toEqual({ read: 7, accepted: 1, rejected: 6 });
    const csv = rejectedToCsv(b.rejected);
    expect(csv.split('\r\n').slice(0, 5)).toEqual([
      '\uFEFFfile,line,table,field,reason,value',
      'messages.jsonl,2,messages,message_id,消息 ID m1 重复,',
      'messages.jsonl,3,messages,sent_at,发送时间不在 2026-10 内,',
      'messages.jsonl,4,messages,,不是有效的 JSON（第 37 个字符处）,',
      'messages.jsonl,5,messages,sender_id,缺少必填列 sender_id（这一行有：message_id、group_id、sent_at、type；列名不同时在 bundle.yaml 的 columns 中映射）,',
    ]);
  });

  it('reports a malformed CSV row with its line and keeps the rest', async () => {
    const dir = bundle({ 'employees.csv': 'employee_id,name,employment_status\ne1,张三,正式\ne2,"李四,正式\ne3,王五,实习\n' });
    const b = await openBundle(dir, { timezone: zone });
    const rows = await b.load('employees');
    const total = b.counts.employees!;
    expect(total.read).toBe(total.accepted + total.rejected);
    expect(rows.map((r) => r.employee_id)).toContain('e1');
    expect(b.rejected.length + rows.length).toBe(total.read);
  });

  it('converts a GBK export', async () => {
    const gbk = Buffer.from(
      [...'employee_id,name,employment_status\n']
        .map((c) => c.charCodeAt(0))
        .concat([0x65, 0x31, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0xd5, 0xfd, 0xca, 0xbd, 0x0a]),
    );
    const dir = bundle({ 'employees.csv': gbk });
    const b = await openBundle(dir, { timezone: zone });
    expect((await b.load('employees')).map((r) => [r.name, r.employment_status])).toEqual([['张三', '正式']]);
  });

  it('maps an HR Excel roster through bundle.yaml: named sheet, header not on row 1, Chinese headers, serial dates', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['本表由人力资源部导出']);
    const sheet = workbook.addWorksheet('在职员工');
    sheet.addRow(['华东区员工花名册']);
    sheet.addRow([]);
    sheet.addRow(['工号', '姓名', '部门', '职位', '用工类型', '入职日期', '离职日期']);
    sheet.addRow(['E001', '张伟', '华东销售部', '销售代表', '正式', 45931, null]);
    sheet.addRow(['E002', '李娜', '渠道部', '经理', '正式', '2025-03-01', '2026-10-15']);
    const dir = bundle({
      'bundle.yaml': `tables:\n  employees:\n    file: 花名册.xlsx\n    sheet: 在职员工\n    headerRow: 3\n    columns: { 工号: employee_id, 姓名: name, 部门: department, 职位: position, 用工类型: employment_status, 入职日期: hire_date, 离职日期: leave_date }\n`,
      '花名册.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    const b = await openBundle(dir, { timezone: zone });
    const rows = await b.load('employees');
    expect(
      rows.map((r) => [r.employee_id, r.name, r.department, new Date(r.hire_date!).toISOString(), r.leave_date ? new Date(r.leave_date).toISOString() : null]),
    ).toEqual([
      ['E001', '张伟', '华东销售部', '2025-09-30T16:00:00.000Z', null],
      ['E002', '李娜', '渠道部', '2025-02-28T16:00:00.000Z', '2026-10-14T16:00:00.000Z'],
    ]);
    expect(rows[0]!.source).toEqual({ file: '花名册.xlsx', line: 4 });
  });

  it('reads a workbook of messages row by row: the first sheet in workbook order, dates, rich text, formulas; a missing sheet is named', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('聊天记录');
    workbook.addWorksheet('说明').addRow(['导出说明']);
    sheet.addRow(['message_id', 'group_id', 'sender_id', 'sent_at', 'type', 'content']);
    sheet.addRow(['m1', 'wrA', 'u1', new Date('2026-10-03T02:00:00Z'), 'text', { richText: [{ text: '大家' }, { text: '好', font: { bold: true } }] }]);
    sheet.addRow([]);
    sheet.addRow(['m2', 'wrA', 'u2', '2026-10-03 10:05:00', 'text', { formula: '"收"&"到"', result: '收到' }]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const b = await openBundle(bundle({ 'messages.xlsx': file, 'members.jsonl': '' }), { timezone: zone, month: '2026-10' });
    const rows = await all(b.messages());
    // An Excel date has no zone: its wall clock (02:00 on Oct 3) is read in the policy's zone.
    expect(rows.map((r) => [r.message_id, r.sender_id, new Date(r.sent_at).toISOString(), r.content, r.source.line])).toEqual([
      ['m1', 'u1', '2026-10-02T18:00:00.000Z', '大家好', 2],
      ['m2', 'u2', '2026-10-03T02:05:00.000Z', '收到', 4],
    ]);
    const named = await openBundle(
      bundle({ 'bundle.yaml': 'tables:\n  messages:\n    file: messages.xlsx\n    sheet: 消息\n', 'messages.xlsx': file, 'members.jsonl': '' }),
      { timezone: zone, month: '2026-10' },
    );
    await expect(all(named.messages())).rejects.toThrow('no sheet named 消息 (sheets: 聊天记录、说明)');
  });
});
