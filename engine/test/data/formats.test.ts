// Real export formats (issue 5): the real WeCom archive samples, a WeCom group-details response, and a
// MemoTrace-shaped CSV made here.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../src/data/open-bundle.js';
import { archiveText } from '../../src/data/formats/wecom-archive.js';
import type { MessageRow } from '../../src/data/bundle-types.js';

const samples = fileURLToPath(new URL('../../../../shared/data/wecom/msgaudit-samples.jsonl', import.meta.url));
const haveSamples = existsSync(samples);
if (!haveSamples) console.log('notice: ../shared/data/wecom/msgaudit-samples.jsonl not found; the real-sample tests are skipped');

function bundle(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qungui-formats-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
const zone = 'Asia/Shanghai';

describe('wecom-archive', () => {
  it.skipIf(!haveSamples && process.env.QUNGUI_E2E !== '1')(
    'reads every real sample line; 1:1 chats and recalls are skipped and counted, repeated ids named',
    async () => {
      const lines = readFileSync(samples, 'utf8')
        .split('\n')
        .filter((l) => l.trim());
      const dir = bundle({
        'bundle.yaml': 'tables:\n  messages: { file: archive.jsonl, format: wecom-archive }\n',
        'archive.jsonl': readFileSync(samples, 'utf8'),
      });
      const b = await openBundle(dir, { timezone: zone });
      const messages = await all(b.messages());
      const counts = b.counts.messages!;
      // The samples repeat two message ids (lines 17/27 and 15/29, variants of one message): named, not lost.
      expect(b.rejected.map((r) => `${r.line} ${r.field} ${r.reason.en}`)).toEqual([
        '27 message_id duplicate message id 5935786683775673543_1603877328',
        '29 message_id duplicate message id 2500536226619379797_1576034482',
      ]);
      expect(counts.read).toBe(lines.length);
      expect(counts.read).toBe(counts.accepted + counts.rejected + (counts.skipped ?? 0));
      // The group messages among the samples, with their text extracted.
      expect(messages.map((m) => [m.group_id, m.type, m.content ?? m.file_name ?? null])).toContainEqual([
        'wr0SfLCgAAgCaCPeM33UNe',
        'text',
        '请前往系统查看，谢谢。',
      ]);
      expect(messages.map((m) => [m.group_id, m.type, m.content])).toContainEqual(['wrErxtDgAA0jgXE5', 'link', 'service  test http://xxx']);
      expect(messages.find((m) => m.group_id === 'wr_tZ2BwAAUwHpYMwy9cIWqnlU3Hzqfg')?.content).toBe('你好[微笑]');
      expect(messages.find((m) => m.group_id === 'wrJawBCQAAStr3jxVxEH')?.file_name).toBe('测试&演示客户');
      expect(counts.skippedReasons?.['单聊消息（不属于群聊）']?.count).toBeGreaterThan(10);
    },
  );

  it.skipIf(!haveSamples && process.env.QUNGUI_E2E !== '1')('extracts forwarded record texts (the nested content is a JSON string)', () => {
    const line = readFileSync(samples, 'utf8')
      .split('\n')
      .find((l) => l.includes('"msgtype": "chatrecord"'))!;
    expect(archiveText(JSON.parse(line))).toEqual({ content: '群聊', forwarded: ['test', 'test2'] });
  });

  it('marks a recalled message, skips 1:1 chats, and names a truncated line', async () => {
    const archive = [
      { msgid: 'a1', action: 'send', from: 'zhangwei', roomid: 'wrA', msgtime: 1760000000000, msgtype: 'text', text: { content: '客户名单在这里' } },
      { msgid: 'a2', action: 'send', from: 'wmExternal01', roomid: '', msgtime: 1760000001000, msgtype: 'text', text: { content: '你好' } },
      { msgid: 'a3', action: 'recall', from: 'zhangwei', roomid: 'wrA', msgtime: 1760000002000, msgtype: 'revoke', revoke: { pre_msgid: 'a1' } },
      {
        msgid: 'a4',
        action: 'send',
        from: 'lina',
        roomid: 'wrA',
        msgtime: 1760000003000,
        msgtype: 'chatrecord',
        chatrecord: { title: '群聊记录', item: [{ type: 'ChatRecordText', content: '{"content":"报价底价 8 折"}' }] },
      },
    ].map((m) => JSON.stringify(m));
    archive.push('{"msgid": "a5", "action": "send", "from": "li');
    const dir = bundle({ 'bundle.yaml': 'tables:\n  messages: { file: archive.jsonl, format: wecom-archive }\n', 'archive.jsonl': `${archive.join('\n')}\n` });
    const b = await openBundle(dir, { timezone: zone });
    const messages: MessageRow[] = await all(b.messages());
    expect(messages.map((m) => [m.message_id, m.type, m.recalled, m.forwarded ?? null])).toEqual([
      ['a1', 'text', true, null],
      ['a4', 'chatrecord', false, ['报价底价 8 折']],
    ]);
    expect(b.rejected.map((r) => `${r.file}:${r.line}`)).toEqual(['archive.jsonl:5']);
    expect(b.counts.messages).toMatchObject({ read: 5, accepted: 2, rejected: 1, skipped: 2 });
  });
});

describe('wecom-groupchat', () => {
  it('maps member_list onto members, external contacts (type 2) flagged', async () => {
    const response = {
      errcode: 0,
      group_chat: {
        chat_id: 'wrA',
        owner: 'zhangwei',
        admin_list: [{ userid: 'liuyang' }],
        member_list: [
          { userid: 'zhangwei', type: 1, join_time: 1759276800, join_scene: 1 },
          { userid: 'wmExternal01', type: 2, join_time: 1759363200, join_scene: 3, invitor: { userid: 'zhangwei' } },
        ],
      },
    };
    const dir = bundle({
      'bundle.yaml': 'tables:\n  members: { file: groupchat.json, format: wecom-groupchat }\n',
      'groupchat.json': JSON.stringify(response),
    });
    const b = await openBundle(dir, { timezone: zone });
    const members = await b.load('members');
    expect(members.map((m) => [m.group_id, m.member_id, m.role, m.external, m.invited_by ?? null, new Date(m.joined_at).toISOString()])).toEqual([
      ['wrA', 'zhangwei', 'admin', false, null, '2025-10-01T00:00:00.000Z'],
      ['wrA', 'wmExternal01', 'member', true, 'zhangwei', '2025-10-02T00:00:00.000Z'],
    ]);
  });
});

describe('memotrace-csv', () => {
  it('maps type codes and seconds, keeps the group id from bundle.yaml', async () => {
    const header = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender';
    const rows = [
      '1,12345@chatroom,1,0,0,1759629600,2,大家好，今天的作业是什么？,2025-10-05 10:00:00,,张伟,wxid_zhang',
      '2,12345@chatroom,49,6,1,1759629660,2,产品手册.pdf,2025-10-05 10:01:00,,李娜,wxid_li',
      '3,12345@chatroom,10000,0,0,1759629720,2,"""王芳""加入了群聊",2025-10-05 10:02:00,,,',
      '4,12345@chatroom,3,0,0,notatime,2,,bad,,张伟,wxid_zhang',
      '5,12345@chatroom,1,0,1,1759629780,2,收到,2025-10-05 10:03:00,,,',
      '6,12345@chatroom,1,0,0,1759629840,2,谁发的？,2025-10-05 10:04:00,,,',
    ];
    const dir = bundle({
      'bundle.yaml': 'tables:\n  messages: { file: chat.csv, format: memotrace-csv, groupId: wmSalesGroup, selfId: wxid_me }\n',
      'chat.csv': `\uFEFF${header}\n${rows.join('\n')}\n`,
    });
    const b = await openBundle(dir, { timezone: zone });
    const messages = await all(b.messages());
    expect(messages.map((m) => [m.message_id, m.group_id, m.type, m.content ?? null, m.file_name ?? null])).toEqual([
      ['wmSalesGroup:1', 'wmSalesGroup', 'text', '大家好，今天的作业是什么？', null],
      ['wmSalesGroup:2', 'wmSalesGroup', 'file', null, '产品手册.pdf'],
      ['wmSalesGroup:5', 'wmSalesGroup', 'text', '收到', null],
    ]);
    expect(messages.map((m) => m.sender_id)).toEqual(['wxid_zhang', 'wxid_li', 'wxid_me']);
    // The system line is counted as skipped; a bad time and someone else's line without Sender are named.
    expect(b.rejected.map((r) => `${r.line} ${r.field}`)).toEqual(['5 sent_at', '7 sender_id']);
    expect(b.counts.messages).toEqual({
      read: 6,
      accepted: 3,
      rejected: 2,
      skipped: 1,
      skippedReasons: {
        '系统消息（无发送人）': { reason: { 'zh-CN': '系统消息（无发送人）', 'zh-TW': '系統訊息（無傳送人）', en: expect.any(String) }, count: 1 },
      },
    });
  });
});

describe('GBK WeCom exports', () => {
  it('reads a GBK archive and a GBK group-details file (detected and converted)', async () => {
    // 张伟 = D5C5 CEB0, 你好 = C4E3 BAC3 in GBK.
    const archive = Buffer.concat([
      Buffer.from('{"msgid":"g1","action":"send","from":"w001","roomid":"wrG","msgtime":1760000000000,"msgtype":"text","text":{"content":"'),
      Buffer.from([0xc4, 0xe3, 0xba, 0xc3]),
      Buffer.from('"}}\n'),
    ]);
    const details = Buffer.concat([
      Buffer.from('{"group_chat":{"chat_id":"wrG","owner":"w001","member_list":[{"userid":"w001","type":1,"join_time":1759000000,"group_nickname":"'),
      Buffer.from([0xd5, 0xc5, 0xce, 0xb0]),
      Buffer.from('"}]}}'),
    ]);
    const dir = bundle({
      'bundle.yaml': 'tables:\n  messages: { file: a.jsonl, format: wecom-archive }\n  members: { file: g.json, format: wecom-groupchat }\n',
    });
    writeFileSync(join(dir, 'a.jsonl'), archive);
    writeFileSync(join(dir, 'g.json'), details);
    const b = await openBundle(dir, { timezone: zone });
    expect((await all(b.messages())).map((m) => m.content)).toEqual(['你好']);
    expect((await b.load('members')).map((m) => [m.member_id, m.name, m.role])).toEqual([['w001', '张伟', 'admin']]);
    expect(b.rejected).toEqual([]);
  });
});
