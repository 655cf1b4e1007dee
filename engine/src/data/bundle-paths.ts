// A bundle reads only its own files. Every file a bundle names — a bundle.yaml entry or glob, a table's
// default file name, bundle.yaml itself — is resolved to its real path (symlinks followed) and must lie
// inside the bundle folder's real path and be a regular file. A path typed by hand (`../../etc/passwd`,
// an absolute path) or a link leaving the folder would otherwise be read, and its lines would land in
// rejected.csv and the console; a FIFO or a device would block the run.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { localized } from '../i18n/localized-text.js';
import { LocalizedError } from '../i18n/localized-error.js';

/** A file of the bundle that is refused before any of it is read. Known by `name` (the CLI exits 2). */
export class BundlePathError extends LocalizedError {
  override name = 'BundlePathError';
}

/** The bundle folder's real path (the root every file must resolve into). */
export async function bundleRoot(dir: string): Promise<string> {
  return realpath(dir);
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' ? false : !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The real path of `path`, a file that `what` (e.g. "bundle.yaml: tables.members") names as `written`;
 * a BundlePathError when it resolves outside `root` or is not a regular file. Only the names of paths
 * appear in the error, never anything read from them.
 */
export async function fileInsideBundle(root: string, path: string, what: string, written: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    throw new BundlePathError(localized('{what}：找不到文件 {written}', '{what}: no such file {written}', { what, written }));
  }
  if (!isInside(root, real)) {
    throw new BundlePathError(
      localized(
        '{what}：文件 {written} 不在数据文件夹内（实际位置 {real}），未读取；请把文件复制到数据文件夹中',
        '{what}: the file {written} is outside the bundle folder (it resolves to {real}) and was not read; copy it into the bundle folder',
        { what, written, real },
      ),
    );
  }
  if (!(await stat(real)).isFile()) {
    throw new BundlePathError(
      localized('{what}：{written} 不是普通文件，未读取', '{what}: {written} is not a regular file and was not read', { what, written }),
    );
  }
  return real;
}
