// One watcher per state file: two would read the same positions and send every alert twice. The lock
// is a file beside the state holding the owner's process id and start time; a lock whose process is
// gone (kill -9), or whose id now belongs to another process (ids are reused, a reboot restarts them),
// is taken over.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';

export class StateBusyError extends LocalizedError {}

export class StateLock {
  private constructor(private readonly path: string) {}

  static take(statePath: string): StateLock {
    const path = `${statePath}.lock`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(path, JSON.stringify({ pid: process.pid, start: startTime(process.pid) ?? null }), { flag: 'wx' });
        return new StateLock(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT')
          throw new StateBusyError(
            localized(
              '状态文件所在的文件夹 {folder} 不存在：请先创建它，或用 --state 指定另一个位置',
              'the state file’s folder {folder} does not exist: create it, or give another place with --state',
              {
                folder: dirname(statePath),
              },
            ),
          );
        if (code !== 'EEXIST') throw error;
        const { pid: owner, start } = lockOwner(readFileSync(path, 'utf8'));
        if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && holds(owner, start))
          throw new StateBusyError(
            localized(
              '另一个 qungui watch（进程 {owner}）正在使用状态文件 {statePath}',
              'another qungui watch (process {owner}) is using the state file {statePath}',
              { owner: String(owner), statePath },
            ),
          );
        unlinkSync(path);
      }
    }
    throw new StateBusyError(localized('无法锁定状态文件 {statePath}', 'cannot lock the state file {statePath}', { statePath }));
  }

  release(): void {
    try {
      unlinkSync(this.path);
    } catch {
      /* already gone */
    }
  }
}

/** The lock's content: `{"pid":…,"start":…}`, or a bare process id (written by an earlier version). */
function lockOwner(text: string): { pid: number; start?: string } {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'number') return { pid: value };
    const { pid, start } = value as { pid?: unknown; start?: unknown };
    return { pid: Number(pid), ...(typeof start === 'string' ? { start } : {}) };
  } catch {
    return { pid: Number.NaN };
  }
}

/** Is `pid` still the watcher that took the lock? Alive, started when it said (where /proc tells), and a qungui. */
function holds(pid: number, start: string | undefined): boolean {
  if (!alive(pid)) return false;
  const now = startTime(pid);
  if (now === undefined) return true; // no /proc (not Linux): an alive process is taken as the owner
  if (start !== undefined) return now === start;
  // A lock without a start time: the process must at least be a qungui watch.
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.some((a) => a.includes('qungui')) && args.includes('watch');
  } catch {
    return true;
  }
}

/** The process's start time (clock ticks since boot, field 22 of /proc/<pid>/stat), or undefined without /proc. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
