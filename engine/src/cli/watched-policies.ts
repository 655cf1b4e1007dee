// The policies `qungui watch` checks with: read and validated at the start (errors stop it there), and
// read again when their files change — edited, added or removed — so a term added at 10:00 is checked
// in the messages after it. A change is taken once the files have held still for one look (an editor
// or `git pull` half-way through writes is not read), and only if every policy still validates and
// keeps the time zone the watcher reads the exports in: otherwise the errors are said and the
// policies in force stay.
import { readFile, stat } from 'node:fs/promises';
import type { Locale, LocalizedText } from '../diagnostics/diagnostic.js';
import { localized, say } from '../i18n/localized-text.js';
import { timezoneOf } from '../policy/model/defaults.js';
import { type ValidatedPolicy, validatePolicies } from '../policy/validate.js';
import type { PolicyChange, PolicySource } from '../watch/policy-source.js';
import { collectPolicyFiles } from './collect-files.js';
import { formatText } from './formats/text.js';
import type { CliIo } from './io.js';

const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];

type Read = { policies: ValidatedPolicy[] } | { problems: LocalizedText; invalid?: true };

/** The given files and folders read and validated; the problems in every language when they cannot be used. */
async function readAll(given: readonly string[], cwd: string): Promise<Read> {
  const { files, missing } = await collectPolicyFiles(given, cwd);
  if (missing.length > 0) return { problems: localized('找不到 {paths}', '{paths}: not found', { paths: missing.join(', ') }) };
  if (files.length === 0) return { problems: localized('没有找到群规文件', 'no policy file found') };
  const policies = validatePolicies(await Promise.all(files.map(async (f) => ({ file: f.display, text: await readFile(f.absolute, 'utf8') }))));
  const broken = policies.filter((p) => p.diagnostics.some((d) => d.severity === 'error'));
  if (broken.length === 0) return { policies };
  const reports = broken.map((p) => ({ file: p.file, text: p.text, diagnostics: p.diagnostics.filter((d) => d.severity === 'error') }));
  const [zhCN, zhTW, en] = LOCALES.map((locale) => formatText(reports, { locale, color: false }).trimEnd());
  return { problems: { 'zh-CN': zhCN!, 'zh-TW': zhTW!, en: en! }, invalid: true };
}

/** The policies at the start, or the exit code after saying why they cannot be used. */
export async function readWatchedPolicies(given: readonly string[], io: CliIo, locale: Locale): Promise<ValidatedPolicy[] | undefined> {
  const read = await readAll(given, io.cwd);
  if ('policies' in read) return read.policies;
  if (!read.invalid) io.stderr(`${say(locale, 'qungui watch：', 'qungui watch: ')}${read.problems[locale]}\n`);
  else io.stderr(`${read.problems[locale]}\n${say(locale, 'qungui watch：群规有错误，未开始跟踪', 'qungui watch: policy errors: not watching')}\n`);
  return undefined;
}

/** Watches the policy files for `qungui watch` (see the top of this file). */
export class WatchedPolicyFiles implements PolicySource {
  /** The files as the policies in force were read from them. */
  private inForce: string;
  /** What the last look saw, and whether it was already answered. */
  private lastSeen: string;
  private answered = true;

  private constructor(
    private readonly given: readonly string[],
    private readonly cwd: string,
    /** The zone the watcher reads times without an offset in, when the bundle does not name one. */
    private readonly zoneFromPolicies: string | undefined,
    stamp: string,
  ) {
    this.inForce = stamp;
    this.lastSeen = stamp;
  }

  static async start(given: readonly string[], cwd: string, zoneFromPolicies: string | undefined): Promise<WatchedPolicyFiles> {
    return new WatchedPolicyFiles(given, cwd, zoneFromPolicies, await stampOf(given, cwd));
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
    const read = await readAll(this.given, this.cwd);
    if ('problems' in read) return { refused: read.problems };
    if (this.zoneFromPolicies !== undefined) {
      const zones = [...new Set(read.policies.map((p) => timezoneOf(p.value)))].sort();
      if (zones.length !== 1 || zones[0] !== this.zoneFromPolicies)
        return {
          refused: localized(
            '群规的时区改为 {zones}，而 watch 按启动时的 {zone} 读取数据中的时间：请重启 watch（或在 bundle.yaml 中写明 timezone）',
            'the policies’ time zone is now {zonesEn}, but the watcher reads the exports’ times in {zone}, as at its start: restart it (or set timezone in bundle.yaml)',
            { zones: zones.join('、'), zonesEn: zones.join(', '), zone: this.zoneFromPolicies },
          ),
        };
    }
    this.inForce = stamp;
    return { policies: read.policies };
  }
}

/** The policy files found now, each with its size and modification time. */
async function stampOf(given: readonly string[], cwd: string): Promise<string> {
  const { files, missing } = await collectPolicyFiles(given, cwd);
  const parts = await Promise.all(
    files.map(async (f) => {
      const info = await stat(f.absolute, { bigint: true }).catch(() => undefined);
      return info ? `${f.absolute}:${info.ino}:${info.size}:${info.mtimeNs}` : `${f.absolute}:-`;
    }),
  );
  return [...parts, ...missing.map((m) => `missing:${m}`)].join('\n');
}
