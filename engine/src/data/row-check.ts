// The checks every row read passes before it is evaluated, and the accounting of every line:
// read = accepted + rejected (+ skipped by design). Coercion against the table's schema, and for
// messages a duplicate id (64-bit hashes, message-id-set.ts) or a time outside the month. Shared by
// the in-thread reader (open-bundle.ts) and the message reader thread (message-worker.ts), so a run
// accepts and rejects the same rows whichever reads them.
import type { RejectedRow, TableCounts, TableName } from './bundle-types.js';
import { coerceValues } from './coerce-row.js';
import { MessageIdSet } from './message-id-set.js';
import { monthBounds } from './month-bounds.js';
import type { RawRecord } from './read-records.js';
import { tableSpecs, type TableSpec } from './table-specs.js';

export interface CheckOptions {
  table: TableName;
  /** IANA zone for times without an offset. */
  zone: string;
  /** YYYY-MM: messages sent outside the month (in `zone`) are rejected. */
  month?: string;
  /** Where counts and rejects go; undefined on a pass that is not counted (the second read of messages). */
  counts?: TableCounts;
  rejected: RejectedRow[];
}

export class RowChecker {
  readonly spec: TableSpec;
  /** The accepted row's values by field index: reused, read them before the next check. */
  readonly values: unknown[];
  private readonly seen: MessageIdSet | undefined;
  private readonly idField: number;
  private readonly sentField: number;
  private readonly bounds: { start: number; end: number } | undefined;

  constructor(private readonly options: CheckOptions) {
    this.spec = tableSpecs[options.table];
    this.values = new Array<unknown>(this.spec.fields.length);
    this.seen = options.table === 'messages' ? new MessageIdSet() : undefined;
    this.idField = this.spec.fields.findIndex((f) => f.name === 'message_id');
    this.sentField = this.spec.fields.findIndex((f) => f.name === 'sent_at');
    this.bounds = options.month ? monthBounds(options.month, options.zone) : undefined;
  }

  /** True when the record is accepted (its values are in `values`); skipped and rejected lines are counted. */
  check(raw: RawRecord, file: string): boolean {
    const c = this.options.counts;
    if ('skip' in raw) {
      if (c) {
        c.read++;
        c.skipped = (c.skipped ?? 0) + 1;
        c.skippedReasons ??= {};
        c.skippedReasons[raw.skip['zh-CN']] = (c.skippedReasons[raw.skip['zh-CN']] ?? 0) + 1;
      }
      return false;
    }
    if ('problem' in raw) return this.reject(file, raw.line, undefined, raw.problem);
    const values = this.values;
    const rejection = coerceValues(this.spec, raw.record, this.options.zone, values);
    if (rejection) return this.reject(file, raw.line, rejection.field, rejection.reason);
    if (this.seen) {
      const id = values[this.idField] as string;
      if (!this.seen.add(id)) return this.reject(file, raw.line, 'message_id', { 'zh-CN': `消息 ID ${id} 重复`, en: `duplicate message id ${id}` });
      const sent = values[this.sentField] as number;
      const bounds = this.bounds;
      if (bounds && (sent < bounds.start || sent >= bounds.end)) {
        return this.reject(file, raw.line, 'sent_at', { 'zh-CN': `发送时间不在 ${this.options.month} 内`, en: `sent outside ${this.options.month}` });
      }
    }
    if (c) {
      c.read++;
      c.accepted++;
    }
    return true;
  }

  private reject(file: string, line: number, field: string | undefined, reason: RejectedRow['reason']): false {
    const c = this.options.counts;
    if (c) {
      c.read++;
      c.rejected++;
      this.options.rejected.push({ table: this.options.table, file, line, ...(field ? { field } : {}), reason });
    }
    return false;
  }
}
