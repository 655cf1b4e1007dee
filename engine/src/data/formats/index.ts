// Source formats beyond plain CSV/JSONL/XLSX, named by bundle.yaml `format:`. Each turns one export
// file into raw records of a bundle table (issue 5: WeCom archive, WeCom group details, MemoTrace).
import type { RawRecord } from '../read-records.js';
import type { TableSource } from '../manifest.js';

export type SourceFormatReader = (path: string, source: TableSource) => AsyncIterable<RawRecord>;

export const sourceFormats: Partial<Record<'wecom-archive' | 'wecom-groupchat' | 'memotrace-csv', SourceFormatReader>> = {};
