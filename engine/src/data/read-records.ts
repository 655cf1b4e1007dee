// Streams raw records out of one export file, whatever its format, with the 1-based line (or sheet
// row) each came from. Unreadable lines are yielded as problems, never dropped.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { CsvRecords } from './csv-records.js';
import { lineTooLong, MAX_LINE_BYTES } from './line-limit.js';
import { REPLACEMENT, unreadableLine } from './unreadable-line.js';
import { readXlsx } from './read-xlsx.js';
import type { RawRecord, ReadOptions } from './raw-record.js';
import { rowSites } from './row-lifetimes.js';
import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';

export class EncodingError extends LocalizedError {}

/**
 * UTF-8 (with or without BOM) is read as is; GBK/GB18030 exports are detected and converted. A BOM
 * decides: such a file is never re-read as GB18030. Without one, the first 256 KB decide by their
 * lines: a GBK export's Chinese lines are almost never valid UTF-8, so a file whose lines with
 * non-ASCII bytes are mostly valid UTF-8 is UTF-8, else mostly valid GBK is GBK; the few bad lines
 * are rejected one by one (unreadable-line.ts) rather than every character of the file garbled.
 */
export async function detectEncoding(path: string): Promise<'utf-8' | 'gb18030'> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(256 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    let sample = buffer.subarray(0, bytesRead);
    if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
    // Don't judge a multi-byte character cut at the end of the sample.
    if (bytesRead === buffer.length) sample = sample.subarray(0, sample.lastIndexOf(0x0a) + 1 || sample.length);
    const utf8 = linesValidAs(sample, 'utf-8');
    if (utf8.invalid === 0 || utf8.valid > utf8.invalid) return 'utf-8';
    const gbk = linesValidAs(sample, 'gb18030');
    if (gbk.valid > gbk.invalid) return 'gb18030';
    throw new EncodingError(localized('{path}: 既不是 UTF-8 也不是 GBK 编码，请另存为 UTF-8', '{path}: neither UTF-8 nor GBK: save it as UTF-8', { path }));
  } finally {
    await handle.close();
  }
}

/** Lines of `bytes` holding non-ASCII bytes, counted by whether they are valid text in `encoding`. */
function linesValidAs(bytes: Buffer, encoding: 'utf-8' | 'gb18030'): { valid: number; invalid: number } {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let valid = 0;
  let invalid = 0;
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, start);
    const stop = end === -1 ? bytes.length : end;
    const line = bytes.subarray(start, stop);
    if (line.some((byte) => byte >= 0x80)) {
      try {
        decoder.decode(line);
        valid++;
      } catch {
        invalid++;
      }
    }
    start = stop + 1;
  }
  return { valid, invalid };
}

async function textStream(path: string): Promise<Readable> {
  const encoding = await detectEncoding(path);
  const raw = createReadStream(path);
  if (encoding === 'utf-8') return raw;
  const decoder = new TextDecoder('gb18030');
  return Readable.from(
    (async function* () {
      for await (const chunk of raw) yield decoder.decode(chunk as Buffer, { stream: true });
      yield decoder.decode();
    })(),
  );
}

/** The largest file read whole (readText): a group-chat details export is a few megabytes at most. */
export const MAX_WHOLE_FILE_BYTES = 64 * 1024 * 1024;

/** A whole (small) text export, UTF-8 or GBK, without BOM; over MAX_WHOLE_FILE_BYTES it is refused. */
export async function readText(path: string): Promise<string> {
  const { size } = await stat(path);
  if (size > MAX_WHOLE_FILE_BYTES)
    throw new LocalizedError(
      localized('文件有 {ceil} MB，超过 64 MB 的上限（这类导出不会这么大）', 'the file is {ceil} MB, over the 64 MB limit (no such export is that large)', {
        ceil: String(Math.ceil(size / 1024 / 1024)),
      }),
    );
  const utf8 = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of await textStream(path)) text += typeof chunk === 'string' ? chunk : utf8.decode(chunk as Buffer, { stream: true });
  return (text + utf8.decode()).replace(/^\uFEFF/, '');
}

