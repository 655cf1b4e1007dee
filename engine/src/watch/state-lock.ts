// One watcher per state file: two would read the same positions and send every alert twice. The lock
// is a file beside the state holding the owner's process id; a lock whose process is gone (kill -9)
// is taken over.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';

export class StateBusyError extends LocalizedError {}

export class StateLock {
  private constructor(private readonly path: string) {}

  static take(statePath: string): StateLock {
    const path = `${statePath}.lock`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(path, String(process.pid), { flag: 'wx' });
        return new StateLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number(readFileSync(path, 'utf8').trim());
        if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner))
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
