// The way between a message reader thread and the main thread (message-thread.ts): a port of its own
// that the main thread reads when it is ready, and counts in shared memory that both sides wait on.
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { LocalizedText } from '../../diagnostics/diagnostic.js';
import type { RejectedRow, TableCounts } from '../bundle-types.js';
import type { MessageColumnBatch } from './message-columns.js';

/** Batches a reader may send ahead of the main thread. */
export const IN_FLIGHT = 32;

/**
 * Batches travel on a port of their own that the main thread never listens to: it takes each message
 * with receiveMessageOnPort when it is ready for it, so the batches waiting for their turn stay
 * serialized outside the JavaScript heap instead of being made into strings and arrays on arrival.
 * Both sides count in shared memory — messages sent, batches taken — and wait on those counts
 * (Atomics), never on messages back: a worker with IN_FLIGHT batches untaken waits until half of them
 * are taken, and is woken only then (a "next" message per batch, or a wake per batch, each cost the
 * main thread a visible share of a month's reading in a profile).
 */
export class ReaderChannel {
  private static readonly SENT = 0;
  private static readonly ROWS_SENT = 1;
  private static readonly TAKEN = 2;
  private static readonly WAITING = 3;
  private static readonly STOPPED = 4;
  private static readonly RESUME = IN_FLIGHT / 2;
  readonly words: Int32Array;
  private rowsSent = 0;

  constructor(
    readonly port: MessagePort,
    readonly buffer = new SharedArrayBuffer(20),
  ) {
    this.words = new Int32Array(buffer);
  }

  // ---- worker side
  /** Sends a message; after a batch of rows, blocks while too many are untaken. False once stopped. */
  send(message: WorkerMessage): boolean {
    const w = this.words;
    this.port.postMessage(message);
    if (message.kind === 'rows') Atomics.store(w, ReaderChannel.ROWS_SENT, ++this.rowsSent);
    Atomics.add(w, ReaderChannel.SENT, 1);
    Atomics.notify(w, ReaderChannel.SENT);
    if (message.kind !== 'rows' || this.rowsSent - Atomics.load(w, ReaderChannel.TAKEN) < IN_FLIGHT) return !Atomics.load(w, ReaderChannel.STOPPED);
    Atomics.store(w, ReaderChannel.WAITING, 1);
    try {
      for (;;) {
        if (Atomics.load(w, ReaderChannel.STOPPED)) return false;
        const taken = Atomics.load(w, ReaderChannel.TAKEN);
        if (this.rowsSent - taken <= ReaderChannel.RESUME) return true;
        Atomics.wait(w, ReaderChannel.TAKEN, taken, 1000);
      }
    } finally {
      Atomics.store(w, ReaderChannel.WAITING, 0);
    }
  }

  // ---- main thread side
  /** The next message, or undefined when none has arrived yet. */
  receive(): WorkerMessage | undefined {
    return receiveMessageOnPort(this.port)?.message as WorkerMessage | undefined;
  }

  /** Resolves when a message may have arrived since `receive` last found none (or after a while). */
  async arrival(): Promise<void> {
    const seen = Atomics.load(this.words, ReaderChannel.SENT);
    const wait = Atomics.waitAsync(this.words, ReaderChannel.SENT, seen, 250);
    if (wait.async) await wait.value;
  }

  /** A batch of rows was taken: wake the worker if it waits and half its batches are taken. */
  taken(): void {
    const w = this.words;
    const taken = Atomics.add(w, ReaderChannel.TAKEN, 1) + 1;
    if (Atomics.load(w, ReaderChannel.WAITING) && Atomics.load(w, ReaderChannel.ROWS_SENT) - taken <= ReaderChannel.RESUME)
      Atomics.notify(w, ReaderChannel.TAKEN);
  }

  /** The reader is no longer wanted: it stops waiting (then it is terminated). */
  stop(): void {
    Atomics.store(this.words, ReaderChannel.STOPPED, 1);
    Atomics.notify(this.words, ReaderChannel.TAKEN);
    this.port.close();
  }
}

/** Worker → main thread, in the order of the worker's blocks. */
export type WorkerMessage =
  /** Coerced rows of a block; `lines` in the batch count from the block's first line. */
  | { kind: 'rows'; block: number; batch: MessageColumnBatch; bytes: number }
  /** A block is read: the lines that start in it, its stage-1 counts and rejects (lines within the block). */
  | { kind: 'blockEnd'; block: number; lines: number; bytes: number; counts: TableCounts | undefined; rejected: RejectedRow[] }
  | { kind: 'error'; name: string; message: string; text?: LocalizedText };
