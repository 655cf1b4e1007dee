// The checks every row read passes before it is evaluated, and the accounting of every line:
// read = accepted + rejected (+ skipped by design). Two stages, in this order:
//   1. `coerce`: the record against its table's schema (a line that is no record, a missing or
//      malformed field) — per row, so the message reader threads run it on their own blocks;
//   2. `admit` (messages): a duplicate id (64-bit hashes, message-id-set.ts), then a time outside the
//      month — in file order across all blocks, so it runs where the blocks meet again (the main thread).
// `check` runs both (the in-thread reader, open-bundle.ts). Either way a run accepts and rejects the
// same rows, and the counts of the two stages add up: each line is counted once, where it is decided.
import type { RejectedRow, TableCounts, TableName } from './bundle-types.js';
import { coerceValues } from './coerce-row.js';
import { MessageIdSet } from './message-id-set.js';
import { monthBounds } from './month-bounds.js';
import type { RawRecord } from './raw-record.js';
import { tableSpecs, type TableSpec } from './table-specs.js';
import { hashId, idHash } from '../util/id-hash.js';
import { localized } from '../i18n/localized-text.js';

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
  /** The coerced row's values by field index: reused, read them before the next record. */
  readonly values: unknown[];
  /** Messages: the 64-bit hash of the last coerced row's id (idHash's halves), for `admit`. */
  hashHigh = 0;
  hashLow = 0;
  readonly idField: number;
  readonly sentField: number;
  private seen: MessageIdSet | undefined;
  private readonly bounds: { start: number; end: number } | undefined;
  private readonly isMessages: boolean;

  constructor(private readonly options: CheckOptions) {
    this.spec = tableSpecs[options.table];
    this.values = new Array<unknown>(this.spec.fields.length);
    this.isMessages = options.table === 'messages';
    this.idField = this.spec.fields.findIndex((f) => f.name === 'message_id');
    this.sentField = this.spec.fields.findIndex((f) => f.name === 'sent_at');
    this.bounds = options.month ? monthBounds(options.month, options.zone) : undefined;
  }

  /** Both stages: true when the record is accepted (its values are in `values`). */
  check(raw: RawRecord, file: string): boolean {
    if (!this.coerce(raw, file)) return false;
    return (
      !this.isMessages || this.admit(this.hashHigh, this.hashLow, this.values[this.idField] as string, this.values[this.sentField] as number, file, raw.line)
    );
  }

  /** Stage 1: true when the record has the table's shape (values in `values`, a message's id hash in
   *  hashHigh/hashLow). Skipped and rejected lines are counted here; a true is counted by `admit`
   *  (messages) or here (other tables). */
  coerce(raw: RawRecord, file: string): boolean {
    if ('skip' in raw) {
      const c = this.options.counts;
      if (c) {
        c.read++;
        c.skipped = (c.skipped ?? 0) + 1;
        c.skippedReasons ??= {};
        const entry = (c.skippedReasons[raw.skip['zh-CN']] ??= { reason: raw.skip, count: 0 });
        entry.count++;
      }
      return false;
    }
    if ('problem' in raw) return this.reject(file, raw.line, undefined, raw.problem);
    const rejection = coerceValues(this.spec, raw.record, this.options.zone, this.values);
    if (rejection) return this.reject(file, raw.line, rejection.field, rejection.reason, rejection.value);
    if (this.isMessages) {
      hashId(this.values[this.idField] as string);
      this.hashHigh = idHash[0]!;
      this.hashLow = idHash[1]!;
    } else this.accept();
    return true;
  }

  /** Stage 2 for a coerced message, in file order: false (counted, recorded) for a duplicate id or a
   *  time outside the month. */
  admit(hashHigh: number, hashLow: number, id: string, sent: number, file: string, line: number): boolean {
    if (!(this.seen ??= new MessageIdSet()).addHash(hashHigh, hashLow))
      return this.reject(file, line, 'message_id', localized('消息 ID {id} 重复', 'duplicate message id {id}', { id }));
    const bounds = this.bounds;
    if (bounds && (sent < bounds.start || sent >= bounds.end)) {
      return this.reject(file, line, 'sent_at', localized('发送时间不在 {month} 内', 'sent outside {month}', { month: String(this.options.month) }));
    }
    this.accept();
    return true;
  }

  /** Room for `ids` message ids in all, so a month's id table is made once at its size (or, asked
   *  again with a better estimate, given only what is missing) instead of grown layer by layer. */
  expect(ids: number): void {
    (this.seen ??= new MessageIdSet()).reserve(ids);
  }

  private accept(): void {
    const c = this.options.counts;
    if (c) {
      c.read++;
      c.accepted++;
    }
  }

  private reject(file: string, line: number, field: string | undefined, reason: RejectedRow['reason'], value?: string): false {
    const c = this.options.counts;
    if (c) {
      c.read++;
      c.rejected++;
      this.options.rejected.push({ table: this.options.table, file, line, ...(field ? { field } : {}), reason, ...(value !== undefined ? { value } : {}) });
    }
    return false;
  }
}
