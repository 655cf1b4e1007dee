// Turns PATH… arguments into policy files: files as given, folders searched for YAML that declares
// apiVersion: qungui/v1 (policy tests and archived months' copies excluded), globs expanded. Sorted, so output is deterministic.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { isPolicyText } from '../policy/validate.js';

export interface FoundFile {
  absolute: string;
  display: string;
}
export interface Collected {
  files: FoundFile[];
  missing: string[];
  /** YAML files in the folders searched that are not policies, so a user told "no policy here" sees why. */
  passedOver: { tests: string[]; other: string[] };
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);
const YAML = /\.ya?ml$/i;

export async function collectPolicyFiles(args: readonly string[], cwd: string): Promise<Collected> {
  const found = new Map<string, FoundFile>();
  const missing: string[] = [];
  const passedOver: Collected['passedOver'] = { tests: [], other: [] };
  const add = (absolute: string) => found.set(absolute, { absolute, display: relative(cwd, absolute).split(sep).join('/') || absolute });
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      if (matches.length === 0) missing.push(arg);
      for (const match of matches.sort()) if (YAML.test(match)) add(resolve(match));
      continue;
    }
    const absolute = resolve(cwd, arg);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) missing.push(arg);
    else if (info.isDirectory()) for (const file of await policyFilesIn(absolute, passedOver, (path) => relative(cwd, path).split(sep).join('/'))) add(file);
    else add(absolute); // a file named explicitly is validated whatever it declares
  }
  passedOver.tests.sort();
  passedOver.other.sort();
  return { files: [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0)), missing, passedOver };
}

/** A month of an `evaluate --archive` folder holds copies of the policies of then: validating a policy
 *  repository that keeps its archive must not find each policy again in every month (a duplicate id). */
async function isArchivedMonth(dir: string): Promise<boolean> {
  const manifest = await readFile(join(dir, 'archive.json'), 'utf8').catch(() => undefined);
  return manifest !== undefined && /"tool"\s*:\s*"qungui"/.test(manifest);
}

async function policyFilesIn(dir: string, passedOver: Collected['passedOver'], display: (path: string) => string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.') && !(await isArchivedMonth(path)))
        out.push(...(await policyFilesIn(path, passedOver, display)));
    } else if (YAML.test(entry.name)) {
      const head = (await readFile(path, 'utf8').catch(() => '')).slice(0, 64 * 1024);
      if (!isPolicyText(head)) passedOver.other.push(display(path));
      else if (/^kind:\s*["']?PolicyTest/m.test(head)) passedOver.tests.push(display(path));
      else out.push(path);
    }
  }
  return out;
}
