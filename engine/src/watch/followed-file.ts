// One message file followed as it grows: read from where the last read stopped, whole lines only (a
// line still being written waits for its end), with the file's identity — device, inode and hashes of
// its first bytes and of the bytes just before the position — so that a rotated file (another inode at
// the path) and a truncated or rewritten one (shorter than what was read, other first bytes, or other
// bytes where the last line read ended) are told apart from a file that only grew.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ResolvedSource } from '../data/source-records.js';
import type { FileState } from './watch-state.js';

/** How many of the first bytes make the identity (enough to hold the first lines' message ids). */
const HEAD_BYTES = 1024;
/** How many bytes before the position are hashed (the end of the last line read). */
const TAIL_BYTES = 256;
const NEWLINE = 0x0a;

export interface Identity {
  dev: string;
  ino: string;
  size: number;
  /** Modification time (ns, as text): a rewrite of the same size still changes it. */
  mtime: string;
}

export interface ReadLines {
  lines: string[];
  /** 1-based number of the first line. */
  firstLine: number;
  /** Lines skipped for being longer than any message (their numbers). */
  tooLong: number[];
}

export class FollowedFile {
  private buffer = Buffer.alloc(0);
  private checkedSize: number;
  private checkedMtime = '';

  private constructor(
    public source: ResolvedSource,
    private fd: number | undefined,
    readonly state: FileState,
  ) {
    this.checkedSize = state.position;
  }

  /** A file seen for the first time: read from its start, or only what is appended from now on. */
  static begin(source: ResolvedSource, at: 'start' | 'end'): FollowedFile {
    const fd = openSync(source.path, 'r');
    const { dev, ino, size } = identityOf(fd);
    const position = at === 'end' ? size : 0;
    const headBytes = Math.min(size, HEAD_BYTES);
    const file = new FollowedFile(source, fd, {
      path: source.display,
      dev,
      ino,
      head: headHash(fd, headBytes),
      headBytes,
      position,
      line: 0,
      format: source.format === 'wecom-archive' ? 'wecom-archive' : 'jsonl',
      ...(source.columns ? { columns: source.columns } : {}),
    });
    if (at === 'end') file.state.line = countLines(fd, size);
    file.rememberTail(fd);
    return file;
  }

  /** The file a saved state describes, if `source` is that file (same device and inode). */
  static resume(source: ResolvedSource, saved: FileState): FollowedFile | undefined {
    let fd: number;
    try {
      fd = openSync(source.path, 'r');
    } catch {
      return undefined;
    }
    const { dev, ino, size } = identityOf(fd);
    if (dev !== saved.dev || ino !== saved.ino) {
      closeSync(fd);
      return undefined;
    }
    const file = new FollowedFile(source, fd, { ...saved, path: source.display });
    // The same file rewritten in place while the watcher was stopped (truncated, other first bytes, or
    // other bytes where the last read ended): read again from the start; alert ids made are not made again.
    if (size < saved.position || size < saved.headBytes || headHash(fd, saved.headBytes) !== saved.head || !file.tailMatches(fd)) {
      file.rewind(size);
      file.rewound = true;
    }
    return file;
  }

  /** Was it rewritten while stopped (resume found the file but not the bytes read)? */
  rewound = false;

  /** Is `path` this file (same device and inode)? */
  isAt(path: string): boolean {
    const identity = identityAt(path);
    return identity !== undefined && identity.dev === this.state.dev && identity.ino === this.state.ino;
  }

  /** The file was renamed to another path the bundle names: followed on there, from where it was. */
  movedTo(source: ResolvedSource): void {
    this.source = source;
    this.state.path = source.display;
  }

  /** Is the file at the path still this one? 'other': rotated (a new file took the name); 'gone': removed. */
  pathNow(): 'same' | 'other' | 'gone' {
    if (this.isAt(this.source.path)) return 'same';
    return identityAt(this.source.path) ? 'other' : 'gone';
  }

  /** Truncated (shorter than what was read) or rewritten (other first bytes): then read again from the start. */
  restartIfTruncated(): boolean {
    const fd = this.fd;
    if (fd === undefined) return false;
    const { size, mtime } = identityOf(fd);
    if (size === this.checkedSize && mtime === this.checkedMtime) return false;
    this.checkedSize = size;
    this.checkedMtime = mtime;
    const { state } = this;
    if (size < state.position || headHash(fd, state.headBytes) !== state.head || !this.tailMatches(fd)) {
      this.rewind(size);
      return true;
    }
    if (state.headBytes < HEAD_BYTES && size > state.headBytes) {
      state.headBytes = Math.min(size, HEAD_BYTES);
      state.head = headHash(fd, state.headBytes);
    }
    return false;
  }

  private rewind(size: number): void {
    const fd = this.fd!;
    const { state } = this;
    state.position = 0;
    state.line = 0;
    state.headBytes = Math.min(size, HEAD_BYTES);
    state.head = headHash(fd, state.headBytes);
    this.skipping = false;
    this.rememberTail(fd);
  }

