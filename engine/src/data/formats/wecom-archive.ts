// WeCom 会话内容存档 (message archive, after the company's archive service decrypted it): one JSON object
// a line → messages rows. Field mapping: msgid → message_id, roomid → group_id, from → sender_id,
// msgtime (ms) → sent_at, msgtype → type; text from text.content, markdown/news `info`, link
// title/description/url, file name, doc title, mixed items, chatrecord items (forwarded records: their
// inner texts are matched as content, S4). Nested items' `content` is itself a JSON string.
// 1:1 chats (empty roomid), recall notices and switch records are skipped and counted; a recall marks
// its earlier message recalled (it still counts for confidentiality).
import type { MessageType } from '../bundle-types.js';
import type { TableSource } from '../manifest.js';
import { createReadStream } from 'node:fs';
import { MAX_LINE_BYTES } from '../line-limit.js';
import { detectEncoding, invalidJson, readLineBatches } from '../read-records.js';
import type { RawRecord } from '../raw-record.js';
import { localized } from '../../i18n/localized-text.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Nested archive items carry their payload as a JSON string. */
function inner(content: unknown): Json {
  if (typeof content !== 'string') return obj(content);
  try {
    return obj(JSON.parse(content));
  } catch {
    return { content };
  }
}

const TYPE: Record<string, MessageType> = {
  text: 'text',
  markdown: 'text',
  news: 'link',
  link: 'link',
  weapp: 'link',
  file: 'file',
  docmsg: 'file',
  image: 'image',
  emotion: 'image',
  voice: 'voice',
  video: 'video',
  chatrecord: 'chatrecord',
  mixed: 'text',
};

/** The readable text of an archive message (or of one forwarded item), joined by newlines. */
export function archiveText(message: Json): { content?: string; fileName?: string; forwarded?: string[] } {
  const type = String(message.msgtype ?? message.type ?? '');
  switch (type) {
    case 'text':
      return { content: str(obj(message.text).content) };
    case 'markdown':
      return { content: str(obj(message.info).content) ?? str(obj(message.markdown).content) };
    case 'news': {
      const items = arr(obj(message.info).item).map(obj);
      return { content: items.map((i) => [i.title, i.description, i.url].filter((x) => typeof x === 'string' && x.trim()).join(' ')).join('\n') || undefined };
    }
    case 'link': {
      const link = obj(message.link);
      return { content: [link.title, link.description, link.link_url].filter((x) => typeof x === 'string' && x).join(' ') || undefined };
    }
    case 'weapp': {
      const weapp = obj(message.weapp);
      return { content: [weapp.title, weapp.description].filter((x) => typeof x === 'string' && x).join(' ') || undefined };
    }
    case 'file':
      return { fileName: str(obj(message.file).filename), content: str(obj(message.file).filename) };
    case 'docmsg':
      return { fileName: str(obj(message.doc).title), content: str(obj(message.doc).title) };
    case 'mixed': {
      const texts = arr(obj(message.mixed).item)
        .map(obj)
        .filter((i) => i.type === 'text')
        .map((i) => str(inner(i.content).content))
        .filter((t): t is string => t !== undefined);
      return { content: texts.join('\n') || undefined };
    }
    case 'chatrecord': {
      const record = obj(message.chatrecord);
      const forwarded = arr(record.item)
        .map(obj)
        .map((item) => {
          const payload = inner(item.content);
          return str(payload.content) ?? str(payload.title) ?? str(payload.filename) ?? str(obj(payload.info).content);
        })
        .filter((t): t is string => t !== undefined);
      return { content: str(record.title), forwarded };
    }
    case 'sphfeed':
      return { content: str(obj(message.sphfeed).feed_desc) };
    case 'meeting':
      return { content: str(obj(message.meeting).topic) };
    case 'collect':
      return { content: str(obj(message.collect).title) };
    case 'calendar':
      return { content: str(obj(message.calendar).title) };
    default:
      return {};
  }
}

