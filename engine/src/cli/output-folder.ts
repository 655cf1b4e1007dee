// Where the CLI writes files, and the rules that keep it from harming anyone else's: every command that
// writes (evaluate --out DIR, render --out FILE, init --out FILE) goes through this module.
//
// An output folder is qungui's only if it carries `.qungui-output.json`, the marker that lists the files
// qungui wrote there; only those are ever replaced or removed, everything else in the folder stays as it
// is. A non-empty folder without the marker, a file, a dangling link, or a folder that is, holds, or lies
// inside the month's data (or is or holds a policy) is refused before any work. Writing happens in a
// staging folder inside the output folder whose existence is the lock (`.qungui-tmp`, with the owner's
// pid and host): a second run into the same folder exits 2 instead of mixing its files with the first's,
// and a lock left by a killed run is removed by the next run once that process is gone.
import { constants } from 'node:fs';
import { access, copyFile, link, lstat, mkdir, readFile, readdir, realpath, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './io.js';
import { VERSION } from './version.js';
import { asWritten, localized } from '../i18n/localized-text.js';

export const MARKER = '.qungui-output.json';
const MARKER_FORMAT = 1;
const LOCK = '.qungui-tmp';
const OWNER = 'owner.json';
/** A lock being made or released: pid in the name, so a killed run's leftover is known as its own. */
const PENDING_LOCK = /^\.qungui-tmp-(\d+)(?:-\d+)?$/;
/** Several runs in one process (tests, an editor) each get their own pending name. */
let pendingCount = 0;
/** All a lock folder ever holds; a folder of that name holding anything else is not ours. */
const LOCK_ENTRIES = new Set([OWNER, 'files', MARKER]);

/** A refusal of an output path: printed by main() as `qungui <command>: …`, exit 2. */
export class OutputRefused extends UsageError {}

/** What the outputs must never touch: the month's data and the policies, as given on the command line. */
export interface OutputInputs {
  data?: string;
  policies?: readonly string[];
}

export interface PreparedFolder {
  /** The folder as typed, for messages. */
  display: string;
  /** Its real path (links and `..` resolved) where it exists, the rest appended as given. */
  path: string;
}

export interface PreparedFile extends PreparedFolder {
  force: boolean;
}

interface Marker {
  tool: 'qungui';
  format: number;
  version: string;
  complete: boolean;
  files: string[];
}

/**
 * Checks an output folder before any work: it must be new, empty, or an earlier qungui output; not a
 * file; not the data folder, inside it or around it; not a policy folder or around a policy; and
 * writable. Throws OutputRefused with what to do.
 */
export async function prepareOutputFolder(typed: string, cwd: string, inputs: OutputInputs = {}): Promise<PreparedFolder> {
  const target = await locate(typed, cwd, 'folder');
  await refuseInputs(target, typed, cwd, inputs);
  if (target.exists) {
    if (!target.isDirectory) {
      throw new OutputRefused(
        localized('--out {typed} 是一个文件，不是文件夹；请给一个（新的）文件夹名', '--out {typed} is a file, not a folder: give the name of a (new) folder', {
          typed,
        }),
      );
    }
    await folderState(target.path, typed);
    await refuseBusy(target.path, typed);
  }
  await refuseUnwritable(target, typed);
  return { display: typed, path: target.path };
}

/**
 * Writes the outputs: `write` fills a staging folder, whose files then replace the ones the marker lists
 * (and only those), files listed before but no longer written are removed, and the marker is updated.
 */
export async function commitOutputFolder(folder: PreparedFolder, write: (dir: string) => Promise<void>): Promise<void> {
  const { path, display } = folder;
  await guardIo(display, () => mkdir(path, { recursive: true }));
  const lock = await acquireLock(path, display);
  try {
    const stage = join(lock, 'files');
    await guardIo(display, () => mkdir(stage));
    await guardIo(display, () => write(stage));
    const written = (await readdir(stage, { withFileTypes: true }))
      .map((entry) => {
        if (!entry.isFile()) throw new Error(`output ${entry.name} is not a file`);
        return entry.name;
      })
      .sort();
    await guardIo(display, () => swapIn(path, display, lock, stage, written));
  } finally {
    await releaseLock(path, lock);
  }
}

/**
 * Checks an output file before any work: not a folder, not a policy or data file (even with --force),
 * not an existing file without --force, a writable place.
 */
export async function prepareOutputFile(typed: string, cwd: string, options: { force?: boolean; inputs?: OutputInputs } = {}): Promise<PreparedFile> {
  const target = await locate(typed, cwd, 'file');
  await refuseInputs(target, typed, cwd, options.inputs ?? {});
  if (target.exists && target.isDirectory) {
    throw new OutputRefused(localized('--out {typed} 是一个文件夹；请给一个文件名', '--out {typed} is a folder: give a file name', { typed }));
  }
  if (target.exists && !options.force) throw existsRefusal(typed);
  await refuseUnwritable(target, typed);
  return { display: typed, path: target.path, force: options.force === true };
}

/**
 * Checks the archive folder (`--archive`): not the data folder or a policy, not inside or around them,
 * and apart from the --out folder (each keeps files the other must not replace).
 */
export async function refuseArchiveFolder(typed: string, cwd: string, inputs: OutputInputs, out: PreparedFolder): Promise<void> {
  const target = await locate(typed, cwd, 'folder', '--archive');
  await refuseInputs(target, typed, cwd, inputs, '--archive');
  const a = target.path;
  const b = out.path;
  if (a === b || a.startsWith(b + sep) || b.startsWith(a + sep))
    throw new OutputRefused(
      localized(
        '--archive {typed} 与 --out {out} 重叠；归档和每月的输出请放在不同的文件夹（例如 --out out/月份 --archive archive）',
        '--archive {typed} overlaps --out {out}: keep the archive and the monthly outputs in separate folders (e.g. --out out/<month> --archive archive)',
        { typed, out: out.display },
      ),
    );
}

/** Writes the file whole or not at all (temp file + rename); without --force never over an existing file. */
export async function commitOutputFile(file: PreparedFile, content: string | Buffer): Promise<void> {
  const { path, display } = file;
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.qungui-tmp-${process.pid}`);
  await guardIo(display, () => mkdir(dir, { recursive: true }));
  await removeStaleTempFiles(dir, basename(path));
  await guardIo(display, () => writeFile(temp, content, { flag: 'w' }));
  try {
    if (file.force) {
      await guardIo(display, () => rename(temp, path));
      return;
    }
    // link() creates the name only if it is free: a file that appeared since the check is kept.
    try {
      await link(temp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw existsRefusal(display);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw ioRefusal(display, error);
      // File systems without hard links (FAT on a USB stick): an exclusive copy.
      await copyFile(temp, path, constants.COPYFILE_EXCL).catch((copyError: NodeJS.ErrnoException) => {
        throw copyError.code === 'EEXIST' ? existsRefusal(display) : ioRefusal(display, copyError);
      });
    }
  } finally {
    await rm(temp, { force: true });
  }
}

// --- where the target is --------------------------------------------------------------------------

interface Target {
  path: string;
  exists: boolean;
  isDirectory: boolean;
  /** The deepest part of the path that exists (the target itself when it exists). */
  existing: string;
}

async function locate(typed: string, cwd: string, kind: 'folder' | 'file', flag = '--out'): Promise<Target> {
  const absolute = resolve(cwd, typed);
  const missing: string[] = [];
  let probe = absolute;
  for (;;) {
    const info = await lstat(probe).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      let real: string;
      try {
        real = await realpath(probe);
      } catch (error) {
        if (probe === absolute && info.isSymbolicLink()) {
          throw new OutputRefused(
            localized(
              '{flag} {typed} 是指向不存在位置的链接；请删除该链接或换一个{value}名',
              '{flag} {typed} is a link to a place that does not exist: remove the link or give another name',
              { flag, typed, value: kind === 'folder' ? localized('文件夹', 'folder') : localized('文件', 'file') },
            ),
          );
        }
        throw ioRefusal(typed, error);
      }
      const realInfo = await stat(real);
      if (missing.length > 0 && !realInfo.isDirectory()) {
        throw new OutputRefused(
          localized('无法创建 {flag} {typed}：{probe} 是文件，不是文件夹', 'cannot create {flag} {typed}: {probe} is a file, not a folder', {
            flag,
            typed,
            probe,
          }),
        );
      }
      const path = missing.length > 0 ? join(real, ...missing.reverse()) : real;
      return { path, exists: missing.length === 0, isDirectory: missing.length === 0 && realInfo.isDirectory(), existing: real };
    }
    const code = (info as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') {
      const file = await blockingFile(absolute);
      throw new OutputRefused(
        localized('无法创建 {flag} {typed}：{file} 是文件，不是文件夹', 'cannot create {flag} {typed}: {file} is a file, not a folder', { flag, typed, file }),
      );
    }
    if (code !== 'ENOENT') throw ioRefusal(typed, info);
    const parent = dirname(probe);
    if (parent === probe) throw ioRefusal(typed, info);
    missing.push(basename(probe));
    probe = parent;
  }
}

/** The first part of the path, from the root down, that is there but is not a folder. */
async function blockingFile(absolute: string): Promise<string> {
  const parts = absolute.split(sep);
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i + 1).join(sep) || sep;
    const info = await stat(prefix).catch(() => undefined);
    if (!info) break;
    if (!info.isDirectory()) return prefix;
  }
  return dirname(absolute);
}

// --- the data and the policies ----------------------------------------------------------------------

interface Identity {
  path: string;
  id: string;
}

async function identity(path: string): Promise<Identity | undefined> {
  try {
    const real = await realpath(path);
    const info = await stat(real, { bigint: true });
    return { path: real, id: `${info.dev}:${info.ino}` };
  } catch {
    return undefined;
  }
}

/** The identities of a path and every folder above it, nearest first. */
async function chain(path: string): Promise<Identity[]> {
  const out: Identity[] = [];
  for (let dir = path; ; dir = dirname(dir)) {
    const found = await identity(dir);
    if (found) out.push(found);
    if (dirname(dir) === dir) return out;
  }
}

/**
 * Compared by real path and by device and inode, so links, `..`, trailing slashes and a file system's
 * case-insensitivity all come to the same answer.
 */
async function relation(target: Target, input: Identity): Promise<'equal' | 'inside' | 'contains' | undefined> {
  const above = await chain(target.existing);
  if (target.exists && (target.path === input.path || above[0]?.id === input.id)) return 'equal';
  if (target.path.startsWith(input.path + sep) || above.some((a) => a.id === input.id)) return 'inside';
  if (target.exists) {
    const inputAbove = await chain(input.path);
    if (input.path.startsWith(target.path + sep) || inputAbove.some((a) => a.id === above[0]?.id)) return 'contains';
  }
  return undefined;
}

async function refuseInputs(target: Target, typed: string, cwd: string, inputs: OutputInputs, flag = '--out'): Promise<void> {
  if (inputs.data !== undefined) {
    const data = await identity(resolve(cwd, inputs.data));
    const found = data && (await relation(target, data));
    if (found) {
      const relationText = {
        equal: localized('就是数据文件夹 {data}', 'is the data folder {data}', { data: inputs.data }),
        inside: localized('在数据文件夹 {data} 之内', 'is inside the data folder {data}', { data: inputs.data }),
        contains: localized('包含数据文件夹 {data}', 'contains the data folder {data}', { data: inputs.data }),
      }[found];
      throw new OutputRefused(
        localized(
          '{flag} {typed} {relation}，写入会改动导出的数据；请把它放在数据文件夹之外（例如 {example}）',
          '{flag} {typed} {relation}: writing there would change the exports; put it outside the data folder (e.g. {example})',
          { flag, typed, relation: relationText, example: flag === '--out' ? localized('--out out/月份', '--out out/<month>') : asWritten(`${flag} archive`) },
        ),
      );
    }
  }
  for (const arg of inputs.policies ?? []) {
    const paths = isDynamicPattern(arg) ? await glob(arg, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] }) : [resolve(cwd, arg)];
    for (const path of paths) {
      const policy = await identity(path);
      const found = policy && (await relation(target, policy));
      // Outputs inside a policy folder are allowed (`--policy . --out out`): they are not YAML, and the
      // marker rule keeps any policy already there; the folder itself or a folder around it is refused.
      if (found === 'equal' || found === 'contains') {
        const relationText =
          found === 'equal' ? localized('就是群规 {arg}', 'is the policy {arg}', { arg }) : localized('包含群规 {arg}', 'contains the policy {arg}', { arg });
        throw new OutputRefused(
          localized(
            '{flag} {typed} {relation}，写入会改动群规；请换一个输出位置',
            '{flag} {typed} {relation}: writing there would change the policies; choose another place for the outputs',
            {
              flag,
              typed,
              relation: relationText,
            },
          ),
        );
      }
    }
  }
}

// --- what is in the folder --------------------------------------------------------------------------

/** The files qungui may replace in an existing output folder: none when it is empty, else its marker's. */
async function folderState(path: string, display: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch((error: unknown) => {
    throw ioRefusal(display, error);
  });
  const others: string[] = [];
  for (const entry of entries) {
    if (entry.name === MARKER) continue;
    if (entry.isDirectory() && (entry.name === LOCK || PENDING_LOCK.test(entry.name)) && (await isLockFolder(join(path, entry.name)))) continue;
    others.push(entry.name);
  }
  if (!entries.some((e) => e.name === MARKER)) {
    if (others.length === 0) return [];
    const shown = others.sort().slice(0, 3).join(', ') + (others.length > 3 ? ', …' : '');
    throw new OutputRefused(
      localized(
        '--out {display} 不是空文件夹，也不是 qungui 的输出（没有 {MARKER}），其中的文件（{shown}）不能被替换；请给一个新的或空的文件夹',
        '--out {display} is not empty and is not a qungui output folder (no {MARKER}); its files ({shown}) must not be replaced: give a new or empty folder',
        { display, MARKER, shown },
      ),
    );
  }
  return (await readMarker(path, display)).files;
}

async function readMarker(path: string, display: string): Promise<Marker> {
  let value: Partial<Marker> | undefined;
  try {
    value = JSON.parse(await readFile(join(path, MARKER), 'utf8')) as Partial<Marker>;
  } catch {
    value = undefined;
  }
  const valid = value !== undefined && value !== null && value.tool === 'qungui' && Array.isArray(value.files) && value.files.every(isOutputName);
  if (!valid) {
    throw new OutputRefused(
      localized(
        '--out {display} 中的 {MARKER} 无法识别，不能确定哪些文件是 qungui 写的；请给一个新的或空的文件夹',
        '{MARKER} in --out {display} is not one qungui can read, so which files qungui wrote is unknown: give a new or empty folder',
        { display, MARKER },
      ),
    );
  }
  if (typeof value!.format !== 'number' || value!.format > MARKER_FORMAT) {
    throw new OutputRefused(
      localized(
        '--out {display} 是较新版本的 qungui 写的；请升级 qungui 或换一个文件夹',
        '--out {display} was written by a newer qungui: upgrade qungui or give another folder',
        { display },
      ),
    );
  }
  return value as Marker;
}

/** Only plain names in the folder itself: a marker naming `../x` must not reach outside. */
function isOutputName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name !== '' &&
    name !== '.' &&
    name !== '..' &&
    name !== MARKER &&
    name !== LOCK &&
    !PENDING_LOCK.test(name) &&
    !/[\\/\0]/.test(name) &&
    basename(name) === name
  );
}

function markerText(files: string[], complete: boolean): string {
  const marker: Marker = { tool: 'qungui', format: MARKER_FORMAT, version: VERSION, complete, files };
  return `${JSON.stringify(marker, null, 2)}\n`;
}

async function swapIn(path: string, display: string, lock: string, stage: string, written: string[]): Promise<void> {
  // Read again under the lock: the folder may have changed since the check before the work.
  const before = await folderState(path, display);
  const listed = new Set(before);
  for (const name of written) {
    const info = await lstat(join(path, name)).catch(() => undefined);
    if (info && (!listed.has(name) || info.isDirectory())) {
      throw new OutputRefused(
        localized(
          '--out {display} 中已有 {name}，不是 qungui 写的，未覆盖；请移走它或换一个文件夹',
          '--out {display} already holds {name}, which qungui did not write: it was not replaced; move it away or give another folder',
          { display, name },
        ),
      );
    }
  }
  // While files move, the marker lists both sets: a run killed here leaves nothing unaccounted for.
  const union = [...new Set([...before, ...written])].sort();
  await writeMarker(path, lock, union, false);
  for (const name of written) await rename(join(stage, name), join(path, name));
  for (const name of before) {
    if (written.includes(name)) continue;
    const info = await lstat(join(path, name)).catch(() => undefined);
    // A folder the user put in its place is theirs: left, and no longer listed.
    if (info && !info.isDirectory()) await unlink(join(path, name));
  }
  await writeMarker(path, lock, written, true);
}

async function writeMarker(path: string, lock: string, files: string[], complete: boolean): Promise<void> {
  const temp = join(lock, MARKER);
  await writeFile(temp, markerText(files, complete));
  await rename(temp, join(path, MARKER));
}

// --- the lock ---------------------------------------------------------------------------------------

interface Owner {
  tool: 'qungui';
  pid: number;
  host: string;
}

async function isLockFolder(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch(() => undefined);
  return entries?.every((name) => LOCK_ENTRIES.has(name)) === true;
}

/** The live run holding a lock folder; 'dead' when its process is gone, 'foreign' when not ours. */
async function readOwner(dir: string): Promise<'dead' | 'foreign' | Owner> {
  if (!(await isLockFolder(dir))) return 'foreign';
  let owner: Partial<Owner> | undefined;
  try {
    owner = JSON.parse(await readFile(join(dir, OWNER), 'utf8')) as Partial<Owner>;
  } catch {
    owner = undefined; // its owner is written before the folder takes the lock's name: a leftover
  }
  if (owner?.tool !== 'qungui' || typeof owner.pid !== 'number' || typeof owner.host !== 'string') return 'dead';
  if (owner.host !== hostname()) return owner as Owner; // another machine's run: cannot be checked from here
  return processAlive(owner.pid) ? (owner as Owner) : 'dead';
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function refuseBusy(path: string, display: string): Promise<void> {
  const owner = await readOwner(join(path, LOCK)).catch(() => 'dead' as const);
  if (typeof owner === 'object') throw busyRefusal(display, path, owner);
}

function busyRefusal(display: string, path: string, owner: Owner): OutputRefused {
  const where = owner.host === hostname() ? `pid ${owner.pid}` : `pid ${owner.pid} @ ${owner.host}`;
  return new OutputRefused(
    localized(
      '另一个 qungui 进程（{where}）正在写入 --out {display}；请等它结束后再运行（如果确定没有在运行，删除 {join}）',
      'another qungui run ({where}) is writing into --out {display}: run again when it has finished (if none is running, delete {join})',
      { where, display, join: String(join(path, LOCK)) },
    ),
  );
}

/**
 * Takes the folder's lock: a staging folder with its owner is made under a pid-named name and renamed
 * to `.qungui-tmp`, which succeeds for one run only. A lock whose process is gone is removed first.
 */
async function acquireLock(path: string, display: string): Promise<string> {
  const lock = join(path, LOCK);
  for (const entry of await readdir(path).catch(() => [] as string[])) {
    const pid = PENDING_LOCK.exec(entry)?.[1];
    if (pid !== undefined && !processAlive(Number(pid)) && (await isLockFolder(join(path, entry)))) {
      await rm(join(path, entry), { recursive: true, force: true });
    }
  }
  const pending = join(path, `${LOCK}-${process.pid}-${++pendingCount}`);
  await guardIo(display, async () => {
    await mkdir(pending);
    await writeFile(join(pending, OWNER), `${JSON.stringify({ tool: 'qungui', pid: process.pid, host: hostname() } satisfies Owner)}\n`);
  });
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(pending, lock);
      return lock;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EISDIR') {
        await rm(pending, { recursive: true, force: true });
        throw ioRefusal(display, error);
      }
      const owner = await readOwner(lock);
      if (attempt > 0 || owner !== 'dead') {
        await rm(pending, { recursive: true, force: true });
        if (typeof owner === 'object') throw busyRefusal(display, path, owner);
        if (owner === 'foreign')
          throw new OutputRefused(
            localized('--out {display} 中的 {LOCK} 不是 qungui 的；请移走它', "{LOCK} in --out {display} is not qungui''s: move it away", { display, LOCK }),
          );
        throw ioRefusal(display, error);
      }
      await rm(lock, { recursive: true, force: true }); // left by a run that was killed
    }
  }
}

/** Renamed away first, so a run killed while removing it leaves a pid-named folder the next run knows. */
async function releaseLock(path: string, lock: string): Promise<void> {
  const leaving = join(path, `${LOCK}-${process.pid}-${++pendingCount}`);
  await rename(lock, leaving).catch(() => undefined);
  await rm(leaving, { recursive: true, force: true });
}

/** Temp files of a single-file write whose process is gone: `.<name>.qungui-tmp-<pid>`. */
async function removeStaleTempFiles(dir: string, name: string): Promise<void> {
  const prefix = `.${name}.qungui-tmp-`;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile() || !entry.name.startsWith(prefix)) continue;
    const pid = entry.name.slice(prefix.length);
    if (/^\d+$/.test(pid) && !processAlive(Number(pid))) await rm(join(dir, entry.name), { force: true });
  }
}

// --- writability and errors -------------------------------------------------------------------------

async function refuseUnwritable(target: Target, typed: string): Promise<void> {
  const place = target.exists && target.isDirectory ? target.path : target.exists ? dirname(target.path) : target.existing;
  try {
    await access(place, constants.W_OK | constants.X_OK);
  } catch {
    throw new OutputRefused(
      localized(
        '无法写入 --out {typed}：没有在 {place} 中写入的权限；请换一个可写的位置',
        'cannot write --out {typed}: no permission to write in {place}; choose a place you can write to',
        { typed, place },
      ),
    );
  }
}

function existsRefusal(typed: string): OutputRefused {
  return new OutputRefused(
    localized('{typed} 已存在，未覆盖；要替换它请加 --force', '{typed} exists and was not overwritten; add --force to replace it', { typed }),
  );
}

function ioRefusal(display: string, error: unknown): OutputRefused {
  const detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new OutputRefused(
    localized('无法写入 {display}（{detail}）', 'could not write {display} ({message})', { display, detail, message: String((error as Error).message) }),
  );
}

/** File-system errors while writing become a clear refusal (exit 2); anything else is a bug and stays one. */
async function guardIo<T>(display: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof UsageError || typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    throw ioRefusal(display, error);
  }
}
