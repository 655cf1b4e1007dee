// The reader-thread settings of a CLI run, from the environment — the one place that reads it.
// QUNGUI_READER_THREAD=0 turns the threads off and =1 uses them whatever the size and the cores;
// QUNGUI_READER_THREADS, _SEGMENT_BYTES and _BLOCK_BYTES size them (tests use tiny blocks).
import type { ReaderThreadSettings } from '../data/threads/message-thread.js';
import type { CliIo } from './io.js';

const positive = (value: string | undefined) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function readerThreadSettings(env: CliIo['env'], workerUrl: URL): ReaderThreadSettings {
  const mode = env.QUNGUI_READER_THREAD === '0' ? 'off' : env.QUNGUI_READER_THREAD === '1' ? 'on' : 'auto';
  return {
    workerUrl,
    mode,
    readers: positive(env.QUNGUI_READER_THREADS),
    segmentBytes: positive(env.QUNGUI_READER_SEGMENT_BYTES),
    blockBytes: positive(env.QUNGUI_READER_BLOCK_BYTES),
  };
}
