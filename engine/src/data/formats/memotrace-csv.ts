// MemoTrace (留痕) CSV export of a personal-WeChat group: localId, TalkerId, Type, SubType, IsSender,
// CreateTime (seconds), Status, StrContent, StrTime, Remark, NickName, Sender; UTF-8 with BOM.
// Type codes: 1 text, 3 image, 34 voice, 43 video, 47 sticker, 49 app message (SubType 5 link, 6 file,
// 19 forwarded record, 57 quote), 10000 system (skipped and counted). One file is one chat: TalkerId (or
// bundle.yaml `groupId`) names the group; `selfId` names the exporter for own messages without Sender.
import type { MessageType } from '../bundle-types.js';
import type { TableSource } from '../manifest.js';
import { readRecords } from '../read-records.js';
import type { RawRecord } from '../raw-record.js';
import { localized } from '../../i18n/localized-text.js';

function typeOf(type: number, subType: number): MessageType {
  switch (type) {
    case 1:
      return 'text';
    case 3:
    case 47:
      return 'image';
    case 34:
      return 'voice';
    case 43:
      return 'video';
    case 10000:
      return 'system';
    case 49:
      return subType === 5 ? 'link' : subType === 6 ? 'file' : subType === 19 ? 'chatrecord' : subType === 57 ? 'text' : 'other';
    default:
      return 'other';
  }
}

export async function* readMemotraceCsv(path: string, source: TableSource): AsyncGenerator<RawRecord> {
  for await (const raw of readRecords(path, { format: 'csv' })) {
    if (!('record' in raw)) {
      yield raw;
      continue;
    }
    const r = raw.record;
    const type = typeOf(Number(r.Type), Number(r.SubType));
    // System lines (joins, renames, recalls: "王芳"加入了群聊) have no sender: counted, not rejected,
    // so that --strict does not fail every export that has one.
    if (type === 'system') {
      yield { line: raw.line, skip: localized('系统消息（无发送人）', 'system message (no sender)') };
      continue;
    }
    // The exporter's own messages (IsSender 1) may carry no Sender: bundle.yaml `selfId` names them.
    const sender = r.Sender !== undefined && r.Sender !== '' ? r.Sender : String(r.IsSender).trim() === '1' ? source.selfId : undefined;
    const seconds = Number(r.CreateTime);
    const content = typeof r.StrContent === 'string' ? r.StrContent : undefined;
    yield {
      line: raw.line,
      record: {
        message_id: r.localId !== undefined && r.localId !== '' ? `${source.groupId ?? r.TalkerId}:${r.localId}` : undefined,
        group_id: source.groupId ?? r.TalkerId,
        sender_id: sender,
        sent_at: Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : r.StrTime,
        type,
        content: type === 'text' || type === 'link' || type === 'chatrecord' ? content : undefined,
        file_name: type === 'file' ? content : undefined,
        ...(type === 'chatrecord' && content ? { forwarded: [content] } : {}),
      },
    };
  }
}
