// The archive of evaluated months (`evaluate --archive DIR`): DIR/YYYY-MM/ holds the month's
// result.json, an exact copy of every policy that governed it and archive.json (qungui's version, the
// archive format, each policy's file and sha256). Earlier months are read from it for R2's repeated
// failures. A month is written whole or not at all (built beside, then renamed in); an archived month is
// replaced only with --replace, and no other month is ever touched. An archive a newer qungui wrote, or a
// month whose files do not parse, is refused by name — never misread.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { localized } from '../i18n/localized-text.js';
import { writeJsonFile } from '../report/result-json.js';
import { parse as parseYaml } from 'yaml';
import type { ArchivedMonth } from '../report/trend.js';
import { UsageError } from './io.js';
import { VERSION } from './version.js';

/** The archive's layout version: a reader refuses a format it does not know. */
export const ARCHIVE_FORMAT = 1;
const MONTH_DIR = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface ArchivedPolicy {
  id: string;
  name: string;
  /** The copy inside the month folder, e.g. policies/onboarding.qungui.yaml. */
  file: string;
  /** Where it was read from when the month was evaluated. */
  source: string;
  sha256: string;
}

export interface ArchiveManifest {
  tool: 'qungui';
  format: number;
  version: string;
  month: string;
  policies: ArchivedPolicy[];
}

/** Which archived months to read: a period (inclusive) and a month to leave out (the one being evaluated). */
export interface MonthFilter {
  from?: string;
  to?: string;
  except?: string;
}

/** The archived months' names, oldest first (an archive not made yet holds none). */
export async function archivedMonthNames(dir: string, filter: MonthFilter = {}): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new UsageError(localized('无法读取归档 {dir}（{reason}）', 'cannot read the archive {dir} ({reason})', { dir, reason: error.code ?? error.message }));
  });
  return entries
    .filter((e) => e.isDirectory() && MONTH_DIR.test(e.name) && e.name !== filter.except)
    .map((e) => e.name)
    .filter((m) => (filter.from === undefined || m >= filter.from) && (filter.to === undefined || m <= filter.to))
    .sort();
}

/** The archived months of the filter with the policies that governed them, oldest first; refuses what it
 *  cannot read, naming it. Each month is a whole result in memory: callers ask for the months they need. */
export async function readArchivedMonths(dir: string, filter: MonthFilter = {}): Promise<ArchivedMonth[]> {
  const months: ArchivedMonth[] = [];
  for (const month of await archivedMonthNames(dir, filter)) months.push(await readArchivedMonth(dir, month));
  return months;
}

/** One archived month: its result and its policies (parsed from the archived copies), checked to belong together. */
export async function readArchivedMonth(dir: string, month: string): Promise<ArchivedMonth> {
  const manifestFile = join(dir, month, 'archive.json');
  const manifest = (await readJson(manifestFile)) as Partial<ArchiveManifest>;
  if (manifest.tool !== 'qungui' || !Number.isInteger(manifest.format) || (manifest.format as number) < 1 || manifest.month !== month)
    throw new UsageError(
      localized('{file} 不是 qungui 的归档说明，无法读取这个月', '{file} is not a qungui archive manifest: the month cannot be read', { file: manifestFile }),
    );
  if ((manifest.format as number) > ARCHIVE_FORMAT)
    throw new UsageError(
      localized(
        '{file} 是较新版本的 qungui（{version}）写的归档，请升级 qungui 后再读取',
        '{file} was written by a newer qungui ({version}): upgrade qungui to read it',
        {
          file: manifestFile,
          version: String(manifest.version ?? '?'),
        },
      ),
    );
  const resultFile = join(dir, month, 'result.json');
  const result = (await readJson(resultFile)) as EvaluationResult;
  if (result.version !== 1 || result.month !== month || !Array.isArray(result.members))
    throw new UsageError(
      localized(
        '{file} 不是 {month} 的考核结果（月份或格式不符），这个归档月份无法使用',
        '{file} is not the result of {month} (month or format differs): the archived month cannot be used',
        {
          file: resultFile,
          month,
        },
      ),
    );
  // Two archives merged by hand can leave one archive's result beside the other's manifest and copies:
  // the policies the result names must be the archived copies, hash for hash.
  const archivedHashes = new Map((manifest.policies ?? []).map((p) => [p.id, p.sha256]));
  const mixed = result.policies.some((p) => archivedHashes.get(p.id) !== p.sha256) || archivedHashes.size !== result.policies.length;
  if (mixed)
    throw new UsageError(
      localized(
        '{dir} 的 result.json 与 archive.json 不是同一次考核写的（群规的 sha256 不一致，多半是两个归档被合并过）；请用 --replace 重新考核这个月',
        '{dir}: result.json and archive.json come from different runs (the policies’ sha256 differ, most likely two archives merged): evaluate the month again with --replace',
        { dir: join(dir, month) },
      ),
    );
  const policies = new Map<string, unknown>();
  const texts = new Map<string, { file: string; text: string }>();
  for (const p of manifest.policies ?? []) {
    const copy = join(dir, month, String(p.file));
    // Only the month's own policies/ folder: a manifest edited to point elsewhere is not followed.
    if (!POLICY_COPY.test(String(p.file))) throw notArchived(manifestFile);
    const bytes = await readFile(copy).catch(() => {
      throw new UsageError(localized('归档缺少 {file}', 'the archive lacks {file}', { file: copy }));
    });
    // The copy must be the policy that governed the month, byte for byte: an edited copy would explain
    // the month against thresholds it was never rated on.
    if (createHash('sha256').update(bytes).digest('hex') !== p.sha256)
      throw new UsageError(
        localized(
          '{file} 与归档时的群规不一致（sha256 不同，文件被改过或来自另一个归档）；请恢复原文件，或用 --replace 重新考核这个月',
          '{file} is not the policy archived with the month (its sha256 differs: edited, or from another archive): restore it, or evaluate the month again with --replace',
          { file: copy },
        ),
      );
    const text = bytes.toString('utf8');
    policies.set(p.id, parseYaml(text));
    texts.set(p.id, { file: copy, text });
  }
  return { result, policies, texts };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    // Bytes, then one decode: reading with an encoding decodes chunk by chunk, several times slower on a
    // result of many megabytes.
    text = (await readFile(file)).toString('utf8');
  } catch (error) {
    throw new UsageError(
      localized('归档缺少 {file}（{reason}）', 'the archive lacks {file} ({reason})', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }),
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(
      localized('{file} 已损坏（不是有效的 JSON），这个归档月份无法使用', '{file} is damaged (not valid JSON): the archived month cannot be used', { file }),
    );
  }
}

