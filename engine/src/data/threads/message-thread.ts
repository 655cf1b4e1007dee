// Messages read on reader threads. Reading a month's messages (decode, JSON.parse, coerce) costs as
// much as everything the evaluation does with them, and the machines running the monthly job have at
// least two cores. A large JSONL file is cut into blocks (message-blocks.ts) that several workers
// parse side by side; each sends its blocks' rows by column (message-columns.ts) through its
// ReaderChannel (reader-channel.ts), and the main thread takes the blocks back in file order. Per row
// the work is split where the order matters (row-check.ts): a worker coerces (stage 1, any order),
// the main thread admits (stage 2: a duplicate id or a time outside the month, in file order), and
// the rejects of both stages are merged by line at the end of each block. So a run accepts and
// rejects the same rows, in the same order, whatever reads them: test/message-thread.test.ts compares
// the outputs byte for byte.
//
// Reader r reads the blocks b with b % readers === r, a segment (SEGMENT_BYTES) at a time: each
// segment gets a fresh thread, started when the previous one has sent its last block and exited (so
// two never overlap, and the new one loads while the main thread takes the last IN_FLIGHT batches).
// Why: JSON.parse leaves memory outside the heap that V8 frees only in a full collection, which a
// reader's small heap almost never needs; a thread that lived for the whole month grew with every
// message it read, so a month's peak memory grew with its size.
//
// The worker is the built dist/message-worker.js; entry points name it (configureReaderThreads).
// Run from sources (unit tests, the language server bundle) there is none: messages are read in-thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { MessageRow, RejectedRow, TableCounts } from '../bundle-types.js';
import { BLOCK_BYTES, type MessageBlock } from './message-blocks.js';
import { MessageColumnReader } from './message-columns.js';
import { ReaderChannel, type WorkerMessage } from './reader-channel.js';
import { RowChecker } from '../row-check.js';
import type { ResolvedSource } from '../source-records.js';
import { localized } from '../../i18n/localized-text.js';
import { LocalizedError } from '../../i18n/localized-error.js';

/** Below this many bytes of messages, starting a thread costs more than it saves. */
export const THREAD_MIN_BYTES = 8 * 1024 * 1024;
/** More readers than this only wait for the main thread, which evaluates what they read. */
const MAX_READERS = 4;
/** Bytes of blocks one thread reads before a fresh one takes over (see above): about half a million
 *  chat messages. */
const SEGMENT_BYTES = 80 * 1024 * 1024;

/** How messages are read, set once by the entry point (the CLI from its environment); the library reads no environment. */
export interface ReaderThreadSettings {
  /** dist/message-worker.js; without it messages are read in-thread. */
  workerUrl?: URL;
  /** 'auto' (default): threads for big files on several cores; 'on': always (tests); 'off': never. */
  mode?: 'auto' | 'on' | 'off';
  /** Reader threads (default: one fewer than the cores, 2 to MAX_READERS). */
  readers?: number;
  /** Bytes of blocks one thread reads before a fresh one takes over. */
  segmentBytes?: number;
  /** Bytes a block spans. */
  blockBytes?: number;
}

let settings: ReaderThreadSettings = {};

/** Sets how messages are read for every bundle opened afterwards. A worker file that does not exist is ignored. */
export function configureReaderThreads(next: ReaderThreadSettings): void {
  const workerUrl = next.workerUrl && existsSync(fileURLToPath(next.workerUrl)) ? next.workerUrl : undefined;
  settings = { ...next, workerUrl };
}

/** The bytes a block spans under the current settings. */
export function blockBytes(): number {
  return settings.blockBytes ?? BLOCK_BYTES;
}

/** The worker to read `bytes` of messages with, or undefined to read in-thread (also on one core,
 *  where threads only take turns). */
export function messageWorkerFor(bytes: number): URL | undefined {
  const { workerUrl, mode = 'auto' } = settings;
  if (!workerUrl || mode === 'off') return undefined;
  if (mode === 'on') return workerUrl;
  return bytes >= THREAD_MIN_BYTES && availableParallelism() > 1 ? workerUrl : undefined;
}

/**
 * How many reader threads for `blocks` blocks: one fewer than the cores, but at least two — on two
 * cores one reader kept the main thread idle a third of the time — and at most MAX_READERS.
 */
export function readerCount(blocks: number): number {
  const wanted = settings.readers ?? Math.min(MAX_READERS, Math.max(2, availableParallelism() - 1));
  return Math.max(1, Math.min(wanted, blocks));
}

