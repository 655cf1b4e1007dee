// The workbooks qungui writes (report.xlsx, trend.xlsx), made one way: fitted widths, wrapped long
// texts, frozen and filterable headers, the worst rating in red, landscape pages fitted to width, real
// dates. Byte-identical for the same content: fixed document dates, and the zip entries' timestamps
// pinned (exceljs stamps them with the clock).
import type { Workbook, Worksheet } from 'exceljs';

const FIXED = new Date(Date.UTC(2000, 0, 1));
const WORST_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8D7D6' } } as const;
const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEFF2' } } as const;
/** Columns wider than this wrap their text instead of growing (in Excel's character widths). */
const MAX_WIDTH = 60;

export type Cell = string | number | Date | null;

/** "2026-10-19 11:00" (a wall time in the policy's zone) as the Excel date with that wall time. */
export function wallDate(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!)) : text;
}

/** Display width of a text: CJK and full-width characters take two columns. */
function widthOf(value: Cell): number {
  if (value === null) return 0;
  if (value instanceof Date) return 16;
  let width = 0;
  for (const ch of String(value)) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

export interface Book {
  sheet(name: string, head: readonly string[], rows: Cell[][], options?: { worst?: (row: number, column: number) => boolean }): Worksheet;
  /** The workbook's bytes, the same for the same sheets. */
  bytes(): Promise<Buffer>;
}

export async function newBook(): Promise<Book> {
  // Loaded when a workbook is asked for: exceljs is the largest module, and most runs write none.
  const { default: ExcelJS } = await import('exceljs');
  const workbook: Workbook = new ExcelJS.Workbook();
  workbook.creator = 'qungui';
  workbook.created = FIXED;
  workbook.modified = FIXED;
  const sheet: Book['sheet'] = (name, head, rows, options = {}) => {
    const ws = workbook.addWorksheet(name);
    const header = ws.addRow([...head]);
    header.font = { bold: true };
    header.eachCell((c) => {
      c.fill = HEAD_FILL;
    });
    rows.forEach((row, r) => {
      const added = ws.addRow(row);
      row.forEach((value, c) => {
        const cell = added.getCell(c + 1);
        if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm';
        if (options.worst?.(r, c)) cell.fill = WORST_FILL;
      });
    });
    head.forEach((h, c) => {
      const width = Math.max(widthOf(h), ...rows.map((row) => widthOf(row[c] ?? null)));
      const column = ws.getColumn(c + 1);
      column.width = Math.min(MAX_WIDTH, Math.max(6, width + 2));
      if (width > MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
    });
    // Header row frozen and filterable: HR sorts and filters by group, rating or clause.
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, head.length) } };
    ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
    return ws;
  };
  return { sheet, bytes: async () => pinZipTimestamps(Buffer.from(await workbook.xlsx.writeBuffer())) };
}

/** Sets every local and central zip header's DOS time/date to 1980-01-01 00:00 (deterministic bytes). */
export function pinZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (let i = 0; i + 30 <= out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50) {
      // local file header: time at 10, date at 12
      out.writeUInt16LE(0, i + 10);
      out.writeUInt16LE(DOS_DATE, i + 12);
      const nameLength = out.readUInt16LE(i + 26);
      const extraLength = out.readUInt16LE(i + 28);
      i += 29 + nameLength + extraLength;
    } else if (signature === 0x02014b50 && i + 46 <= out.length) {
      // central directory: time at 12, date at 14
      out.writeUInt16LE(0, i + 12);
      out.writeUInt16LE(DOS_DATE, i + 14);
      i += 45 + out.readUInt16LE(i + 28) + out.readUInt16LE(i + 30) + out.readUInt16LE(i + 32);
    }
  }
  return out;
}