function rename(record: Record<string, unknown>, columns: Record<string, string> | undefined): Record<string, unknown> {
  if (!columns) return record;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[columns[key.trim()] ?? key.trim()] = value;
  return out;
}

/** The problem of a line that is not JSON (jsonlRecord, the WeCom archive). */
export function invalidJson(line: number, error: unknown): RawRecord {
  // Only the position: the parser's own message quotes the line's text, which may be personal data.
  const position = /position (\d+)/.exec((error as Error).message)?.[1];
  return position === undefined
    ? { line, problem: localized('不是有效的 JSON', 'not valid JSON') }
    : { line, problem: localized('不是有效的 JSON（第 {value} 个字符处）', 'not valid JSON (at character {value})', { value: Number(position) + 1 }) };
}

/** One JSONL line → a record or a problem. */
export function jsonlRecord(line: number, text: string, columns: Record<string, string> | undefined, streamed: boolean): RawRecord | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return invalidJson(line, error);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, problem: localized('每行应是一个 JSON 对象', 'each line must be a JSON object') };
  }
  const record = rename(value as Record<string, unknown>, columns);
  return rowSites(streamed).record(line, record);
}

/**
 * JSONL in batches (one per chunk read from disk): the per-message path of the monthly job, so no
 * readline and no promise per line — the caller loops over each batch synchronously.
 */
export function readJsonlBatches(path: string, options: ReadOptions): AsyncGenerator<RawRecord[]> {
  const streamed = options.streamed === true;
  return readLineBatches(path, options, (line, text) => jsonlRecord(line, text, options.columns, streamed));
}

/**
 * The records `toRecord` makes of a text file's lines, in batches (one per chunk read from disk).
 * Lines end at "\n" (a "\r" before it is dropped), are numbered from 1, and the first loses a BOM —
 * exactly as message-blocks.ts cuts a file, so a file read whole or in blocks gives the same records.
 * A line over MAX_LINE_BYTES is a rejected row (line-limit.ts, or what `overLimit` makes of its number),
 * so is a line holding bytes that are not text (unreadable-line.ts, or `unreadable`);
 * its bytes are dropped as they come, so memory stays bounded and time linear however long it is.
 * `keepCr` hands lines their "\r" (CSV: a line end inside a quoted field stays as it was).
 */
