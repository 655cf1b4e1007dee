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
