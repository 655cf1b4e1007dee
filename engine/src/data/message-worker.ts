// Entry of the message reader thread (see message-thread.ts): reads every message source in order,
// checks each row with the same RowChecker as the in-thread reader, and sends the accepted ones by
// column, one batch per chunk read, then its counts and rejects. It runs ahead of the main thread by
// at most IN_FLIGHT batches (the main thread answers "next" for each batch it takes).
import { parentPort, workerData } from 'node:worker_threads';
import type { RejectedRow, TableCounts } from './bundle-types.js';
import { MessageColumnWriter } from './message-columns.js';
import { IN_FLIGHT, type WorkerInput, type WorkerMessage } from './message-thread.js';
import { RowChecker } from './row-check.js';
import { recordsOf } from './source-records.js';

const port = parentPort!;
const input = workerData as WorkerInput;
let inFlight = 0;
let wake: (() => void) | undefined;
port.on('message', () => {
  inFlight--;
  wake?.();
});
const send = (message: WorkerMessage) => port.postMessage(message);

try {
  const counts: TableCounts | undefined = input.account ? { read: 0, accepted: 0, rejected: 0 } : undefined;
  const rejected: RejectedRow[] = [];
  const checker = new RowChecker({ table: 'messages', zone: input.zone, ...(input.month ? { month: input.month } : {}), ...(counts ? { counts } : {}), rejected });
  const writer = new MessageColumnWriter();
  for (const source of input.sources) {
    let bytes = 0;
    for await (const batch of recordsOf(source, (n) => { bytes += n; })) {
      for (const raw of batch) if (checker.check(raw, source.display)) writer.add(checker.values, raw.line);
      if (writer.length === 0) continue;
      send({ kind: 'rows', batch: writer.take(source.display), bytes });
      bytes = 0;
      inFlight++;
      while (inFlight >= IN_FLIGHT) await new Promise<void>((resolve) => { wake = resolve; });
    }
  }
  send({ kind: 'done', counts, rejected });
} catch (error) {
  send({ kind: 'error', name: (error as Error).name ?? 'Error', message: (error as Error).message ?? String(error) });
}
port.close();
