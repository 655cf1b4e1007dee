// The parts of a workbook that exceljs reads, as one zip stream in the order it needs them.
//
// exceljs's streaming reader takes the zip in stored order. Excel stores the shared strings after
// the sheets, so exceljs would first copy each sheet, personal data and all, to the system temp
// folder; and its stream loses the final entry of some zips (an open exceljs bug), which is how a
// workbook's text cells could come back empty. Handing it the relationships, workbook, shared
// strings and styles first, then the sheets, then an empty entry to lose, avoids both: sheets
// stream straight from the file, and nothing it needs is last. The entries' bytes are copied as
// stored (still compressed); only their order changes.
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ZipDirectory, ZipEntry } from './zip-directory.js';

const LEADING_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const CHUNK = 1024 * 1024;

/** An empty stored entry, then an empty central directory: the end of the stream exceljs sees. */
function streamEnd(): Buffer {
  const name = Buffer.from('qungui-end');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4); // version needed: 1.0, stored
  local.writeUInt16LE(0x21, 12); // date 1980-01-01
  local.writeUInt16LE(name.length, 26);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return Buffer.concat([local, name, end]);
}

/** The parts in reading order, each with the byte range it occupies (header, data, descriptor). */
export function partsInReadingOrder(directory: ZipDirectory): { entry: ZipEntry; end: number }[] {
  const byOffset = [...directory.entries].sort((a, b) => a.offset - b.offset);
  const ends = new Map<ZipEntry, number>();
  for (const [i, entry] of byOffset.entries()) ends.set(entry, byOffset[i + 1]?.offset ?? directory.directoryOffset);
  const named = new Map(directory.entries.map((entry) => [entry.name, entry]));
  const leading = LEADING_PARTS.map((name) => named.get(name)).filter((entry) => entry !== undefined);
  const sheets = directory.entries.filter((entry) => SHEET.test(entry.name)).sort((a, b) => Number(SHEET.exec(a.name)![1]) - Number(SHEET.exec(b.name)![1]));
  return [...leading, ...sheets].map((entry) => ({ entry, end: ends.get(entry)! }));
}

export function workbookInReadingOrder(handle: FileHandle, directory: ZipDirectory): Readable {
  const parts = partsInReadingOrder(directory);
  return Readable.from(
    (async function* () {
      for (const { entry, end } of parts) {
        for (let at = entry.offset; at < end; ) {
          const { bytesRead, buffer } = await handle.read(Buffer.alloc(Math.min(CHUNK, end - at)), 0, Math.min(CHUNK, end - at), at);
          if (bytesRead === 0) break;
          yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
          at += bytesRead;
        }
      }
      yield streamEnd();
    })(),
    { objectMode: false },
  );
}
