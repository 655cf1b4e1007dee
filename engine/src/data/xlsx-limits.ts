// A workbook is a zip: a small file can inflate to gigabytes, and the shared strings (every distinct
// text cell) are held in memory while the sheet streams. The sizes the zip's central directory
// declares are checked before anything is inflated, and a workbook over a limit is refused with its name.
import type { ZipDirectory } from './zip-directory.js';
import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';

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
      throw new LocalizedError(
        localized(
          '工作簿的共享字符串解压后 {MB}，超过上限 {MB2}，未读取；请把工作表另存为 CSV',
          "the workbook''s shared strings inflate to {MB}, over the {MB2} limit: not read; save the sheet as CSV",
          { MB: String(MB(inflatedSize)), MB2: String(MB(MAX_SHARED_STRINGS)) },
        ),
      );
    }
  }
  if (total > MAX_XLSX_UNCOMPRESSED) {
    throw new LocalizedError(
      localized(
        '工作簿解压后 {MB}，超过上限 {MB2}，未读取；请把工作表另存为 CSV',
        'the workbook inflates to {MB}, over the {MB2} limit: not read; save the sheet as CSV',
        { MB: String(MB(total)), MB2: String(MB(MAX_XLSX_UNCOMPRESSED)) },
      ),
    );
  }
}
