// Opens a month's bundle folder: finds each table's files (by name, or through bundle.yaml), reads
// them lazily, coerces every row against its table's schema and accounts for every row read:
// read = accepted + rejected, always. Messages are streamed, never held in memory.
import { existsSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { Bundle, MessageRow, ReadBundleOptions, RejectedRow, TableCounts, TableName, TableRows } from './bundle-types.js';
import { coerceRow } from './coerce-row.js';
import { readManifest, type TableSource } from './manifest.js';
import { readJsonlBatches, readRecords, type RawRecord } from './read-records.js';
import { TABLES, tableSpecs } from './table-specs.js';
import { monthBounds } from './month-bounds.js';
import { sourceFormats } from './formats/index.js';
import { MessageIdSet } from './message-id-set.js';

const EXTENSIONS: [string, 'csv' | 'jsonl' | 'xlsx'][] = [['.csv', 'csv'], ['.jsonl', 'jsonl'], ['.xlsx', 'xlsx']];

interface ResolvedSource extends TableSource { path: string; display: string }

async function resolveSources(dir: string): Promise<ResolvedSource[]> {
  const manifest = await readManifest(dir);
  const out: ResolvedSource[] = [];
  if (manifest) {
    for (const source of manifest) {
      const files = (await glob(source.file, { cwd: dir, absolute: true })).sort();
      if (files.length === 0) throw new Error(`bundle.yaml: tables.${source.table} 的文件 ${source.file} 不存在 / no file matches ${source.file}`);
      for (const path of files) {
        const format = source.format ?? EXTENSIONS.find(([ext]) => path.toLowerCase().endsWith(ext))?.[1];
        if (!format) throw new Error(`bundle.yaml: 无法判断 ${source.file} 的格式，请写明 format / give a format for ${source.file}`);
        out.push({ ...source, format, path, display: relative(dir, path).split(sep).join('/') });
      }
    }
    return out;
  }
  for (const table of TABLES) {
    for (const [ext, format] of EXTENSIONS) {
      const path = join(dir, `${table}${ext}`);
      if (existsSync(path)) out.push({ table, file: basename(path), format, path, display: basename(path) });
    }
  }
  return out;
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

/** Raw records of one source in batches, through its source format when it has one (wecom-archive, …). */
function recordsOf(source: ResolvedSource, onBytes?: (n: number) => void): AsyncIterable<RawRecord[]> {
  const special = source.format ? sourceFormats[source.format as keyof typeof sourceFormats] : undefined;
  if (special) return batched(special(source.path, source));
  const options = { format: source.format as 'csv' | 'jsonl' | 'xlsx', sheet: source.sheet, headerRow: source.headerRow, columns: source.columns, streamed: source.table === 'messages', ...(onBytes ? { onBytes } : {}) };
  if (options.format === 'jsonl') return readJsonlBatches(source.path, options);
  return batched(readRecords(source.path, options));
}

export async function openBundle(dir: string, options: ReadBundleOptions): Promise<Bundle> {
  if (!existsSync(dir)) throw new Error(`数据文件夹不存在 / bundle folder not found: ${dir}`);
  const sources = await resolveSources(dir);
  const present = new Set<TableName>(sources.map((s) => s.table));
  const rejected: RejectedRow[] = [];
  const counts: Partial<Record<TableName, TableCounts>> = {};
  const loaded = new Map<TableName, Promise<unknown[]>>();
  const bounds = options.month ? monthBounds(options.month, options.timezone) : undefined;
  let messagesCounted = false;
  let bytesRead = 0;
  const bytesTotal = sources.filter((s) => s.table === 'messages').reduce((n, s) => n + (statSync(s.path, { throwIfNoEntry: false })?.size ?? 0), 0);

  const count = (table: TableName) => (counts[table] ??= { read: 0, accepted: 0, rejected: 0 });

  /** Accepted rows of a table, one array per batch read from disk (the caller loops synchronously). */
  async function* rowBatchesOf(table: TableName, account: boolean): AsyncGenerator<Record<string, unknown>[]> {
    const spec = tableSpecs[table];
    const seen = table === 'messages' ? new MessageIdSet() : undefined;
    // Counted on the accounting pass only; one counts object and one reject function per source, not per row.
    const c = account ? count(table) : undefined;
    for (const source of sources.filter((s) => s.table === table)) {
      const reject = (line: number, field: string | undefined, reason: RejectedRow['reason']) => {
        if (!c) return;
        c.read++;
        c.rejected++;
        rejected.push({ table, file: source.display, line, ...(field ? { field } : {}), reason });
      };
      for await (const batch of recordsOf(source, table === 'messages' ? (n) => { bytesRead += n; } : undefined)) {
        const accepted: Record<string, unknown>[] = seen ? [] : []; // streamed rows: see ReadOptions.streamed
        for (const raw of batch) {
          if ('skip' in raw) {
            if (c) {
              c.read++;
              c.skipped = (c.skipped ?? 0) + 1;
              c.skippedReasons ??= {};
              c.skippedReasons[raw.skip['zh-CN']] = (c.skippedReasons[raw.skip['zh-CN']] ?? 0) + 1;
            }
            continue;
          }
          if ('problem' in raw) {
            reject(raw.line, undefined, raw.problem);
            continue;
          }
          // Separate object literals for streamed messages: see ReadOptions.streamed.
          const ref = seen ? { file: source.display, line: raw.line } : { file: source.display, line: raw.line };
          const result = coerceRow(spec, raw.record, options.timezone, ref, seen !== undefined);
          if (!result.ok) {
            reject(raw.line, result.field, result.reason);
            continue;
          }
          if (seen) {
            const row = result.row as unknown as MessageRow;
            if (!seen.add(row.message_id)) {
              reject(raw.line, 'message_id', { 'zh-CN': `消息 ID ${row.message_id} 重复`, en: `duplicate message id ${row.message_id}` });
              continue;
            }
            if (bounds && (row.sent_at < bounds.start || row.sent_at >= bounds.end)) {
              reject(raw.line, 'sent_at', { 'zh-CN': `发送时间不在 ${options.month} 内`, en: `sent outside ${options.month}` });
              continue;
            }
          }
          if (c) {
            c.read++;
            c.accepted++;
          }
          accepted.push(result.row);
        }
        if (accepted.length) yield accepted;
      }
    }
    if (table === 'messages' && account) messagesCounted = true;
  }

  async function* messages(): AsyncGenerator<MessageRow> {
    for await (const batch of messageBatches()) yield* batch;
  }

  function messageBatches(): AsyncIterable<MessageRow[]> {
    // Rows are counted (and rejects recorded) on the first complete pass only.
    return rowBatchesOf('messages', !messagesCounted) as AsyncIterable<unknown> as AsyncIterable<MessageRow[]>;
  }

  return {
    present,
    get rejected() { return rejected; },
    get counts() { return counts; },
    load<T extends Exclude<TableName, 'messages'>>(table: T): Promise<TableRows[T][]> {
      let pending = loaded.get(table);
      if (!pending) {
        pending = (async () => {
          const rows: unknown[] = [];
          for await (const batch of rowBatchesOf(table, true)) for (const row of batch) rows.push(row);
          return rows;
        })();
        loaded.set(table, pending);
      }
      return pending as Promise<TableRows[T][]>;
    },
    messageProgress: () => ({ read: Math.min(bytesRead, bytesTotal), total: bytesTotal }),
    messages,
    messageBatches,
  };
}
