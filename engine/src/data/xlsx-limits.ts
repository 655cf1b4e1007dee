// A workbook is a zip: a small file can inflate to gigabytes, and the shared strings (every distinct
// text cell) are held in memory while the sheet streams. The sizes the zip's central directory
// declares are checked before anything is inflated, and a workbook over a limit is refused with its name.
import type { ZipDirectory } from './zip-directory.js';

/** Everything the workbook inflates to. */
export const MAX_XLSX_UNCOMPRESSED = 1024 * 1024 * 1024;
/** xl/sharedStrings.xml inflated: room for a 50 MB chat export of unique messages (its strings inflate to about three times its size). */
export const MAX_SHARED_STRINGS = 256 * 1024 * 1024;

const MB = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** Throws when the workbook's declared sizes pass a limit. */
export function checkXlsxSizes(directory: ZipDirectory): void {
  let total = 0;
  for (const { name, inflatedSize } of directory.entries) {
    total += inflatedSize;
    if (name.toLowerCase() === 'xl/sharedstrings.xml' && inflatedSize > MAX_SHARED_STRINGS) {
      throw new Error(
        `工作簿的共享字符串解压后 ${MB(inflatedSize)}，超过上限 ${MB(MAX_SHARED_STRINGS)}，未读取；请把工作表另存为 CSV / the workbook's shared strings inflate to ${MB(inflatedSize)}, over the ${MB(MAX_SHARED_STRINGS)} limit: not read; save the sheet as CSV`,
      );
    }
  }
  if (total > MAX_XLSX_UNCOMPRESSED) {
    throw new Error(
      `工作簿解压后 ${MB(total)}，超过上限 ${MB(MAX_XLSX_UNCOMPRESSED)}，未读取；请把工作表另存为 CSV / the workbook inflates to ${MB(total)}, over the ${MB(MAX_XLSX_UNCOMPRESSED)} limit: not read; save the sheet as CSV`,
    );
  }
}
