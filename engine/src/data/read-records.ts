// Streams raw records out of one export file, whatever its format, with the 1-based line (or sheet
// row) each came from. Unreadable lines are yielded as problems, never dropped.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { headerNames } from './header-names.js';
import type { CellValue } from 'exceljs';
import { lineTooLong, MAX_LINE_BYTES } from './line-limit.js';
import { checkXlsxSizes } from './xlsx-limits.js';

export type RawRecord =
  | { line: number; record: Record<string, unknown> }
  | { line: number; problem: { 'zh-CN': string; en: string } }
  /** A line that is not a row of this table by design (a 1:1 chat in a group archive): counted, not rejected. */
  | { line: number; skip: { 'zh-CN': string; en: string } };

export interface ReadOptions {
  format: 'csv' | 'jsonl' | 'xlsx';
  /** XLSX: sheet name (default: the first sheet). */
  sheet?: string;
  /** 1-based row of the header (CSV and XLSX), default 1. */
  headerRow?: number;
  /** Source column name → table field name (bundle.yaml `columns`). */
  columns?: Record<string, string>;
  /** Called with the size of each chunk read from disk (progress). */
  onBytes?: (bytes: number) => void;
  /**
   * Rows that die young (messages, streamed). V8 pretenures by allocation site: the rows of the small
   * tables are all kept, and when a collection lands while one of their batches is being read, the
   * shared object literals learn "long-lived" and every message row after that is made in the old
   * generation (peak RSS at 1M messages then varied from 220 to 315 MB between identical runs).
   * Streamed rows get literals of their own.
   */
  streamed?: boolean;
}

export class EncodingError extends Error {}

/** UTF-8 (with or without BOM) is read as is; GBK/GB18030 exports are detected and converted. */
export async function detectEncoding(path: string): Promise<'utf-8' | 'gb18030'> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(256 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    let sample = buffer.subarray(0, bytesRead);
    // A UTF-8 byte-order mark decides: such a file is never re-read as GB18030 (a bad byte in it is the
    // line's problem, not a reason to garble every Chinese character of the file).
    if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
      const bad = firstInvalidUtf8Line(sample);
      if (bad !== undefined) throw new EncodingError(`${path}: 第 ${bad} 行含有不是 UTF-8 的字节，请检查该行或重新导出为 UTF-8 / line ${bad} holds bytes that are not UTF-8: check that line or export the file again as UTF-8`);
      return 'utf-8';
    }
    // Don't judge a multi-byte character cut at the end of the sample.
    if (bytesRead === buffer.length) sample = sample.subarray(0, sample.lastIndexOf(0x0a) + 1 || sample.length);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample);
      return 'utf-8';
    } catch {
      try {
        new TextDecoder('gb18030', { fatal: true }).decode(sample);
        return 'gb18030';
      } catch {
        throw new EncodingError(`${path}: 既不是 UTF-8 也不是 GBK 编码，请另存为 UTF-8 / neither UTF-8 nor GBK: save it as UTF-8`);
      }
    }
  } finally {
    await handle.close();
  }
}

async function textStream(path: string): Promise<Readable> {
  const encoding = await detectEncoding(path);
  const raw = createReadStream(path);
  if (encoding === 'utf-8') return raw;
  const decoder = new TextDecoder('gb18030');
  return Readable.from((async function* () {
    for await (const chunk of raw) yield decoder.decode(chunk as Buffer, { stream: true });
    yield decoder.decode();
  })());
}

/** Lines of a text export (UTF-8 or GBK, detected), without line ends; the BOM is removed. */
export async function* textLines(path: string): AsyncGenerator<string> {
  let first = true;
  for await (const line of createInterface({ input: await textStream(path), crlfDelay: Infinity })) {
    yield first ? line.replace(/^\uFEFF/, '') : line;
    first = false;
  }
}

/** A whole (small) text export, UTF-8 or GBK, without BOM. */
export async function readText(path: string): Promise<string> {
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
    ? { line, problem: { 'zh-CN': '不是有效的 JSON', en: 'not valid JSON' } }
    : { line, problem: { 'zh-CN': `不是有效的 JSON（第 ${Number(position) + 1} 个字符处）`, en: `not valid JSON (at character ${Number(position) + 1})` } };
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
    return { line, problem: { 'zh-CN': '每行应是一个 JSON 对象', en: 'each line must be a JSON object' } };
  }
  const record = rename(value as Record<string, unknown>, columns);
  // Separate allocation sites for streamed rows: see ReadOptions.streamed.
  return streamed ? { line, record } : { line, record };
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
 * A line over MAX_LINE_BYTES is a rejected row (line-limit.ts); its bytes are dropped as they come,
 * so memory stays bounded and time linear however long it is.
 */
