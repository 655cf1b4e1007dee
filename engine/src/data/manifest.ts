// bundle.yaml: maps a month's real exports onto the bundle tables without editing them — a file or glob
// per table, a source format, a sheet, the header row and Chinese column names.
//
//   tables:
//     employees: { file: 花名册.xlsx, sheet: 在职员工, headerRow: 3, columns: { 工号: employee_id, 姓名: name } }
//     messages:  { file: "archive/*.jsonl", format: jsonl }
//   timezone: Asia/Shanghai   # optional: the zone of times without an offset
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { TableName } from './bundle-types.js';
import { TABLES } from './table-specs.js';
import { isKnownZone } from './parse-time.js';
import { bundleRoot, fileInsideBundle } from './bundle-paths.js';
import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';

export type SourceFormat = 'csv' | 'jsonl' | 'xlsx' | 'wecom-archive' | 'wecom-groupchat' | 'memotrace-csv';

export interface TableSource {
  table: TableName;
  /** File name or glob, relative to the bundle folder. */
  file: string;
  format?: SourceFormat;
  sheet?: string;
  headerRow?: number;
  columns?: Record<string, string>;
  /** memotrace-csv: the chat room id the export belongs to (MemoTrace exports one chat per file). */
  groupId?: string;
  /** memotrace-csv: the exporter's own id, for their messages (IsSender 1) that carry no Sender. */
  selfId?: string;
}

export class ManifestError extends LocalizedError {}

const FORMATS: SourceFormat[] = ['csv', 'jsonl', 'xlsx', 'wecom-archive', 'wecom-groupchat', 'memotrace-csv'];

/** bundle.yaml parsed (null when empty), or undefined when the folder has none. */
async function readBundleYaml(dir: string): Promise<unknown> {
  const path = join(dir, 'bundle.yaml');
  if (!(await lstat(path).catch(() => undefined))) return undefined;
  // bundle.yaml too is read only from inside the folder: a parse error would quote the lines of another file.
  const text = await readFile(await fileInsideBundle(await bundleRoot(dir), path, 'bundle.yaml', 'bundle.yaml'), 'utf8');
  try {
    return parse(text, { maxAliasCount: 100 }) ?? null;
  } catch (error) {
    throw new ManifestError(`bundle.yaml: ${(error as Error).message}`);
  }
}

export async function readManifest(dir: string): Promise<TableSource[] | undefined> {
  const value = await readBundleYaml(dir);
  if (value === undefined) return undefined;
  const tables = (value as { tables?: unknown } | null)?.tables;
  // A bundle.yaml may only set the time zone; the tables then keep their default file names.
  if (tables === undefined && typeof (value as { timezone?: unknown } | null)?.timezone === 'string') return undefined;
  if (!tables || typeof tables !== 'object') throw new ManifestError(localized('bundle.yaml: 需要 tables 映射', 'bundle.yaml: needs a "tables" mapping'));
  const sources: TableSource[] = [];
  for (const [table, raw] of Object.entries(tables as Record<string, unknown>)) {
    if (!TABLES.includes(table as TableName))
      throw new ManifestError(
        localized('bundle.yaml: 未知的表 {table}（可用：{TABLES}）', 'bundle.yaml: unknown table {table} (tables: {tablesEn})', {
          table,
          TABLES: TABLES.join('、'),
          tablesEn: TABLES.join(', '),
        }),
      );
    const entries = Array.isArray(raw) ? raw : [raw];
    for (const entry of entries) {
      const spec = (typeof entry === 'string' ? { file: entry } : entry) as Partial<TableSource>;
      if (!spec || typeof spec.file !== 'string')
        throw new ManifestError(localized('bundle.yaml: tables.{table} 需要 file', 'bundle.yaml: tables.{table} needs "file"', { table }));
      if (spec.format !== undefined && !FORMATS.includes(spec.format))
        throw new ManifestError(
          localized(
            'bundle.yaml：tables.{table}.format 无效：{format}（可用：{formats}）',
            'bundle.yaml: tables.{table}.format is not a format: {format} (formats: {formatsEn})',
            { table, format: String(spec.format), formats: FORMATS.join('、'), formatsEn: FORMATS.join(', ') },
          ),
        );
      if (spec.headerRow !== undefined && !(Number.isInteger(spec.headerRow) && spec.headerRow >= 1))
        throw new ManifestError(
          localized('bundle.yaml：tables.{table}.headerRow 应为正整数', 'bundle.yaml: tables.{table}.headerRow must be a positive whole number', { table }),
        );
      sources.push({ ...spec, table: table as TableName, file: spec.file });
    }
  }
  return sources;
}

/**
 * bundle.yaml's `timezone`: the IANA zone of the exports' wall-clock times (those without an offset).
 * Needed when the policies evaluated together are in different zones; otherwise theirs is used.
 */
export async function readBundleTimezone(dir: string): Promise<string | undefined> {
  const value = await readBundleYaml(dir);
  const zone = (value as { timezone?: unknown } | null)?.timezone;
  if (zone === undefined) return undefined;
  if (typeof zone !== 'string' || !isKnownZone(zone))
    throw new ManifestError(
      localized('bundle.yaml: timezone {stringify} 不是有效的 IANA 时区', 'bundle.yaml: timezone {stringify} is not an IANA time zone (e.g. Asia/Shanghai)', {
        stringify: JSON.stringify(zone),
      }),
    );
  return zone;
}
