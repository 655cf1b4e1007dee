// A month's message files cut into blocks for the reader threads (message-thread.ts). Parsing JSON is
// most of reading a month, and it is the same work for every line: a large UTF-8 JSONL file is cut
// into byte ranges that several threads parse side by side, and the main thread takes the blocks
// back in file order. A block owns the lines that START in its range (the last one may run past its
// end; a line longer than a block belongs to the one block it starts in), so every line is read
// exactly once, and its number is the lines of the earlier blocks of its file plus its place in the
// block. A newline byte never occurs inside a UTF-8 (or GBK) character, so cutting at one is safe.
// Other files (CSV, XLSX, other source formats, GBK text, small files) are one block, read as a stream.
import { readSync } from 'node:fs';
import { lineTooLong, MAX_LINE_BYTES } from '../line-limit.js';
import { REPLACEMENT, unreadableLine } from '../unreadable-line.js';
import type { RawRecord } from '../raw-record.js';
import type { ResolvedSource } from '../source-records.js';

export interface MessageBlock {
  /** Index into the message sources. */
  source: number;
  /** Where the block's lines start: [start, end) in bytes. Absent: the whole file, streamed. */
  range?: { start: number; end: number };
}

/** Bytes a block spans (ReaderThreadSettings.blockBytes in tests): a few hundred lines, read, parsed and sent
 *  as one batch. Small, so a block's objects die in the reader's young generation (blocks of a megabyte
 *  made them survive into the old one and nearly doubled peak memory), and so the reader of the
 *  next block is never held up by the main thread still taking this one (IN_FLIGHT batches each). */
export const BLOCK_BYTES = 64 * 1024;

export interface SourceFacts {
  size: number;
  /** Plain UTF-8 JSONL, which can be cut at any newline. */
  splittable: boolean;
}

export function planBlocks(facts: readonly SourceFacts[], blockBytes: number): MessageBlock[] {
  const blocks: MessageBlock[] = [];
  facts.forEach(({ size, splittable }, source) => {
    if (!splittable || size <= blockBytes) {
      blocks.push({ source });
      return;
    }
    for (let start = 0; start < size; start += blockBytes) blocks.push({ source, range: { start, end: Math.min(size, start + blockBytes) } });
  });
  return blocks;
}

/** Whether a message source can be cut into ranges: UTF-8 JSONL, plain or a WeCom archive (whose
 *  recalls are collected first, by the main thread: collectRecalls). */
export function isSplittable(source: ResolvedSource, encoding: string): boolean {
  return (source.format === 'jsonl' || source.format === 'wecom-archive') && encoding === 'utf-8';
}

const NEWLINE = 0x0a;
/** The line running past a block's end is read in pieces of this size (a message line is ~150–500 bytes). */
const OVERHANG_READ = 4 * 1024;

export interface BlockRecords {
  /** Records of the block's lines, numbered from 1 within the block (empty lines give none). */
  records: RawRecord[];
  /** Lines that start in the block. */
  lines: number;
}

/**
 * The bytes of blocks are read into one buffer per thread, reused: a fresh 64 KB buffer per block
 * lives outside the JavaScript heap until a collection frees it, and the readers' dead buffers
 * piled up over a long month.
 */
let scratch = Buffer.allocUnsafe(0);

/** `scratch` holding at least `length` bytes, keeping its first `keep`. */
function scratchOf(length: number, keep: number): Buffer {
  if (scratch.length < length) {
    const grown = Buffer.allocUnsafe(Math.max(length, scratch.length * 2));
    scratch.copy(grown, 0, 0, keep);
    scratch = grown;
  }
  return scratch;
}

/** At the start of a file the decoder drops a BOM, as the streaming reader's does; inside a file a
 *  U+FEFF is text (the line it starts is then not JSON, as when streamed). */
const fileStartDecoder = new TextDecoder('utf-8');
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** What a line of a source becomes: jsonlRecord for plain JSONL, archiveRecord for a WeCom archive. */
export type LineRecord = (line: number, text: string) => RawRecord | undefined;

/** The records `toRecord` makes of the lines that start in [start, end) of a file of `size` bytes. */
export function readBlock(fd: number, range: { start: number; end: number }, size: number, toRecord: LineRecord): BlockRecords {
  const { start, end } = range;
  // One byte before the range tells whether a line starts right at `start`.
  const from = start === 0 ? 0 : start - 1;
  let bytes = scratchOf(end - from, 0);
  let length = readInto(fd, bytes, 0, from, end - from);
  let first = 0;
  if (start > 0) {
    const newline = bytes.subarray(0, length).indexOf(NEWLINE);
    if (newline === -1 || from + newline + 1 >= end) return { records: [], lines: 0 }; // inside a line that started earlier
    first = newline + 1;
  }
  // The last line that starts before `end` runs to the first newline at or after end - 1, unless it
  // is over the cap: then it is rejected, and nothing of it past the cap is read.
  let stop = length > 0 && bytes[length - 1] === NEWLINE ? length : -1;
  let tooLong = false;
  if (stop === -1) {
    const lineStart = first + bytes.subarray(first, length).lastIndexOf(NEWLINE) + 1;
    let ended = false;
    while (stop === -1) {
      const scanned = length;
      if (scanned - lineStart > MAX_LINE_BYTES) break;
      if (from + scanned >= size) {
        stop = scanned;
        break;
      }
      const wanted = Math.min(OVERHANG_READ, size - from - scanned);
      bytes = scratchOf(scanned + wanted, scanned);
      length += readInto(fd, bytes, scanned, from + scanned, wanted);
      if (length === scanned) {
        stop = scanned; // the file shrank while read
        break;
      }
      const newline = bytes.subarray(0, length).indexOf(NEWLINE, scanned);
      if (newline !== -1) {
        stop = newline + 1;
        ended = true;
      }
    }
    // The line's bytes, its "\n" not counted (as read-records.ts counts them).
    tooLong = stop === -1 || stop - (ended ? 1 : 0) - lineStart > MAX_LINE_BYTES;
    if (tooLong) stop = lineStart;
  }
  const text = (start === 0 ? fileStartDecoder : decoder).decode(bytes.subarray(first, stop));
  const records: RawRecord[] = [];
  const measure = stop - first > MAX_LINE_BYTES;
  const suspect = text.includes(REPLACEMENT);
  let line = 0;
  let at = 0;
  while (at < text.length) {
    let newline = text.indexOf('\n', at);
    if (newline === -1) newline = text.length;
    line++;
    let content = text.slice(at, newline);
    at = newline + 1;
    // Lines ending inside the range are shorter than it: measured only if the range is over the cap.
    if (measure && Buffer.byteLength(content) > MAX_LINE_BYTES) {
      records.push(lineTooLong(line));
      continue;
    }
    if (line === 1 && start === 0 && content.charCodeAt(0) === 0xfeff) content = content.slice(1);
    if (content.endsWith('\r')) content = content.slice(0, -1);
    if (suspect && content.includes(REPLACEMENT)) {
      records.push(unreadableLine(line));
      continue;
    }
    const record = toRecord(line, content);
    if (record) records.push(record);
  }
  if (tooLong) records.push(lineTooLong(++line));
  return { records, lines: line };
}

/** Read synchronously: a reader thread has nothing else to do meanwhile, and an asynchronous read of
 *  every 64 KB block idled each reader a third of the time waiting for the I/O pool's answer. */
function readInto(fd: number, buffer: Buffer, offset: number, position: number, length: number): number {
  let filled = 0;
  while (filled < length) {
    const bytesRead = readSync(fd, buffer, offset + filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}
