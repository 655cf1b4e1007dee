// The policies `qungui watch` checks with: read and validated at the start (errors stop it there), and
// read again when their files change — edited, added or removed — so a term added at 10:00 is checked
// in the messages after it. A change is taken once the files have held still for one look (an editor
// or `git pull` half-way through writes is not read), and only if every policy still validates and
// keeps the time zone the watcher reads the exports in: otherwise the errors are said and the
// policies in force stay.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Locale, LocalizedText } from '../diagnostics/diagnostic.js';
import { textOf } from '../i18n/localized-error.js';
import { localized } from '../i18n/localized-text.js';
import { timezoneOf } from '../policy/model/defaults.js';
import type { ValidatedPolicy } from '../policy/validate.js';
import type { PolicyChange, PolicySource } from '../watch/policy-source.js';
import { collectPolicyFiles } from './collect-files.js';
import type { CliIo } from './io.js';
import { readPolicyFiles, sayUnusable } from './read-policies.js';

/** The policies at the start, or undefined after saying why they cannot be used. */
export async function readWatchedPolicies(given: readonly string[], io: CliIo, locale: Locale): Promise<ValidatedPolicy[] | undefined> {
  const read = await readPolicyFiles(given, io.cwd);
  if ('policies' in read) return read.policies;
  sayUnusable(read, 'watch', localized('群规有错误，未开始跟踪', 'policy errors: not watching'), io, locale);
  return undefined;
}

/** Why a change of the policy files cannot be used, in every language. */
function refusal(read: { missing: string[] } | { errors: LocalizedText }): LocalizedText {
  if ('errors' in read) return { 'zh-CN': read.errors['zh-CN'].trimEnd(), 'zh-TW': read.errors['zh-TW'].trimEnd(), en: read.errors.en.trimEnd() };
  return read.missing.length > 0
    ? localized('找不到 {paths}', '{paths}: not found', { paths: read.missing.join(', ') })
    : localized('没有找到群规文件', 'no policy file found');
}

/** Watches the policy files for `qungui watch` (see the top of this file). */
export class WatchedPolicyFiles implements PolicySource {
  /** The files as the policies in force were read from them. */
  private inForce: string;
  /** What the last look saw, and whether it was already answered. */
  private lastSeen: string;
  private answered = true;
  /** The files of the policies in force, as displayed. */
  private inForceFiles: string[];
  /** The last refusal said: the same one is not said again every second. */
  private lastRefusal = '';

  /** `stamp`: the files as they were before the policies in force were read from them (stampOf), so
   *  an edit made while they were read is a change. */
  constructor(
    private readonly given: readonly string[],
    private readonly cwd: string,
    /** The zone the watcher reads times without an offset in, when the bundle does not name one. */
    private readonly zoneFromPolicies: string | undefined,
    stamp: string,
    policies: readonly ValidatedPolicy[],
  ) {
    this.inForce = stamp;
    this.lastSeen = stamp;
    this.inForceFiles = policies.map((p) => p.file);
  }

  async changed(): Promise<PolicyChange | undefined> {
    const stamp = await stampOf(this.given, this.cwd);
    if (stamp !== this.lastSeen) {
      // Still being written, perhaps: looked at again next time.
      this.lastSeen = stamp;
      this.answered = false;
      return undefined;
    }
    if (this.answered || stamp === this.inForce) return undefined;
    this.answered = true;
    let read: Awaited<ReturnType<typeof readPolicyFiles>>;
    try {
      read = await readPolicyFiles(this.given, this.cwd);
    } catch (error) {
      // A file that cannot be read (its permissions): tried again at every look, said once.
      this.answered = false;
      return this.refuse(localized('无法读取群规文件：{reason}', 'could not read the policy files: {reason}', { reason: textOf(error) }));
    }
    // A folder's file that no longer reads as a policy (its apiVersion line broken, emptied) drops out
    // of the folder's policies; its groups must not silently stop being checked. Deleted, it may go.
    const found = new Set('policies' in read ? read.policies.map((p) => p.file) : []);
    const dropped = 'errors' in read ? [] : this.inForceFiles.filter((file) => !found.has(file) && existsSync(resolve(this.cwd, file)));
    if (dropped.length > 0)
      return this.refuse(
        localized(
          '{files} 已不是群规文件（缺少 apiVersion: qungui/v1，或内容已清空）；若要停用其中的群规，请删除或移走该文件',
          '{files} no longer reads as a policy file (no apiVersion: qungui/v1, or emptied); to retire its policy, delete or move the file',
          { files: dropped.join(', ') },
        ),
      );
    if (!('policies' in read)) return this.refuse(refusal(read));
    if (this.zoneFromPolicies !== undefined) {
      const zones = [...new Set(read.policies.map((p) => timezoneOf(p.value)))].sort();
      if (zones.length !== 1 || zones[0] !== this.zoneFromPolicies)
        return this.refuse(
          localized(
            '群规的时区改为 {zones}，而 watch 按启动时的 {zone} 读取数据中的时间：请重启 watch（或在 bundle.yaml 中写明 timezone）',
            'the policies’ time zone is now {zonesEn}, but the watcher reads the exports’ times in {zone}, as at its start: restart it (or set timezone in bundle.yaml)',
            { zones: zones.join('、'), zonesEn: zones.join(', '), zone: this.zoneFromPolicies },
          ),
        );
    }
    this.inForce = stamp;
    this.inForceFiles = read.policies.map((p) => p.file);
    this.lastRefusal = '';
    return { policies: read.policies };
  }

  private refuse(why: LocalizedText): PolicyChange | undefined {
    if (why.en === this.lastRefusal) return undefined;
    this.lastRefusal = why.en;
    return { refused: why };
  }
}

/** The policy files found now, each with its size and modification time. */
export async function stampOf(given: readonly string[], cwd: string): Promise<string> {
  const { files, missing } = await collectPolicyFiles(given, cwd);
  const parts = await Promise.all(
    files.map(async (f) => {
      const info = await stat(f.absolute, { bigint: true }).catch(() => undefined);
      return info ? `${f.absolute}:${info.ino}:${info.size}:${info.mtimeNs}` : `${f.absolute}:-`;
    }),
  );
  return [...parts, ...missing.map((m) => `missing:${m}`)].join('\n');
}
