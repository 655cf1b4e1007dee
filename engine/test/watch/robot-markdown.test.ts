import { describe, expect, it } from 'vitest';
import { asWritten, localized } from '../../src/i18n/localized-text.js';
import type { Alert } from '../../src/watch/alert.js';
import { alertBlock, nextRobotMessage, ROBOT_MAX_BYTES } from '../../src/watch/robot-markdown.js';

function alert(n: number, memberName = `成员${n}`): Alert {
  return {
    id: `a${n}`,
    policyId: 'p',
    groupId: 'wrG',
    groupName: asWritten('“销售新员工培训群”'),
    memberId: `m${n}`,
    memberName,
    code: 'insulting-language',
    clause: 'N1',
    severity: 'error',
    action: 'review',
    messageId: `msg-${n}`,
    sentAt: '2026-11-05T10:23:45+08:00',
    message: localized('{who}的消息含不文明用语：“你这个蠢货{n}”', '{who} posted uncivil language: “你这个蠢货{n}”', { who: memberName, n }),
    rule: { file: 'p.qungui.yaml', path: 'content.categories[0].terms[0]', line: 3, column: 5 },
    evidence: {},
  };
}

describe('robot markdown', () => {
  it('merges waiting alerts into messages of at most 4,096 bytes, oldest first, none left out', () => {
    let pending = Array.from({ length: 120 }, (_, i) => alert(i + 1));
    const seen: string[] = [];
    let messages = 0;
    while (pending.length > 0) {
      const { content, taken } = nextRobotMessage(pending, 'zh-CN');
      expect(Buffer.byteLength(content)).toBeLessThanOrEqual(ROBOT_MAX_BYTES);
      expect(taken).toBeGreaterThan(1);
      for (const a of pending.slice(0, taken)) {
        expect(content).toContain(a.memberName!);
        seen.push(a.id);
      }
      pending = pending.slice(taken);
      messages++;
    }
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => `a${i + 1}`));
    expect(messages).toBeLessThan(20);
  });

  it('sends waiting alerts in full when they fit one message, a larger burst as short lines under one heading per clause and group', () => {
    const few = nextRobotMessage([alert(1), alert(2), alert(3)], 'zh-CN');
    expect(few.taken).toBe(3);
    expect(few.content.split('\n\n')).toEqual([
      '**<font color="warning">群规提醒（3 条）</font>**',
      alertBlock(alert(1), 'zh-CN'),
      alertBlock(alert(2), 'zh-CN'),
      alertBlock(alert(3), 'zh-CN'),
    ]);
    const otherGroup = (a: Alert): Alert => ({ ...a, groupId: 'wrH', groupName: asWritten('“管理培训群”') });
    const burst = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? alert(i + 1) : otherGroup(alert(i + 1))));
    const first = nextRobotMessage(burst, 'zh-CN');
    expect(Buffer.byteLength(first.content)).toBeLessThanOrEqual(ROBOT_MAX_BYTES);
    expect(first.taken).toBeGreaterThan(25);
    const sections = first.content.split('\n\n');
    expect(sections[0]).toBe(`**<font color="warning">群规提醒（${first.taken} 条）</font>**`);
    expect(sections.slice(1).map((section) => section.split('\n')[0])).toEqual([
      '**N1 文明用语，不得侮辱、歧视或攻击他人** · 群：“销售新员工培训群” · <font color="comment">建议：复核</font>',
      '**N1 文明用语，不得侮辱、歧视或攻击他人** · 群：“管理培训群” · <font color="comment">建议：复核</font>',
    ]);
    expect(sections[1]!.split('\n')[1]).toBe('> 2026-11-05 10:23 成员1的消息含不文明用语：“你这个蠢货1”');
    for (const a of burst.slice(0, first.taken)) expect(first.content).toContain(`${a.memberName}的消息`);
    expect(first.content).not.toContain(`成员${first.taken + 1}的消息`);
    const en = nextRobotMessage(burst, 'en').content;
    expect(en).toContain('Group: “管理培训群” · <font color="comment">Suggested: review</font>');
    expect(en).not.toMatch(/[建议群]：/);
  });

  it('names the clause, group, member, time and action in the chosen language', () => {
    const zh = alertBlock(alert(1), 'zh-CN');
    expect(zh).toContain('N1');
    expect(zh).toContain('群：“销售新员工培训群”');
    expect(zh).toContain('成员：成员1');
    expect(zh).toContain('时间：2026-11-05 10:23');
    expect(zh).toContain('建议：复核');
    const en = alertBlock(alert(1), 'en');
    expect(en).toContain('Suggested: review');
    expect(en).not.toMatch(/[建议群成员]：/);
    expect(nextRobotMessage([alert(1)], 'zh-TW').content).toContain('群規提醒');
  });

  it('escapes markdown in data and cuts a single alert that is too long', () => {
    const block = alertBlock(alert(1, '**张三** <font color="info">x</font>'), 'zh-CN');
    expect(block).toContain('\\*\\*张三\\*\\*');
    expect(block).not.toContain('<font color="info">x');
    const long = nextRobotMessage([alert(1, '长'.repeat(3000))], 'zh-CN');
    expect(long.taken).toBe(1);
    expect(Buffer.byteLength(long.content)).toBeLessThanOrEqual(ROBOT_MAX_BYTES);
  });
});
