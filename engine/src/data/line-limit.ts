// The longest line a text export may hold. No chat message comes near it; a longer line is a broken
// or hostile file, and holding it whole would cost memory (and, split naively, quadratic time). Such
// a line is a rejected row with its number, and reading goes on with the next line — the same,
// byte for byte, whether the file is streamed (read-records.ts) or cut into blocks (message-blocks.ts).
import type { RawRecord } from './raw-record.js';
import { localized } from '../i18n/localized-text.js';

/** Bytes of a line in the file, its "\n" not counted (a "\r" before it is). */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

/** The rejected row of a line over MAX_LINE_BYTES. */
export function lineTooLong(line: number): RawRecord {
  return {
    line,
    problem: localized('此行超过 4 MB，未读取（聊天记录的一行不会这么长）', 'line longer than 4 MB, not read (no chat record is that long)'),
  };
}
