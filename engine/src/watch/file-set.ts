// The message files a watcher follows: every file the bundle's messages entries name (their globs
// looked at again as files appear), each resumed from its saved position when its identity matches.
// A file rotated away (another file took its name) or removed is read to its end before it is let go,
// also when that happened while the watcher was stopped and the file was only renamed in its folder.
import { readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { ResolvedSource } from '../data/source-records.js';
import { FollowedFile, identityAt } from './followed-file.js';
import type { FileState } from './watch-state.js';

/** A file rotated away is kept this many looks after its last growth, for a writer that has not reopened yet. */
const DRAIN_LOOKS = 8;

interface Draining {
  file: FollowedFile;
  idle: number;
}

export class FileSet {
  private readonly active = new Map<string, FollowedFile>();
  private readonly draining: Draining[] = [];
  /** Saved files not found yet. */
  private unmatched: FileState[];
  private first = true;

  constructor(
    private readonly bundleDir: string,
    saved: readonly FileState[],
    /** Where a file with no saved position starts when the watcher starts: 'end' unless --from-start. */
    private readonly startAt: 'start' | 'end',
  ) {
    this.unmatched = [...saved];
  }

  /** The files to read, the ones rotated away first (their lines came earlier). */
  files(): FollowedFile[] {
    return [...this.draining.map((d) => d.file), ...this.active.values()];
  }

  states(): FileState[] {
    return [...this.files().map((f) => f.state), ...this.unmatched];
  }

  /** Takes the bundle's message files as they are now. */
  update(sources: readonly ResolvedSource[]): void {
    const paths = new Set(sources.map((source) => source.path));
    // First the files that left their names (rotated, removed, no longer named by the bundle), so that
    // a new name of one of them is known as that file.
    for (const [path, file] of this.active) {
      if (paths.has(path) && file.pathNow() === 'same') continue;
      this.active.delete(path);
      this.retire(file);
    }
    for (const source of sources) {
      if (this.active.has(source.path)) continue;
      const file = this.open(source, this.first ? this.startAt : 'start');
      if (file) this.active.set(source.path, file);
    }
    if (this.first) this.findRenamed();
    this.first = false;
  }

  /** After a read pass: files rotated away that stopped growing are closed, `closing` seeing each first
   *  (a last line without its newline is read then: nobody will finish it). */
  settle(grew: ReadonlySet<FollowedFile>, closing: (file: FollowedFile) => void = () => {}): void {
    for (let i = this.draining.length - 1; i >= 0; i--) {
      const entry = this.draining[i]!;
      entry.idle = grew.has(entry.file) ? 0 : entry.idle + 1;
      if (entry.idle >= DRAIN_LOOKS) {
        closing(entry.file);
        entry.file.close();
        this.draining.splice(i, 1);
      }
    }
  }

  close(): void {
    for (const file of this.files()) file.close();
  }

  private retire(file: FollowedFile): void {
    this.draining.push({ file, idle: 0 });
  }

  private open(source: ResolvedSource, at: 'start' | 'end'): FollowedFile | undefined {
    // A rotated file renamed to a name the globs also match is the same file, read on from where it was.
    const moved = this.draining.findIndex((entry) => entry.file.isAt(source.path));
    if (moved !== -1) {
      const [{ file }] = this.draining.splice(moved, 1) as [Draining];
      file.movedTo(source);
      return file;
    }
    for (const [i, saved] of this.unmatched.entries()) {
      const file = FollowedFile.resume(source, saved);
      if (file) {
        this.unmatched.splice(i, 1);
        return file;
      }
    }
    try {
      return FollowedFile.begin(source, at);
    } catch {
      return undefined; // gone between the glob and the open: seen again next time if it comes back
    }
  }

  /** Saved files that no glob matches any more: renamed in their folder while the watcher was stopped? */
  private findRenamed(): void {
    for (const saved of [...this.unmatched]) {
      const folder = dirname(join(this.bundleDir, saved.path));
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch {
        continue;
      }
      for (const name of names) {
        const path = join(folder, name);
        if (relative(this.bundleDir, path).startsWith('..')) continue;
        if (!sameInode(path, saved)) continue;
        const display = relative(this.bundleDir, path).split(sep).join('/');
        const file = FollowedFile.resume(
          { table: 'messages', file: saved.path, format: saved.format, ...(saved.columns ? { columns: saved.columns } : {}), path, display },
          saved,
        );
        if (file) {
          this.unmatched.splice(this.unmatched.indexOf(saved), 1);
          this.retire(file);
        }
        break;
      }
    }
    // What is still unmatched is gone: its unread lines cannot be read by anyone.
    this.lost = this.unmatched.splice(0);
  }

  /** Saved files found nowhere at start (reported once). */
  lost: FileState[] = [];
}

function sameInode(path: string, saved: FileState): boolean {
  const identity = identityAt(path);
  return identity !== undefined && identity.dev === saved.dev && identity.ino === saved.ino;
}