export async function* readWecomArchive(path: string, _source: TableSource): AsyncGenerator<RawRecord> {
  const recalled = await collectRecalls(path);
  for await (const batch of readLineBatches(path, { streamed: true }, (line, text) => archiveRecord(line, text, recalled))) yield* batch;
}

/**
 * Pass 1: recall notices name earlier messages, so they are collected before any message is read (a
 * recall comes after its message). Only lines holding the bytes "recall" are decoded and parsed: the
 * search runs on the raw bytes, so the pass costs little more than reading the file.
 */
export async function collectRecalls(path: string): Promise<Set<string>> {
  const recalled = new Set<string>();
  const decoder = new TextDecoder(await detectEncoding(path));
  /** Whole lines only. */
  const scan = (bytes: Buffer) => {
    for (let at = bytes.indexOf(RECALL); at !== -1; at = bytes.indexOf(RECALL, at + 1)) {
      const from = bytes.lastIndexOf(NEWLINE, at) + 1;
      let to = bytes.indexOf(NEWLINE, at);
      if (to === -1) to = bytes.length;
      try {
        const message = obj(JSON.parse(decoder.decode(bytes.subarray(from, to))));
        const pre = str(obj(message.revoke).pre_msgid);
        if (message.action === 'recall' && pre) recalled.add(pre);
      } catch {
        /* reported when the line is read */
      }
      at = to;
    }
  };
  // The bytes after a chunk's last newline wait for the next one (joined once). A line over the cap is
  // dropped as it comes (it is rejected when read): its recall, if any, is no recall.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    const newline = chunk.lastIndexOf(NEWLINE);
    if (newline === -1) {
      pendingBytes += chunk.length;
      if (pendingBytes > MAX_LINE_BYTES) {
        tooLong = true;
        pending = [];
      } else if (!tooLong) pending.push(chunk);
      continue;
    }
    const lines = chunk.subarray(tooLong ? chunk.indexOf(NEWLINE) + 1 : 0, newline + 1);
    scan(pending.length && !tooLong ? Buffer.concat([...pending, lines]) : lines);
    pending = [chunk.subarray(newline + 1)];
    pendingBytes = chunk.length - newline - 1;
    tooLong = false;
  }
  if (!tooLong) scan(Buffer.concat(pending));
  return recalled;
}

const NEWLINE = 0x0a;
const RECALL = Buffer.from('recall');

/** Pass 2, one line: a messages record, a skipped line (recall notice, switch record, 1:1 chat) or a problem. */
export function archiveRecord(line: number, text: string, recalled: ReadonlySet<string>): RawRecord | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let message: Json;
  try {
    message = obj(JSON.parse(trimmed));
  } catch (error) {
    return invalidJson(line, error);
  }
  if (message.action === 'recall') return { line, skip: localized('撤回通知（已标记被撤回的消息）', 'recall notice (the recalled message is marked)') };
  if (message.action === 'switch') return { line, skip: localized('切换企业记录', 'switch record') };
  if (!str(message.roomid)) return { line, skip: localized('单聊消息（不属于群聊）', 'one-to-one chat (not a group)') };
  const msgtype = String(message.msgtype ?? '');
  const { content, fileName, forwarded } = archiveText(message);
  const msgtime = typeof message.msgtime === 'number' ? message.msgtime : Number(message.msgtime);
  return {
    line,
    record: {
      message_id: message.msgid,
      group_id: message.roomid,
      sender_id: message.from,
      sent_at: Number.isFinite(msgtime) && msgtime > 0 ? new Date(msgtime).toISOString() : undefined,
      type: TYPE[msgtype] ?? (msgtype === 'system' ? 'system' : 'other'),
      content,
      file_name: fileName,
      recalled: recalled.has(String(message.msgid)),
      ...(forwarded ? { forwarded } : {}),
      archive_type: msgtype,
    },
  };
}
