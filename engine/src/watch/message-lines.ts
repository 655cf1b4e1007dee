// A line of a followed message file → a message row, through the monthly reader's own steps: the
// format's line reader (JSONL with bundle.yaml's column names, or the WeCom archive), then the row
// check against the messages schema (row-check.ts, stage 1). A line that is no message comes back as
// its rejection (file, line, reason), a line that is no group message by design as a skip.
import type { MessageRow, RejectedRow, TableCounts } from '../data/bundle-types.js';
import { rowOf } from '../data/coerce-row.js';
import { archiveRecord } from '../data/formats/wecom-archive.js';
import type { RawRecord } from '../data/raw-record.js';
import { jsonlRecord } from '../data/read-records.js';
import { RowChecker } from '../data/row-check.js';
import { rowSites } from '../data/row-lifetimes.js';
import type { ResolvedSource } from '../data/source-records.js';
import { REPLACEMENT, unreadableLine } from '../data/unreadable-line.js';
import { lineTooLong } from '../data/line-limit.js';

/** The formats a watcher can follow: one message a line, appended at the end. */
export const FOLLOWED_FORMATS: ReadonlySet<string> = new Set(['jsonl', 'wecom-archive']);

export type LineOutcome = { message: MessageRow } | { rejected: RejectedRow } | { skipped: true } | undefined;

/** Recall notices name messages already read and alerted: nothing is marked recalled afterwards. */
const NO_RECALLS: ReadonlySet<string> = new Set();

export class MessageLines {
  private readonly rejected: RejectedRow[] = [];
  private readonly counts: TableCounts = { read: 0, accepted: 0, rejected: 0 };
  private readonly checker: RowChecker;
  private readonly sites = rowSites(true);

  constructor(zone: string) {
    this.checker = new RowChecker({ table: 'messages', zone, counts: this.counts, rejected: this.rejected });
  }

  read(source: ResolvedSource, line: number, text: string): LineOutcome {
    const raw = text.includes(REPLACEMENT) ? unreadableLine(line) : recordOf(source, line, text);
    return raw ? this.check(raw, source) : undefined;
  }

  /** A line longer than any message (skipped unread). */
  tooLong(source: ResolvedSource, line: number): LineOutcome {
    return this.check(lineTooLong(line), source);
  }

  private check(raw: RawRecord, source: ResolvedSource): LineOutcome {
    const skippedBefore = this.counts.skipped ?? 0;
    if (this.checker.coerce(raw, source.display))
      return { message: rowOf(this.checker.spec, this.checker.values, this.sites.ref(source.display, raw.line), true) as unknown as MessageRow };
    if ((this.counts.skipped ?? 0) > skippedBefore) return { skipped: true };
    const rejected = this.rejected.pop();
    return rejected ? { rejected } : { skipped: true };
  }
}

function recordOf(source: ResolvedSource, line: number, text: string): RawRecord | undefined {
  return source.format === 'wecom-archive' ? archiveRecord(line, text, NO_RECALLS) : jsonlRecord(line, text, source.columns, true);
}
