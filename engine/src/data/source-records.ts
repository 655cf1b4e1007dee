// Raw records of one source file, in batches: plain CSV/JSONL/XLSX through read-records.ts, or a source
// format (wecom-archive, …) batched here. Used by the bundle reader and by the message reader thread.
import { sourceFormats } from './formats/index.js';
import type { TableSource } from './manifest.js';
import { readJsonlBatches, readRecords } from './read-records.js';
import type { RawRecord } from './raw-record.js';
import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';

/** A table source resolved to one file. Plain data: it is posted to the message reader thread. */
export interface ResolvedSource extends TableSource {
  path: string;
  display: string;
}

async function* batched(records: AsyncIterable<RawRecord>, size = 512): AsyncGenerator<RawRecord[]> {
  let batch: RawRecord[] = [];
  for await (const record of records) {
    batch.push(record);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * A file of the bundle that cannot be read at all (not a workbook, unreadable bytes, a broken source
 * format): the run stops with the file named, never with a stack trace. Known by `name`, which
 * survives the trip from the message reader thread.
 */
export class SourceReadError extends LocalizedError {
  override name = 'SourceReadError';
}

/** Raw records of one source in batches; a failure to read names the file (SourceReadError). */
export async function* recordsOf(source: ResolvedSource, onBytes?: (n: number) => void): AsyncGenerator<RawRecord[]> {
  try {
    yield* rawRecordsOf(source, onBytes);
  } catch (error) {
    throw cannotRead(source, error);
  }
}

/** The error that stops a run on a file that cannot be read, naming it. */
export function cannotRead(source: ResolvedSource, error: unknown): SourceReadError {
  const message = error instanceof LocalizedError && error.text ? error.text : error instanceof Error ? error.message : String(error);
  return new SourceReadError(localized('{display}：无法读取（{message}）', '{display}: cannot be read ({message})', { display: source.display, message }));
}

/** Raw records of one source in batches, through its source format when it has one (wecom-archive, …). */
function rawRecordsOf(source: ResolvedSource, onBytes?: (n: number) => void): AsyncIterable<RawRecord[]> {
  const special = source.format ? sourceFormats[source.format as keyof typeof sourceFormats] : undefined;
  if (special) return batched(special(source.path, source));
  const options = {
    format: source.format as 'csv' | 'jsonl' | 'xlsx',
    sheet: source.sheet,
    headerRow: source.headerRow,
    columns: source.columns,
    streamed: source.table === 'messages',
    ...(onBytes ? { onBytes } : {}),
  };
  if (options.format === 'jsonl') return readJsonlBatches(source.path, options);
  return batched(readRecords(source.path, options));
}
