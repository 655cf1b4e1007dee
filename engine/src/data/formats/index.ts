// Source formats beyond plain CSV/JSONL/XLSX, named by bundle.yaml `format:`. Each turns one export
// file into raw records of a bundle table.
import type { RawRecord } from '../raw-record.js';
import type { TableSource } from '../manifest.js';
import { readMemotraceCsv } from './memotrace-csv.js';
import { readWecomArchive } from './wecom-archive.js';
import { readWecomGroupchat } from './wecom-groupchat.js';

export type SourceFormatReader = (path: string, source: TableSource) => AsyncIterable<RawRecord>;

export const sourceFormats: Record<'wecom-archive' | 'wecom-groupchat' | 'memotrace-csv', SourceFormatReader> = {
  'wecom-archive': readWecomArchive,
  'wecom-groupchat': readWecomGroupchat,
  'memotrace-csv': readMemotraceCsv,
};