export async function* readLineBatches<T = RawRecord>(
  path: string,
  options: Pick<ReadOptions, 'onBytes' | 'streamed'> & { keepCr?: boolean },
  toRecord: (line: number, text: string) => T | undefined,
  overLimit: (line: number) => T = lineTooLong as (line: number) => T,
  unreadable: (line: number) => T = unreadableLine as (line: number) => T,
): AsyncGenerator<T[]> {
  const stream = await textStream(path);
  const decoder = new TextDecoder('utf-8');
  // The line not ended yet: its pieces, joined once when its end comes (joining each chunk to the
  // rest and searching it again made a long line cost quadratic time), and its bytes so far.
  let pieces: string[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let line = 0;
  let first = true;
  const sites = rowSites(options.streamed === true);
  const keepCr = options.keepCr === true;
  // Whether the line being cut may hold U+FFFD: its chunk (or an earlier piece of it) does.
  let suspect = false;
  const flush = (text: string, batch: T[]) => {
    line++;
    const cleaned = first ? text.replace(/^\uFEFF/, '') : text;
    first = false;
    if (suspect && cleaned.includes(REPLACEMENT)) {
      batch.push(unreadable(line));
      return;
    }
    const record = toRecord(line, !keepCr && cleaned.endsWith('\r') ? cleaned.slice(0, -1) : cleaned);
    if (record) batch.push(record);
  };
  const reject = (batch: T[]) => {
    line++;
    first = false;
    batch.push(overLimit(line));
  };
  for await (const chunk of stream) {
    // UTF-8 comes as bytes (lengths counted in the file's bytes), GBK as text already decoded.
    const bytes = typeof chunk === 'string' ? undefined : (chunk as Buffer);
    options.onBytes?.((chunk as Buffer | string).length);
    const text = bytes ? decoder.decode(bytes, { stream: true }) : (chunk as string);
    suspect = suspect || text.includes(REPLACEMENT);
    const byteLength = (piece: string) => Buffer.byteLength(piece);
    const newline = text.indexOf('\n');
    if (newline === -1) {
      if (tooLong) continue;
      pendingBytes += bytes ? bytes.length : byteLength(text);
      if (pendingBytes > MAX_LINE_BYTES) {
        tooLong = true;
        pieces = [];
      } else pieces.push(text);
      continue;
    }
    const batch = sites.batch<T>();
    const head = text.slice(0, newline);
    if (tooLong || pendingBytes + (bytes ? bytes.indexOf(NEWLINE) : byteLength(head)) > MAX_LINE_BYTES) reject(batch);
    else flush(pieces.length ? pieces.join('') + head : head, batch);
    // Lines inside one chunk are shorter than it: measured only if the chunk is over the cap.
    const measure = (bytes ? bytes.length : text.length * 3) > MAX_LINE_BYTES;
    let start = newline + 1;
    for (let next = text.indexOf('\n', start); next !== -1; next = text.indexOf('\n', start)) {
      const content = text.slice(start, next);
      if (measure && byteLength(content) > MAX_LINE_BYTES) reject(batch);
      else flush(content, batch);
      start = next + 1;
    }
    const rest = text.slice(start);
    pendingBytes = bytes ? bytes.length - bytes.lastIndexOf(NEWLINE) - 1 : byteLength(rest);
    tooLong = pendingBytes > MAX_LINE_BYTES;
    pieces = tooLong || rest === '' ? [] : [rest];
    suspect = rest.includes(REPLACEMENT);
    if (batch.length) yield batch;
  }
  const batch: T[] = [];
  const tail = pieces.join('') + decoder.decode();
  suspect = true;
  if (tooLong) reject(batch);
  else if (tail.length) flush(tail, batch);
  if (batch.length) yield batch;
}

const NEWLINE = 0x0a;

async function* readJsonl(path: string, options: ReadOptions): AsyncGenerator<RawRecord> {
  for await (const batch of readJsonlBatches(path, options)) yield* batch;
}

/**
 * CSV through csv-records.ts: lines grouped into records by csv-parse's quote rules, a stray quote
 * costing only its own line, and complete records parsed by csv-parse a chunk at a time.
 */
async function* readCsv(path: string, options: ReadOptions): AsyncGenerator<RawRecord> {
  const records = new CsvRecords(options.headerRow ?? 1, options.columns, options.streamed === true);
  type Line = { line: number; text: string } | { line: number; text?: undefined; unreadable: boolean };
  const lines = readLineBatches<Line>(
    path,
    { keepCr: true },
    (line, text) => ({ line, text }),
    (line) => ({ line, unreadable: false }),
    (line) => ({ line, unreadable: true }),
  );
  for await (const batch of lines) {
    for (const item of batch) {
      if (item.text !== undefined) records.line(item.line, item.text);
      else if (item.unreadable) records.unreadable(item.line);
      else records.tooLong(item.line);
    }
    yield* records.take();
  }
  records.end();
  yield* records.take();
}

export function readRecords(path: string, options: ReadOptions): AsyncGenerator<RawRecord> {
  switch (options.format) {
    case 'csv':
      return readCsv(path, options);
    case 'jsonl':
      return readJsonl(path, options);
    case 'xlsx':
      return readXlsx(path, options);
  }
}