const POLICY_COPY = /^policies\/[^/\\]+$/;

const notArchived = (file: string) =>
  new UsageError(localized('{file} 不是 qungui 的归档说明，无法读取这个月', '{file} is not a qungui archive manifest: the month cannot be read', { file }));

/**
 * Refused before any work: the month is archived already and --replace was not given; or --replace would
 * remove a folder qungui did not write as it stands (no manifest of ours, or files a person added).
 */
export async function checkArchiveTarget(dir: string, month: string, replace: boolean): Promise<void> {
  const folder = join(dir, month);
  const exists = await stat(folder).then(
    () => true,
    () => false,
  );
  if (exists && replace) {
    const manifest = (await readFile(join(folder, 'archive.json'), 'utf8')
      .then((text) => JSON.parse(text) as Partial<ArchiveManifest>)
      .catch(() => undefined)) as Partial<ArchiveManifest> | undefined;
    const ours = new Set(['archive.json', 'result.json', ...(manifest?.policies ?? []).map((p) => String(p.file))]);
    const present = (await readdir(folder, { recursive: true, withFileTypes: true }))
      .filter((e) => !e.isDirectory())
      .map((e) => relative(folder, join(e.parentPath, e.name)).split(sep).join('/'));
    const foreign = manifest?.tool === 'qungui' ? present.filter((f) => !ours.has(f)).sort() : present.sort();
    if (manifest?.tool !== 'qungui' || foreign.length)
      throw new UsageError(
        localized(
          '{folder} 不是 qungui 写的归档月份（或其中有别人放入的文件：{files}），--replace 不会删除它；请把这些文件移走，或换一个归档文件夹',
          '{folder} is not an archived month as qungui wrote it (or holds files someone added: {files}): --replace will not remove it; move them away, or use another archive folder',
          { folder, files: (foreign.slice(0, 3).join(', ') || 'archive.json') + (foreign.length > 3 ? ', …' : '') },
        ),
      );
  }
  if (exists && !replace)
    throw new UsageError(
      localized(
        '归档 {dir} 中已有 {month}；要重新考核并替换这个月，请加 --replace（其他月份不受影响）',
        'the archive {dir} already holds {month}: add --replace to evaluate it again and replace that month (no other month is touched)',
        {
          dir,
          month,
        },
      ),
    );
}

/** Writes DIR/<month>/ whole: built in a sibling folder, then renamed into place (the old one, if replaced, removed after). */
export async function archiveMonth(
  dir: string,
  result: EvaluationResult,
  policies: readonly { source: string; text: string; id: string; name: string }[],
  replace: boolean,
): Promise<void> {
  await checkArchiveTarget(dir, result.month, replace);
  await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(join(dir, `.${result.month}-`));
  try {
    await mkdir(join(staging, 'policies'));
    const used = new Set<string>();
    const archived: ArchivedPolicy[] = [];
    for (const p of policies) {
      let name = basename(p.source);
      for (let i = 2; used.has(name); i++) name = `${i}-${basename(p.source)}`;
      used.add(name);
      await writeFile(join(staging, 'policies', name), p.text);
      archived.push({ id: p.id, name: p.name, file: `policies/${name}`, source: p.source, sha256: createHash('sha256').update(p.text, 'utf8').digest('hex') });
    }
    await writeJsonFile(join(staging, 'result.json'), result as unknown as Record<string, unknown>);
    const manifest: ArchiveManifest = { tool: 'qungui', format: ARCHIVE_FORMAT, version: VERSION, month: result.month, policies: archived };
    await writeFile(join(staging, 'archive.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const target = join(dir, result.month);
    const previous = replace ? `${staging}.old` : undefined;
    const moved = previous
      ? await rename(target, previous).then(
          () => true,
          () => false,
        )
      : false;
    try {
      await rename(staging, target);
    } catch (error) {
      // The new month could not take its place: the old one goes back, so the archive keeps it.
      if (moved) await rename(previous!, target).catch(() => undefined);
      throw error;
    }
    if (moved) await rm(previous!, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