/** What every reader thread is given. */
export interface ReaderPlan {
  sources: ResolvedSource[];
  /** Byte size of each source. */
  sizes: number[];
  blocks: MessageBlock[];
  zone: string;
  month?: string;
  /** Count and record rejects (the first complete pass only). */
  account: boolean;
  /** WeCom archives cut into blocks: the ids their recall notices name, by source index. */
  recalls?: Record<number, string[]>;
}

export interface WorkerInput extends ReaderPlan {
  /** The blocks this thread reads, in order. */
  mine: number[];
  /** The worker's end of its ReaderChannel, and the channel's shared words. */
  port: MessagePort;
  words: SharedArrayBuffer;
}

/** Where the main thread accounts for the rows: the bundle's counts (accounting pass only) and rejects. */
export interface ReadSink {
  counts: TableCounts | undefined;
  rejected: RejectedRow[];
}

/** One reader thread, seen from the main thread. */
class ReaderThread {
  readonly reader = new MessageColumnReader();
  private readonly worker: Worker;
  private readonly channel: ReaderChannel;
  private failure: Error | undefined;

  constructor(url: URL, plan: ReaderPlan, mine: number[], onFinished: () => void) {
    const { port1, port2 } = new MessageChannel();
    this.channel = new ReaderChannel(port1);
    const input: WorkerInput = { ...plan, mine, port: port2, words: this.channel.buffer };
    // A small young generation: the thread's garbage (lines, parsed objects) dies within a batch, and
    // V8's default sizing lets it take far more than it needs, at no gain in speed (bench:evaluate).
    this.worker = new Worker(url, { workerData: input, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    this.worker.on('error', (error) => {
      this.failure = error;
    });
    this.worker.on('exit', (code) => {
      // Its messages stay queued for next(); asking for more than it sent is an error.
      this.failure ??= new LocalizedError(localized('消息读取线程提前退出', 'a message reader thread exited early (code {code})', { code }));
      if (code === 0) onFinished();
    });
  }

  async next(): Promise<WorkerMessage> {
    for (;;) {
      const message = this.channel.receive();
      if (message) {
        if (message.kind === 'error') throw Object.assign(new LocalizedError(message.text ?? message.message), { name: message.name });
        return message;
      }
      // A thread that died has nothing more to send (its last messages were taken above).
      if (this.failure) throw this.failure;
      await this.channel.arrival();
    }
  }

  /** A batch was taken: the worker may read one more. */
  taken(): void {
    this.channel.taken();
  }

  async stop(): Promise<void> {
    this.channel.stop();
    this.worker.removeAllListeners();
    await this.worker.terminate();
  }
}

/**
 * The reader threads of a plan: `readers` residue classes of blocks, each read a segment at a time by
 * a thread of its own (see above). `threadFor(b)` is the thread reading block b; blocks are asked for
 * in order, and a segment's thread is stopped once its last block is taken.
 */
class ReaderPool {
  private readonly live = new Map<string, ReaderThread>();
  private readonly segmentBlocks: number;
  private stopped = false;

  constructor(
    private readonly url: URL,
    private readonly plan: ReaderPlan,
    private readonly readers: number,
  ) {
    const ranged = plan.blocks.find((block) => block.range);
    const blockBytes = ranged?.range ? ranged.range.end - ranged.range.start : SEGMENT_BYTES;
    this.segmentBlocks = Math.max(1, Math.floor((settings.segmentBytes ?? SEGMENT_BYTES) / blockBytes));
    for (let r = 0; r < Math.min(readers, plan.blocks.length); r++) this.start(r, 0);
  }

  threadFor(b: number): ReaderThread {
    const r = b % this.readers;
    const k = Math.floor(b / this.readers); // b is the k-th block of its class
    const segment = Math.floor(k / this.segmentBlocks);
    return this.live.get(`${r}/${segment}`) ?? this.start(r, segment)!;
  }

  /** After block b is taken: its thread is stopped if b was its last. */
  async taken(b: number): Promise<void> {
    const r = b % this.readers;
    const k = Math.floor(b / this.readers);
    const last = k % this.segmentBlocks === this.segmentBlocks - 1 || b + this.readers >= this.plan.blocks.length;
    if (!last) return;
    const key = `${r}/${Math.floor(k / this.segmentBlocks)}`;
    await this.live.get(key)?.stop();
    this.live.delete(key);
  }

  async stopAll(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.live.values()].map((thread) => thread.stop()));
    this.live.clear();
  }

