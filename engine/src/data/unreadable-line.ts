// A line whose bytes are not text in the file's encoding. The decoders replace each such byte sequence
// with U+FFFD, so a line holding U+FFFD is one whose words were lost (or were already lost when it was
// exported): it is a rejected row with its number, and reading goes on with the next line — wherever
// the line is in the file, streamed (read-records.ts) or cut into blocks (message-blocks.ts). Never
// the whole file refused for one byte, never a line read with holes in it.
import type { RawRecord } from './raw-record.js';
import { localized } from '../i18n/localized-text.js';

export const REPLACEMENT = '\uFFFD';

/** The rejected row of a line holding bytes that are not UTF-8 (or GBK, in a GBK file). */
export function unreadableLine(line: number): RawRecord {
  return {
    line,
    problem: localized(
      '此行含有无法识别的字节（不是 UTF-8 或 GBK 编码的文字），未读取；请检查该行或重新导出',
      'this line holds bytes that are not UTF-8 (or GBK) text, not read: check the line or export the file again',
    ),
  };
}