export async function* readLineBatches(path: string, options: Pick<ReadOptions, 'onBytes' | 'streamed'>, toRecord: (line: number, text: string) => RawRecord | undefined): AsyncGenerator<RawRecord[]> {
  const stream = await textStream(path);
  const decoder = new TextDecoder('utf-8');
  // The line not ended yet: its pieces, joined once when its end comes (joining each chunk to the
  // rest and searching it again made a long line cost quadratic time), and its bytes so far.
  let pieces: string[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let line = 0;
  let first = true;
  const streamed = options.streamed === true;
  const flush = (text: string, batch: RawRecord[]) => {
    line++;
    const cleaned = first ? text.replace(/^\uFEFF/, '') : text;
    first = false;
    const record = toRecord(line, cleaned.endsWith('\r') ? cleaned.slice(0, -1) : cleaned);
    if (record) batch.push(record);
  };
  const reject = (batch: RawRecord[]) => {
    line++;
    first = false;
    batch.push(lineTooLong(line));
  };
  for await (const chunk of stream) {
    // UTF-8 comes as bytes (lengths counted in the file's bytes), GBK as text already decoded.
    const bytes = typeof chunk === 'string' ? undefined : (chunk as Buffer);
    options.onBytes?.((chunk as Buffer | string).length);
    const text = bytes ? decoder.decode(bytes, { stream: true }) : (chunk as string);
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
    const batch: RawRecord[] = streamed ? [] : [];
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
    if (batch.length) yield batch;
  }
  const batch: RawRecord[] = [];
  const tail = pieces.join('') + decoder.decode();
  if (tooLong) reject(batch);
  else if (tail.length) flush(tail, batch);
  if (batch.length) yield batch;
}

const NEWLINE = 0x0a;

/** 1-based line of the first byte sequence that is not UTF-8 in `bytes`, if any. */
function firstInvalidUtf8Line(bytes: Buffer): number | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start < bytes.length; line++) {
    const end = bytes.indexOf(NEWLINE, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    start = stop + 1;
  }
  return undefined;
}

async function* readJsonl(path: string, options: ReadOptions): AsyncGenerator<RawRecord> {
  for await (const batch of readJsonlBatches(path, options)) yield* batch;
}

async function* readCsv(path: string, options: ReadOptions): AsyncGenerator<RawRecord> {
  const headerRow = options.headerRow ?? 1;
  const skipped: RawRecord[] = [];
  const parser = (await textStream(path)).pipe(parseCsv({
    bom: true,
    from_line: headerRow,
    columns: (header: string[]) => headerNames(header, options.columns),
    info: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: { message: string; lines?: number } | undefined) => {
      if (error) skipped.push({ line: error.lines ?? 0, problem: { 'zh-CN': `CSV 行格式错误（${error.message}）`, en: `malformed CSV row (${error.message})` } });
    },
  }));
  for await (const item of parser as AsyncIterable<{ record: Record<string, unknown>; info: { lines: number } }>) {
    while (skipped.length) yield skipped.shift()!;
    yield { line: item.info.lines, record: item.record };
  }
  while (skipped.length) yield skipped.shift()!;
}

function cellValue(value: CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result as CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return value.text;
    if ('error' in value) return undefined;
  }
  return value;
}

/** The parts of exceljs's streaming readers that its typings leave out. */
interface SheetNames { name: string }
interface WorkbookModel { model?: { sheets?: SheetNames[] } }

async function* readXlsx(path: string, options: ReadOptions): AsyncGenerator<RawRecord> {
  // Loaded on the first workbook read (bundles of CSV and JSONL never need it).
  await checkXlsxSizes(path);
  const { default: ExcelJS } = await import('exceljs');
  // Streamed a row at a time, as every message file is (issue 4: messages never all in memory; a whole
  // workbook in exceljs costs ~1 KB a row). Styles are read so date-formatted cells come back as dates.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const headerRow = options.headerRow ?? 1;
  const names: string[] = [];
  let found = false;
  for await (const sheet of reader) {
    const { name } = sheet as unknown as SheetNames;
    names.push(name);
    // Without a sheet name, the first sheet in the workbook's own order (the zip's order, if unknown).
    const wanted = options.sheet ?? (reader as unknown as WorkbookModel).model?.sheets?.[0]?.name ?? names[0];
    if (found || name !== wanted) continue;
    found = true;
    const header: string[] = [];
    for await (const row of sheet) {
      if (row.number < headerRow) continue;
      if (row.number === headerRow) {
        const titles: unknown[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => { titles[column - 1] = cellValue(cell.value); });
        headerNames(titles, options.columns).forEach((name, i) => { header[i + 1] = name; });
        continue;
      }
      if (!row.hasValues) continue;
      const record: Record<string, unknown> = {};
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const title = header[column];
        if (title) record[title] = cellValue(cell.value);
      });
      yield { line: row.number, record };
    }
  }
  if (!found) {
    const list = names.join('、');
    if (options.sheet === undefined) throw new Error(`${path}: 工作簿中没有工作表 / the workbook has no sheets`);
    throw new Error(`${path}: 找不到工作表 ${options.sheet}（有：${list}）/ no sheet named ${options.sheet} (sheets: ${list})`);
  }
}

export function readRecords(path: string, options: ReadOptions): AsyncGenerator<RawRecord> {
  switch (options.format) {
    case 'csv': return readCsv(path, options);
    case 'jsonl': return readJsonl(path, options);
    case 'xlsx': return readXlsx(path, options);
  }
}
