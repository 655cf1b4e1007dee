// What `qungui watch` must remember to pick up where it stopped, even after kill -9: per followed file
// its identity and how far it was read, the alerts not yet acknowledged by every target (the outbox),
// the alerts already made (so a message read twice is not alerted twice) and the members' violation
// counts of the month (M5). Written whole to a temporary file, flushed to disk and renamed over the old
// one: a reader finds the old state or the new, never half of one. Positions and new alerts are
// written in the same state, before any alert goes out.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';
import type { Alert } from './alert.js';
import type { ViolationCounts } from './message-checker.js';

export const STATE_VERSION = 1;

export interface FileState {
  /** The file's path, relative to the bundle folder. */
  path: string;
  /** Device and inode (as text: they may pass 2^53). */
  dev: string;
  ino: string;
  /** sha256 (hex) of the file's first `headBytes` bytes. */
  head: string;
  headBytes: number;
  /** sha256 (hex) of the `tailBytes` bytes just before `position` (the end of the last line read): a
   *  file rewritten in place with the same first lines is told apart from one that only grew. */
  tail?: string;
  tailBytes?: number;
  /** Bytes read (always at a line end) and lines read. */
  position: number;
  line: number;
  /** How its lines are read (a file renamed while the watcher was stopped is still read right). */
  format: 'jsonl' | 'wecom-archive';
  columns?: Record<string, string>;
}

export interface OutboxEntry {
  alert: Alert;
  /** Keys of the targets that have not acknowledged it yet. */
  pending: string[];
  /** Keys of the targets that have: a backlog handed over from a removed target skips them. */
  acked?: string[];
}

export interface WatchCounters {
  messages: number;
  alerts: number;
  /** Lines that are not a message (reported once each on stderr). */
  malformed: number;
  /** Lines that are no group message by design (recall notices, one-to-one chats). */
  skipped: number;
}

export interface WatchState {
  version: number;
  files: FileState[];
  outbox: OutboxEntry[];
  /** Alert ids made, by month of their message. */
  alerted: Record<string, string[]>;
  /** Messages that counted as a violation ("group NUL message id"), by month: never counted twice. */
  counted: Record<string, string[]>;
  violations: ViolationCounts;
  /** Per robot, when its latest messages went out (epoch ms): its rate limit holds across restarts. */
  sent: Record<string, number[]>;
  counters: WatchCounters;
}

export class StateError extends LocalizedError {}

export function emptyState(): WatchState {
  return {
    version: STATE_VERSION,
    files: [],
    outbox: [],
    alerted: {},
    counted: {},
    violations: {},
    sent: {},
    counters: { messages: 0, alerts: 0, malformed: 0, skipped: 0 },
  };
}

/** The saved state, or undefined when there is none yet. A file that is not a state is refused, never overwritten. */
export function readState(path: string): WatchState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateError(
      localized('无法读取状态文件 {path}：{reason}', 'cannot read the state file {path}: {reason}', { path, reason: (error as Error).message }),
    );
  }
  let value: WatchState;
  try {
    value = JSON.parse(text) as WatchState;
  } catch {
    throw notAState(path);
  }
  if (value === null || typeof value !== 'object' || value.version !== STATE_VERSION || !Array.isArray(value.files) || !Array.isArray(value.outbox))
    throw notAState(path);
  return { ...emptyState(), ...value, counters: { ...emptyState().counters, ...value.counters } };
}

function notAState(path: string): StateError {
  return new StateError(
    localized(
      '{path} 不是 qungui watch 的状态文件（或由其他版本写入），未覆盖；请用 --state 指定另一个文件',
      '{path} is not a qungui watch state file (or another version wrote it) and was not overwritten; give another file with --state',
      { path },
    ),
  );
}

/** Writes the state atomically: temporary file, fsync, rename, fsync of the folder. */
export function writeState(path: string, state: WatchState): void {
  try {
    writeWhole(path, state);
  } catch (error) {
    // A full disk or a folder made read-only: the watcher stops, saying where, and its last state stays.
    throw new StateError(
      localized('无法写入状态文件 {path}：{reason}', 'cannot write the state file {path}: {reason}', { path, reason: (error as Error).message }),
    );
  }
}

function writeWhole(path: string, state: WatchState): void {
  // One name: the lock keeps a second watcher away, and a write cut short by kill -9 is overwritten next time.
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  // The rename itself is on disk only once the folder is.
  try {
    const dir = openSync(dirname(path), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    /* some file systems refuse fsync on a folder; the rename is still atomic */
  }
}
