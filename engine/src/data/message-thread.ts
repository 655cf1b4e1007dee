// Messages read on a second thread. Reading a month's messages (decode, parse, coerce, duplicate
// ids) costs as much as everything the evaluation does with them, and the machines running the
// monthly job have at least two cores: a worker reads and checks the rows while the main thread
// evaluates the previous batch (bench:evaluate: 1M messages 3.7 → 3.3 s, 4M 13.2 → 11.0 s; peak RSS
// +40 MB at 1M, +10 MB at 4M). The worker runs the same RowChecker as the in-thread reader and sends
// its counts and rejects at the end, so a run gives the same bytes either way (test/
// message-thread.test.ts runs both). At most IN_FLIGHT batches wait, so memory stays bounded.
//
// The worker is the built dist/message-worker.js; entry points register it (registerMessageWorker).
// Run from sources (unit tests, the language server bundle) there is none: messages are read in-thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MessageRow, RejectedRow, TableCounts } from './bundle-types.js';
import { MessageColumnReader, type MessageColumnBatch } from './message-columns.js';
import type { ResolvedSource } from './source-records.js';

/** Below this many bytes of messages, starting a thread costs more than it saves. */
export const THREAD_MIN_BYTES = 8 * 1024 * 1024;
export const IN_FLIGHT = 4;

let workerUrl: URL | undefined;

/** Called by the built entry points with the URL of dist/message-worker.js. */
export function registerMessageWorker(url: URL): void {
  if (existsSync(fileURLToPath(url))) workerUrl = url;
}

/** The worker to read `bytes` of messages with, or undefined to read in-thread. QUNGUI_READER_THREAD=0
 *  turns the thread off, =1 uses it whatever the size (tests). */
export function messageWorkerFor(bytes: number): URL | undefined {
  const setting = process.env.QUNGUI_READER_THREAD;
  if (!workerUrl || setting === '0') return undefined;
  return setting === '1' || bytes >= THREAD_MIN_BYTES ? workerUrl : undefined;
}

export interface WorkerInput {
  sources: ResolvedSource[];
  zone: string;
  month?: string;
  /** Count and record rejects (the first complete pass only). */
  account: boolean;
}

/** Worker → main thread. */
export type WorkerMessage =
  | { kind: 'rows'; batch: MessageColumnBatch; bytes: number }
  | { kind: 'done'; counts: TableCounts | undefined; rejected: RejectedRow[] }
  | { kind: 'error'; name: string; message: string };

export interface ReadResult { counts: TableCounts | undefined; rejected: RejectedRow[] }

/** Message batches read and checked by a worker; `onBytes` gets the bytes read since the last batch,
 *  `onDone` the worker's counts and rejects once every row has been yielded. */
export async function* messagesFromWorker(url: URL, input: WorkerInput, onBytes: (bytes: number) => void, onDone: (result: ReadResult) => void): AsyncGenerator<MessageRow[]> {
  // A small young generation: the thread's garbage (lines, parsed objects) dies within a batch, and
  // V8's default sizing let it take ~40 MB more than it needs (bench:evaluate peak RSS at 4M 375 → 340 MB, same speed).
  const worker = new Worker(url, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  const reader = new MessageColumnReader();
  const inbox: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  worker.on('message', (message: WorkerMessage) => { inbox.push(message); wake?.(); });
  worker.on('error', (error) => { failure = error; wake?.(); });
  worker.on('exit', (code) => {
    failure ??= new Error(`消息读取线程提前退出 / the message reader thread exited early (code ${code})`);
    wake?.();
  });
  try {
    for (;;) {
      while (inbox.length === 0 && !failure) await new Promise<void>((resolve) => { wake = resolve; });
      const message = inbox.shift();
      if (!message) throw failure!;
      if (message.kind === 'error') throw Object.assign(new Error(message.message), { name: message.name });
      if (message.kind === 'done') {
        onDone({ counts: message.counts, rejected: message.rejected });
        return;
      }
      onBytes(message.bytes);
      worker.postMessage('next');
      yield reader.read(message.batch);
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
