// WeCom group-chat details (客户群 API groupchat/get): `group_chat.member_list` with userid, type
// (1 employee, 2 external contact), join_time (seconds), join_scene, invitor.userid → members rows.
// A file may hold one response ({ group_chat }) or a JSON array / JSONL of them.
import type { TableSource } from '../manifest.js';
import { readText } from '../read-records.js';
import type { RawRecord } from '../raw-record.js';
import { localized } from '../../i18n/localized-text.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

export async function* readWecomGroupchat(path: string, _source: TableSource): AsyncGenerator<RawRecord> {
  const text = await readText(path);
  let responses: { value: unknown; line: number }[];
  try {
    const parsed: unknown = JSON.parse(text);
    responses = (Array.isArray(parsed) ? parsed : [parsed]).map((value) => ({ value, line: 1 }));
  } catch {
    responses = text
      .split('\n')
      .map((l, i) => ({ raw: l.trim(), line: i + 1 }))
      .filter((l) => l.raw)
      .map((l) => {
        try {
          return { value: JSON.parse(l.raw) as unknown, line: l.line };
        } catch {
          return { value: undefined, line: l.line };
        }
      });
  }
  for (const { value, line } of responses) {
    if (value === undefined) {
      yield { line, problem: localized('不是有效的 JSON', 'not valid JSON') };
      continue;
    }
    const chat = obj(obj(value).group_chat ?? value);
    const groupId = chat.chat_id;
    const admins = new Set(((chat.admin_list as unknown[]) ?? []).map((a) => obj(a).userid));
    for (const member of (chat.member_list as unknown[]) ?? []) {
      const m = obj(member);
      const joined = Number(m.join_time);
      yield {
        line,
        record: {
          group_id: groupId,
          member_id: m.userid,
          joined_at: Number.isFinite(joined) && joined > 0 ? new Date(joined * 1000).toISOString() : undefined,
          role: m.userid === chat.owner || admins.has(m.userid) ? 'admin' : 'member',
          invited_by: obj(m.invitor).userid,
          name: m.group_nickname || m.name,
          external: Number(m.type) === 2,
        },
      };
    }
  }
}
