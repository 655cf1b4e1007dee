// Opens a month's bundle folder: finds each table's files (by name, or through bundle.yaml), reads
// them lazily, coerces every row against its table's schema and accounts for every row read:
// read = accepted + rejected, always. Messages are streamed, never held in memory.
import { existsSync, lstatSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { Bundle, MessageRow, ReadBundleOptions, RejectedRow, TableCounts, TableName, TableRows } from './bundle-types.js';
import { readManifest } from './manifest.js';
import { bundleRoot, fileInsideBundle } from './bundle-paths.js';
import { cannotRead, recordsOf, type ResolvedSource } from './source-records.js';
import { collectRecalls } from './formats/wecom-archive.js';
import { RowChecker } from './row-check.js';
import { blockBytes as currentBlockBytes, messagesFromWorkers, messageWorkerFor, readerCount } from './threads/message-thread.js';
import { isSplittable, planBlocks } from './threads/message-blocks.js';
import { detectEncoding } from './read-records.js';
import { rowOf } from './coerce-row.js';
import { rowSites } from './row-lifetimes.js';
import { TABLES } from './table-specs.js';
import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';

const EXTENSIONS: [string, 'csv' | 'jsonl' | 'xlsx'][] = [
  ['.csv', 'csv'],
  ['.jsonl', 'jsonl'],
  ['.xlsx', 'xlsx'],
];

/** Each table's files, resolved and confined to the bundle (also what `qungui watch` follows). */
export async function resolveSources(dir: string): Promise<ResolvedSource[]> {
  const manifest = await readManifest(dir);
  const root = await bundleRoot(dir);
  const out: ResolvedSource[] = [];
  if (manifest) {
    for (const source of manifest) {
      const what = `bundle.yaml: tables.${source.table}`;
      const files = (await glob(source.file, { cwd: dir, absolute: true })).sort();
      if (files.length === 0)
        throw new LocalizedError(localized('{what} 的文件 {file} 不存在', '{what}: no file matches {file}', { what, file: String(source.file) }));
      for (const match of files) {
        const display = relative(dir, match).split(sep).join('/');
        const path = await fileInsideBundle(root, match, what, files.length === 1 && display === source.file ? source.file : `${display}（${source.file}）`);
        const format = source.format ?? EXTENSIONS.find(([ext]) => match.toLowerCase().endsWith(ext))?.[1];
        if (!format)
          throw new LocalizedError(
            localized('bundle.yaml: 无法判断 {file} 的格式，请写明 format', 'bundle.yaml: give a format for {file}', { file: String(source.file) }),
          );
        out.push({ ...source, format, path, display });
      }
    }
    return out;
  }
  for (const table of TABLES) {
    for (const [ext, format] of EXTENSIONS) {
      const name = `${table}${ext}`;
      // lstat, not exists: a dangling link named like a table is refused, not taken for a missing table.
      if (!lstatSync(join(dir, name), { throwIfNoEntry: false })) continue;
      const path = await fileInsideBundle(root, join(dir, name), `${table}（${name}）`, name);
      out.push({ table, file: name, format, path, display: name });
    }
  }
  return out;
}

export async function openBundle(dir: string, options: ReadBundleOptions): Promise<Bundle> {
  if (!existsSync(dir)) throw new LocalizedError(localized('数据文件夹不存在：{dir}', 'bundle folder not found: {dir}', { dir }));
  const sources = await resolveSources(dir);
  const present = new Set<TableName>(sources.map((s) => s.table));
  const rejected: RejectedRow[] = [];
  const counts: Partial<Record<TableName, TableCounts>> = {};
  const loaded = new Map<TableName, Promise<unknown[]>>();
  let messagesCounted = false;
  let bytesRead = 0;
  const messageSources = sources.filter((s) => s.table === 'messages');
  const messageSizes = messageSources.map((s) => statSync(s.path, { throwIfNoEntry: false })?.size ?? 0);
  const bytesTotal = messageSizes.reduce((n, size) => n + size, 0);

  const count = (table: TableName) => (counts[table] ??= { read: 0, accepted: 0, rejected: 0 });

  /** Accepted rows of a table, one array per batch read from disk (the caller loops synchronously). */
  async function* rowBatchesOf(table: TableName, account: boolean): AsyncGenerator<Record<string, unknown>[]> {
    // Counted on the accounting pass only.
    const checker = new RowChecker({
      table,
      zone: options.timezone,
      ...(options.month ? { month: options.month } : {}),
      ...(account ? { counts: count(table) } : {}),
      rejected,
    });
    const streamed = table === 'messages';
    const sites = rowSites(streamed);
    for (const source of sources.filter((s) => s.table === table)) {
      for await (const batch of recordsOf(
        source,
        streamed
          ? (n) => {
              bytesRead += n;
            }
          : undefined,
      )) {
        const accepted = sites.batch<Record<string, unknown>>();
        for (const raw of batch) {
          if (!checker.check(raw, source.display)) continue;
          accepted.push(rowOf(checker.spec, checker.values, sites.ref(source.display, raw.line), streamed));
        }
        if (accepted.length) yield accepted;
      }
    }
    if (streamed && account) messagesCounted = true;
  }

  async function* messages(): AsyncGenerator<MessageRow> {
    for await (const batch of messageBatches()) yield* batch;
  }

  function messageBatches(): AsyncIterable<MessageRow[]> {
    // Rows are counted (and rejects recorded) on the first complete pass only.
    const account = !messagesCounted;
    const worker = messageWorkerFor(bytesTotal);
    if (!worker) return rowBatchesOf('messages', account) as AsyncIterable<unknown> as AsyncIterable<MessageRow[]>;
    return threadBatches(worker, account);
  }

  /** Messages read by reader threads (message-thread.ts), large JSONL files cut into blocks. */
  async function* threadBatches(worker: URL, account: boolean): AsyncGenerator<MessageRow[]> {
    // A file whose encoding cannot be told is one block: its reader fails on it and names it.
    const encodings = await Promise.all(messageSources.map((s) => detectEncoding(s.path).catch(() => 'unknown')));
    const splittable = messageSources.map((s, i) => isSplittable(s, encodings[i]!));
    const blockBytes = currentBlockBytes();
    const blocks = planBlocks(
      messageSources.map((_, i) => ({ size: messageSizes[i]!, splittable: splittable[i]! })),
      blockBytes,
    );
    // A WeCom archive read in blocks needs its recalls first (a recall names an earlier message).
    const recalls: Record<number, string[]> = {};
    for (const [i, source] of messageSources.entries()) {
      if (!splittable[i] || source.format !== 'wecom-archive' || !blocks.some((b) => b.source === i && b.range)) continue;
      try {
        recalls[i] = [...(await collectRecalls(source.path))];
      } catch (error) {
        throw cannotRead(source, error);
      }
    }
    const plan = {
      sources: messageSources,
      sizes: messageSizes,
      blocks,
      zone: options.timezone,
      ...(options.month ? { month: options.month } : {}),
      account,
      recalls,
    };
    yield* messagesFromWorkers(worker, plan, readerCount(blocks.length), { counts: account ? count('messages') : undefined, rejected }, (n) => {
      bytesRead += n;
    });
    if (account) messagesCounted = true;
  }

  return {
    present,
    get rejected() {
      return rejected;
    },
    get counts() {
      return counts;
    },
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
