// Reader threads are used only when the entry point asks for them: the CLI maps its environment to
// settings (the library reads none), and a worker file that does not exist means in-thread.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readerThreadSettings } from '../../src/cli/reader-thread-env.js';
import { blockBytes, configureReaderThreads, messageWorkerFor, readerCount, THREAD_MIN_BYTES } from '../../src/data/threads/message-thread.js';
import { BLOCK_BYTES } from '../../src/data/threads/message-blocks.js';

const worker = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'qungui-worker-')), 'message-worker.js'));
writeFileSync(worker, '');

afterEach(() => configureReaderThreads({}));

describe('reader-thread settings', () => {
  it('the CLI environment maps to settings; nonsense values are ignored', () => {
    expect(readerThreadSettings({}, worker)).toEqual({ workerUrl: worker, mode: 'auto', readers: undefined, segmentBytes: undefined, blockBytes: undefined });
    expect(readerThreadSettings({ QUNGUI_READER_THREAD: '0' }, worker).mode).toBe('off');
    expect(
      readerThreadSettings(
        { QUNGUI_READER_THREAD: '1', QUNGUI_READER_THREADS: '3', QUNGUI_READER_BLOCK_BYTES: '64', QUNGUI_READER_SEGMENT_BYTES: '192' },
        worker,
      ),
    ).toEqual({ workerUrl: worker, mode: 'on', readers: 3, segmentBytes: 192, blockBytes: 64 });
    expect(readerThreadSettings({ QUNGUI_READER_THREADS: '-2', QUNGUI_READER_BLOCK_BYTES: 'big' }, worker)).toMatchObject({
      readers: undefined,
      blockBytes: undefined,
    });
  });

  it('no settings: in-thread, whatever the size (importing the engine starts nothing)', () => {
    expect(messageWorkerFor(10 * THREAD_MIN_BYTES)).toBeUndefined();
    expect(blockBytes()).toBe(BLOCK_BYTES);
  });

  it('on, off, auto by size; a worker file that is missing means in-thread', () => {
    configureReaderThreads({ workerUrl: worker, mode: 'on' });
    expect(messageWorkerFor(1)).toEqual(worker);
    configureReaderThreads({ workerUrl: worker, mode: 'off' });
    expect(messageWorkerFor(10 * THREAD_MIN_BYTES)).toBeUndefined();
    configureReaderThreads({ workerUrl: worker });
    expect(messageWorkerFor(THREAD_MIN_BYTES - 1)).toBeUndefined();
    configureReaderThreads({ workerUrl: new URL('missing.js', worker), mode: 'on' });
    expect(messageWorkerFor(1)).toBeUndefined();
  });

  it('readers and block size follow the settings, never more readers than blocks', () => {
    configureReaderThreads({ workerUrl: worker, readers: 3, blockBytes: 64 });
    expect([readerCount(10), readerCount(2), blockBytes()]).toEqual([3, 2, 64]);
  });
});
