// The one CSV writer: every CSV qungui writes is for a person who opens it in Excel.
// UTF-8 with a BOM (Excel reads the Chinese), CRLF (as Excel writes), and a formula guard on every
// cell: a cell starting with = + - @, tab or CR would be run as a formula (CSV injection), so
// csv-stringify prefixes it with an apostrophe. Numbers stay numbers (a negative number is not a formula).
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

export function excelCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows as CsvCell[][], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    // csv-stringify quotes a field holding the delimiter or a quote; a line break inside a field must
    // be quoted too, or Excel starts a new row there.
    quoted_match: /[\r\n]/,
  });
}
