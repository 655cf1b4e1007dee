import type { LocalizedText } from '../diagnostics/diagnostic.js';
// What every reader yields: a record, a problem (a rejected line) or a skip, with its 1-based line;
// and the options a reader takes from the bundle.

export type RawRecord =
  | { line: number; record: Record<string, unknown> }
  | { line: number; problem: LocalizedText }
  /** A line that is not a row of this table by design (a 1:1 chat in a group archive): counted, not rejected. */
  | { line: number; skip: LocalizedText };

export interface ReadOptions {
  format: 'csv' | 'jsonl' | 'xlsx';
  /** XLSX: sheet name (default: the first sheet). */
  sheet?: string;
  /** 1-based row of the header (CSV and XLSX), default 1. */
  headerRow?: number;
  /** Source column name → table field name (bundle.yaml `columns`). */
  columns?: Record<string, string>;
  /** Called with the size of each chunk read from disk (progress). */
  onBytes?: (bytes: number) => void;
  /** Rows that die young (messages, streamed): made at allocation sites of their own (row-lifetimes.ts). */
  streamed?: boolean;
}
