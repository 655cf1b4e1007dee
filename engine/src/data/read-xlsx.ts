// Streams the rows of one worksheet. exceljs inflates the workbook as it goes, fed the parts in the
// order it needs them (xlsx-part-order.ts). The shared strings (every distinct text cell, one per
// message in a chat export) are kept in a SharedStrings store rather than exceljs's cache, which
// holds each text as a slice of the parser's chunk and so keeps every chunk alive: a workbook of
// unique messages then costs several times its strings in memory.
import { open } from 'node:fs/promises';
import type { CellValue } from 'exceljs';
import { headerNames } from './header-names.js';
import type { RawRecord, ReadOptions } from './raw-record.js';
import { SharedStrings } from './shared-strings.js';
import { checkXlsxSizes } from './xlsx-limits.js';
import { workbookInReadingOrder } from './xlsx-part-order.js';
import { readZipDirectory } from './zip-directory.js';
import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';

/** A shared string as exceljs emits it: plain, or runs of rich text. */
type SharedText = string | { richText: { text: string }[] } | null | undefined;

/** What exceljs's `parse()` yields: a shared string (no event type) or a part of the workbook. */
type ParseItem = { eventType?: undefined; index: number; text: SharedText } | { eventType: string; value: unknown };

/** The parts of exceljs's streaming readers that its typings leave out. */
interface SheetReader extends AsyncIterable<import('exceljs').Row> {
  name: string;
}
interface WorkbookReader {
  parse(): AsyncIterable<ParseItem>;
  model?: { sheets?: { name: string }[] };
  /** Indexed by each sheet to resolve its text cells. */
  sharedStrings?: string[];
}

function sharedText(text: SharedText): string {
  if (typeof text === 'string') return text;
  if (text && Array.isArray(text.richText)) return text.richText.map((run) => run.text ?? '').join('');
  return '';
}

function cellValue(value: CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result as CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return value.text;
    if ('error' in value) return undefined;
  }
  return value;
}

export async function* readXlsx(path: string, options: ReadOptions): AsyncGenerator<RawRecord> {
  const handle = await open(path, 'r');
  try {
    const directory = await readZipDirectory(handle);
    if (directory) checkXlsxSizes(directory);
    // Loaded on the first workbook read (bundles of CSV and JSONL never need it).
    const { default: ExcelJS } = await import('exceljs');
    // Styles are read so date-formatted cells come back as dates. Shared strings are emitted into
    // `strings`, which exceljs's sheets index: they come before every sheet in the stream.
    const input = directory ? workbookInReadingOrder(handle, directory) : path;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'emit',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as WorkbookReader;
    const strings = new SharedStrings();
    reader.sharedStrings = strings.lookup;
    yield* sheetRows(reader, strings, path, options);
  } finally {
    await handle.close();
  }
}

async function* sheetRows(reader: WorkbookReader, strings: SharedStrings, path: string, options: ReadOptions): AsyncGenerator<RawRecord> {
  const headerRow = options.headerRow ?? 1;
  const names: string[] = [];
  let found = false;
  for await (const item of reader.parse()) {
    if (item.eventType === undefined) {
      strings.set(item.index, sharedText(item.text));
      continue;
    }
    if (item.eventType !== 'worksheet') continue;
    const sheet = item.value as SheetReader;
    names.push(sheet.name);
    // Without a sheet name, the first sheet in the workbook's own order (the zip's order, if unknown).
    const wanted = options.sheet ?? reader.model?.sheets?.[0]?.name ?? names[0];
    if (found || sheet.name !== wanted) continue;
    found = true;
    const header: string[] = [];
    for await (const row of sheet) {
      if (row.number < headerRow) continue;
      if (row.number === headerRow) {
        const titles: unknown[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          titles[column - 1] = cellValue(cell.value);
        });
        headerNames(titles, options.columns).forEach((name, i) => {
          header[i + 1] = name;
        });
        continue;
      }
      if (!row.hasValues) continue;
      const record: Record<string, unknown> = {};
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const title = header[column];
        if (title) record[title] = cellValue(cell.value);
      });
      yield { line: row.number, record };
    }
  }
  if (!found) {
    const list = names.join('、');
    if (options.sheet === undefined) throw new LocalizedError(localized('{path}: 工作簿中没有工作表', '{path}: the workbook has no sheets', { path }));
    throw new LocalizedError(
      localized('{path}: 找不到工作表 {sheet}（有：{list}）', '{path}: no sheet named {sheet} (sheets: {list})', { path, sheet: String(options.sheet), list }),
    );
  }
}