  /** Do the bytes before the position still hash as they did when read? (A state without the hash: yes.) */
  private tailMatches(fd: number): boolean {
    const { state } = this;
    if (state.tail === undefined || state.tailBytes === undefined) return true;
    return rangeHash(fd, state.position - state.tailBytes, state.tailBytes) === state.tail;
  }

  private rememberTail(fd: number): void {
    const { state } = this;
    state.tailBytes = Math.min(state.position, TAIL_BYTES);
    state.tail = rangeHash(fd, state.position - state.tailBytes, state.tailBytes);
  }

  /** Whole lines after the position, about `maxBytes` of them at most; undefined when none is complete. */
  readLines(maxBytes: number, maxLineBytes: number): ReadLines | undefined {
    const fd = this.fd;
    if (fd === undefined) return undefined;
    const { state } = this;
    const { size } = identityOf(fd);
    const tooLong: number[] = [];
    const nothing = () => (tooLong.length ? { lines: [], firstLine: state.line + 1, tooLong } : undefined);
    for (;;) {
      if (size <= state.position) return nothing();
      if (this.skipping) {
        // Inside a line longer than any message: skipped to its end, a chunk at a time, reported by number.
        const read = this.readAt(fd, Math.min(size - state.position, 1 << 20));
        const end = read.indexOf(NEWLINE);
        if (end === -1) {
          state.position += read.length;
          continue;
        }
        state.position += end + 1;
        state.line++;
        tooLong.push(state.line);
        this.skipping = false;
        this.rememberTail(fd);
        continue;
      }
      let bytes = this.readAt(fd, Math.min(size - state.position, maxBytes));
      let last = bytes.lastIndexOf(NEWLINE);
      if (last === -1 && size - state.position > bytes.length) {
        bytes = this.readAt(fd, Math.min(size - state.position, maxLineBytes + 1));
        last = bytes.lastIndexOf(NEWLINE);
      }
      if (last === -1) {
        if (bytes.length > maxLineBytes) {
          this.skipping = true;
          continue;
        }
        return nothing(); // a line still being written
      }
      const bom = state.position === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      const lines = bytes.toString('utf8', bom, last).split('\n');
      for (let i = 0; i < lines.length; i++) if (lines[i]!.endsWith('\r')) lines[i] = lines[i]!.slice(0, -1);
      const firstLine = state.line + 1;
      state.position += last + 1;
      state.line += lines.length;
      this.rememberTail(fd);
      return { lines, firstLine, tooLong };
    }
  }

  private skipping = false;

  /** Bytes after the position (a last line without its newline, or one still being written). */
  unreadBytes(): number {
    return this.fd === undefined ? 0 : Math.max(0, identityOf(this.fd).size - this.state.position);
  }

  /** The bytes after the position as a line, when they hold no newline (a file's last line lacking
   *  one): read, not consumed — should its newline come, the whole line is read again (de-duplicated). */
  partialLine(maxLineBytes: number): { line: number; text: string } | undefined {
    const fd = this.fd;
    const unread = this.unreadBytes();
    if (fd === undefined || unread === 0 || unread > maxLineBytes || this.skipping) return undefined;
    const bytes = this.readAt(fd, unread);
    if (bytes.includes(NEWLINE)) return undefined;
    const bom = this.state.position === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const text = bytes.toString('utf8', bom).replace(/\r$/, '');
    return text.trim() === '' ? undefined : { line: this.state.line + 1, text };
  }

  private readAt(fd: number, length: number): Buffer {
    if (this.buffer.length < length) this.buffer = Buffer.alloc(Math.max(length, this.buffer.length * 2));
    const read = readSync(fd, this.buffer, 0, length, this.state.position);
    return this.buffer.subarray(0, read);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** The identity of the file at `path`, or undefined when there is none. */
export function identityAt(path: string): Identity | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    return identityOf(fd);
  } finally {
    closeSync(fd);
  }
}

export function identityOf(fd: number): Identity {
  const stat = fstatSync(fd, { bigint: true });
  return { dev: String(stat.dev), ino: String(stat.ino), size: Number(stat.size), mtime: String(stat.mtimeNs) };
}

function headHash(fd: number, bytes: number): string {
  return rangeHash(fd, 0, bytes);
}

function rangeHash(fd: number, from: number, bytes: number): string {
  const buffer = Buffer.alloc(Math.max(0, bytes));
  const read = bytes > 0 && from >= 0 ? readSync(fd, buffer, 0, bytes, from) : 0;
  return createHash('sha256').update(buffer.subarray(0, read)).digest('hex');
}

/** Lines in the first `size` bytes (a file followed from its end still numbers its lines). */
function countLines(fd: number, size: number): number {
  const buffer = Buffer.alloc(1 << 20);
  let lines = 0;
  for (let at = 0; at < size; ) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, size - at), at);
    if (read === 0) break;
    for (let i = buffer.indexOf(NEWLINE, 0); i !== -1 && i < read; i = buffer.indexOf(NEWLINE, i + 1)) lines++;
    at += read;
  }
  return lines;
}