  /** The thread of reader r's segment, started; undefined when the segment has no blocks. */
  private start(r: number, segment: number): ReaderThread | undefined {
    const mine: number[] = [];
    for (let k = segment * this.segmentBlocks; k < (segment + 1) * this.segmentBlocks; k++) {
      const b = k * this.readers + r;
      if (b >= this.plan.blocks.length) break;
      mine.push(b);
    }
    if (mine.length === 0 || this.stopped) return undefined;
    // The next segment's thread starts as soon as this one has sent everything and exited.
    const thread = new ReaderThread(this.url, this.plan, mine, () => {
      if (!this.live.has(`${r}/${segment + 1}`)) this.start(r, segment + 1);
    });
    this.live.set(`${r}/${segment}`, thread);
    return thread;
  }
}

/** Message batches read by `readers` reader threads, admitted in file order; rejects and counts go to `sink`. */
export async function* messagesFromWorkers(
  url: URL,
  plan: ReaderPlan,
  readers: number,
  sink: ReadSink,
  onBytes: (bytes: number) => void,
): AsyncGenerator<MessageRow[]> {
  const pool = new ReaderPool(url, plan, readers);
  const admitted: RejectedRow[] = [];
  const checker = new RowChecker({
    table: 'messages',
    zone: plan.zone,
    ...(plan.month ? { month: plan.month } : {}),
    ...(sink.counts ? { counts: sink.counts } : {}),
    rejected: admitted,
  });
  const bytesTotal = plan.sizes.reduce((n, size) => n + size, 0);
  let lineBase = 0;
  let reserved = false;
  let linesSeen = 0;
  let bytesSeen = 0;
  try {
    for (let b = 0; b < plan.blocks.length; b++) {
      const block = plan.blocks[b]!;
      if (b > 0 && plan.blocks[b - 1]!.source !== block.source) lineBase = 0;
      const thread = pool.threadFor(b);
      for (;;) {
        const message = await thread.next();
        if (message.kind === 'rows') {
          onBytes(message.bytes);
          thread.taken();
          // The month's id table made once at its size, from the lines per byte of the first block, before
          // its first id goes in (a table with ids in it can only grow by another layer, message-id-set.ts).
          if (b === 0 && block.range && !reserved && message.batch.length > 0) {
            checker.expect(idsIn(message.batch.lines[message.batch.length - 1]!, block.range.end - block.range.start, bytesTotal, 1.1));
            reserved = true;
          }
          const rows = thread.reader.read(message.batch, lineBase, checker);
          if (rows.length) yield rows;
          continue;
        }
        if (message.kind !== 'blockEnd' || message.block !== b) throw new Error(`message reader: block ${b} expected, got ${message.kind}`);
        onBytes(message.bytes);
        flushRejects(message.rejected, lineBase, admitted, sink.rejected);
        if (message.counts && sink.counts) addCounts(sink.counts, message.counts);
        if (block.range) {
          // The estimate again, from all the lines read so far, once a sixteenth of the bytes is behind:
          // a first block denser in bytes than the rest gets a layer for the difference, not a table
          // grown by half when it is full.
          linesSeen += message.lines;
          bytesSeen += block.range.end - block.range.start;
          if (bytesSeen * 16 >= bytesTotal) checker.expect(idsIn(linesSeen, bytesSeen, bytesTotal, 1.05));
        }
        lineBase += message.lines;
        break;
      }
      await pool.taken(b);
    }
  } finally {
    await pool.stopAll();
  }
}

/** Message ids to make room for in `bytesTotal` bytes of message files, from `lines` lines seen in
 *  `bytes` bytes, with a `margin` (the first block's estimate is the roughest). */
function idsIn(lines: number, bytes: number, bytesTotal: number, margin: number): number {
  return Math.ceil((margin * lines * bytesTotal) / bytes);
}

/** A block's rejects in line order: the worker's (stage 1, lines within the block) and the main thread's (stage 2). */
function flushRejects(fromWorker: RejectedRow[], lineBase: number, admitted: RejectedRow[], out: RejectedRow[]): void {
  for (const row of fromWorker) row.line += lineBase;
  const all = admitted.length === 0 ? fromWorker : fromWorker.length === 0 ? admitted : [...fromWorker, ...admitted].sort((a, b) => a.line - b.line);
  for (const row of all) out.push(row); // not push(...): a month can reject millions of rows
  admitted.length = 0;
}

function addCounts(into: TableCounts, from: TableCounts): void {
  into.read += from.read;
  into.accepted += from.accepted;
  into.rejected += from.rejected;
  if (from.skipped) {
    into.skipped = (into.skipped ?? 0) + from.skipped;
    into.skippedReasons ??= {};
    for (const [key, { reason, count }] of Object.entries(from.skippedReasons ?? {})) (into.skippedReasons[key] ??= { reason, count: 0 }).count += count;
  }
}
