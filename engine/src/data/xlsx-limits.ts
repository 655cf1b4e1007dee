// A workbook is a zip: a small file can inflate to gigabytes, and exceljs keeps the shared strings
// (every distinct text cell) in memory. The sizes the zip's central directory declares are checked
// before anything is inflated, and a workbook over a limit is refused with its name.
import { open } from 'node:fs/promises';

/** Everything the workbook inflates to. */
export const MAX_XLSX_UNCOMPRESSED = 1024 * 1024 * 1024;
/** xl/sharedStrings.xml inflated: held whole in memory while the sheet streams. */
export const MAX_SHARED_STRINGS = 100 * 1024 * 1024;

const MB = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** Throws, naming the file, when the workbook's declared sizes pass a limit; silent for what is not a zip (exceljs says so). */
export async function checkXlsxSizes(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    // The end-of-central-directory record: 22 bytes and a comment of at most 64 KB, at the end.
    const tail = Buffer.alloc(Math.min(size, 22 + 0xffff));
    await handle.read(tail, 0, tail.length, size - tail.length);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd === -1 || eocd + 22 > tail.length) return;
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset + directorySize > size) return;
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    let total = 0;
    for (let at = 0; at + 46 <= directory.length && directory.readUInt32LE(at) === 0x02014b50;) {
      const inflated = directory.readUInt32LE(at + 24); // 0xffffffff (zip64) counts as over every limit
      const nameLength = directory.readUInt16LE(at + 28);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      total += inflated;
      if (name.toLowerCase() === 'xl/sharedstrings.xml' && inflated > MAX_SHARED_STRINGS) {
        throw new Error(`工作簿的共享字符串解压后 ${MB(inflated)}，超过上限 ${MB(MAX_SHARED_STRINGS)}，未读取；请把工作表另存为 CSV / the workbook's shared strings inflate to ${MB(inflated)}, over the ${MB(MAX_SHARED_STRINGS)} limit: not read; save the sheet as CSV`);
      }
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    if (total > MAX_XLSX_UNCOMPRESSED) {
      throw new Error(`工作簿解压后 ${MB(total)}，超过上限 ${MB(MAX_XLSX_UNCOMPRESSED)}，未读取；请把工作表另存为 CSV / the workbook inflates to ${MB(total)}, over the ${MB(MAX_XLSX_UNCOMPRESSED)} limit: not read; save the sheet as CSV`);
    }
  } finally {
    await handle.close();
  }
}
