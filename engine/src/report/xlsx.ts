// The workbook view (--format xlsx): members and findings sheets. Byte-identical for the same result:
// fixed document dates, and the zip entries' timestamps pinned (exceljs stamps them with the clock).
import type { Locale } from '../diagnostics/diagnostic.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { findingTable } from './finding-table.js';
import { memberTable } from './member-table.js';
import type { LabelBook } from './labels.js';
import { say } from '../i18n/localized-text.js';

const FIXED = new Date(Date.UTC(2000, 0, 1));

export async function reportXlsx(result: EvaluationResult, book: LabelBook, locale: Locale): Promise<Buffer> {
  // Loaded when a workbook is asked for: exceljs is the largest module, and most runs write none.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'qungui';
  workbook.created = FIXED;
  workbook.modified = FIXED;
  const members = workbook.addWorksheet(say(locale, '成员', 'Members'));
  const memberRows = memberTable(result, book, locale);
  members.addRow(memberRows.head).font = { bold: true };
  for (const row of memberRows.rows) members.addRow(row);
  const findings = workbook.addWorksheet(say(locale, '发现', 'Findings'));
  const table = findingTable(result, book, locale);
  findings.addRow([...table.head]).font = { bold: true };
  for (const row of table.rows) findings.addRow(row);
  // Header row frozen and filterable: HR sorts and filters by group, rating or clause.
  for (const sheet of [members, findings]) {
    sheet.columns.forEach((column) => {
      column.width = 16;
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return pinZipTimestamps(buffer);
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
