// Entry of a message reader thread (see message-thread.ts): reads the blocks it is given (one
// segment of one reader's share, message-blocks.ts), coerces each row (RowChecker stage 1,
// row-check.ts) and sends the coerced ones by column with their id hashes, then each block's line
// count, counts and rejects. Everything goes through its ReaderChannel (reader-channel.ts); it runs
// ahead of the main thread by at most IN_FLIGHT batches, waiting blocked for the main thread to take
// them (nothing else happens on this thread meanwhile). Done, it exits; what it sent stays queued.
import { closeSync, openSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import type { RejectedRow, TableCounts } from '../bundle-types.js';
import { archiveRecord } from '../formats/wecom-archive.js';
import { readBlock, type LineRecord } from './message-blocks.js';
import { MessageColumnWriter } from './message-columns.js';
import { LocalizedError } from '../../i18n/localized-error.js';
import type { WorkerInput } from './message-thread.js';
import { ReaderChannel } from './reader-channel.js';
import { jsonlRecord } from '../read-records.js';
import type { RawRecord } from '../raw-record.js';
import { RowChecker } from '../row-check.js';
import { cannotRead, recordsOf } from '../source-records.js';

const input = workerData as WorkerInput;
const channel = new ReaderChannel(input.port, input.words);

const counts: TableCounts | undefined = input.account ? { read: 0, accepted: 0, rejected: 0 } : undefined;
const rejected: RejectedRow[] = [];
const checker = new RowChecker({
  table: 'messages',
  zone: input.zone,
  ...(input.month ? { month: input.month } : {}),
  ...(counts ? { counts } : {}),
  rejected,
});
const writer = new MessageColumnWriter();

class Stopped extends Error {}

/** Coerces a batch of records and sends the coerced rows (false: none), waiting while IN_FLIGHT batches are untaken. */
function sendRows(block: number, records: readonly RawRecord[], file: string, bytes: number): boolean {
  for (const raw of records) if (checker.coerce(raw, file)) writer.add(checker.values, raw.line, checker.hashHigh, checker.hashLow);
  if (writer.length === 0) return false;
  if (!channel.send({ kind: 'rows', block, batch: writer.take(file), bytes })) throw new Stopped();
  return true;
}

/** The block's counts since the last block, and the counters zeroed for the next. */
function takeCounts(): TableCounts | undefined {
  if (!counts) return undefined;
  const taken = { ...counts };
  counts.read = counts.accepted = counts.rejected = 0;
  delete counts.skipped;
  delete counts.skippedReasons;
  return taken;
}

const files = new Map<number, number>();
const lineRecords = new Map<number, LineRecord>();

/** How a line of source i becomes a record (made once per source). */
function lineRecordOf(i: number): LineRecord {
  let toRecord = lineRecords.get(i);
  if (!toRecord) {
    const source = input.sources[i]!;
    if (source.format === 'wecom-archive') {
      const recalled = new Set(input.recalls?.[i] ?? []);
      toRecord = (line, text) => archiveRecord(line, text, recalled);
    } else toRecord = (line, text) => jsonlRecord(line, text, source.columns, true);
    lineRecords.set(i, toRecord);
  }
  return toRecord;
}
try {
  for (const b of input.mine) {
    const block = input.blocks[b]!;
    const source = input.sources[block.source]!;
    let lines = 0;
    let bytes = 0;
    if (block.range) {
      let read: ReturnType<typeof readBlock>;
      try {
        let fd = files.get(block.source);
        if (fd === undefined) files.set(block.source, (fd = openSync(source.path, 'r')));
        read = readBlock(fd, block.range, input.sizes[block.source]!, lineRecordOf(block.source));
      } catch (error) {
        throw cannotRead(source, error);
      }
      lines = read.lines;
      bytes = block.range.end - block.range.start;
      sendRows(b, read.records, source.display, 0);
    } else {
      // A whole file, streamed: CSV, XLSX, a source format, GBK text, a small file.
      for await (const batch of recordsOf(source, (n) => {
        bytes += n;
      })) {
        if (sendRows(b, batch, source.display, bytes)) bytes = 0;
      }
    }
    channel.send({ kind: 'blockEnd', block: b, lines, bytes, counts: takeCounts(), rejected: rejected.splice(0) });
  }
} catch (error) {
  if (!(error instanceof Stopped))
    channel.send({
      kind: 'error',
      name: (error as Error).name ?? 'Error',
      message: (error as Error).message ?? String(error),
      ...(error instanceof LocalizedError && error.text ? { text: error.text } : {}),
    });
}
// The port is not closed: what was sent stays queued for the main thread, which takes it in its own time.
for (const fd of files.values()) closeSync(fd);
