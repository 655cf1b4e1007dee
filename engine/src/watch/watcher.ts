// `qungui watch`: follows the bundle's message files, checks each new message with the monthly run's
// rules (live-policy.ts), and delivers every alert to each target at least once. The order that makes
// that hold across kill -9: lines read → alerts into the outbox → the state (positions and outbox
// together) written atomically → only then the alerts handed to the targets → each acknowledgement
// written to the state. A restart reads on from the saved positions and sends what is still owed;
// alert ids already made are never made again (a message read twice, a file rewritten).
import { statSync, watch as watchFolder, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { DateTime } from 'luxon';
import { openBundle, resolveSources } from '../data/open-bundle.js';
import { MAX_LINE_BYTES } from '../data/line-limit.js';
import type { MessageRow } from '../data/bundle-types.js';
import type { ResolvedSource } from '../data/source-records.js';
import type { Locale, LocalizedText } from '../diagnostics/diagnostic.js';
import { readSmallTables, type SmallTables } from '../evaluate/small-tables.js';
import { previousMonth } from '../evaluate/time.js';
import { textOf } from '../i18n/localized-error.js';
import { localized, say } from '../i18n/localized-text.js';
import { tableLabel } from '../report/labels.js';
import { clauseById } from '../policy/clauses.js';
import type { ValidatedPolicy } from '../policy/validate.js';
import { alertOf } from './alert.js';
import type { DeliveryTarget } from './delivery-target.js';
import { FileSet } from './file-set.js';
import type { FollowedFile } from './followed-file.js';
import { MessageChecker } from './message-checker.js';
import { FOLLOWED_FORMATS, MessageLines } from './message-lines.js';
import { Outbox } from './outbox.js';
import type { PolicyChange, PolicySource } from './policy-source.js';
import { StateLock } from './state-lock.js';
import { backoff, type Timing } from './timing.js';
import { emptyState, readState, writeState, type WatchState } from './watch-state.js';

export interface WatchOptions {
  /** The bundle folder (absolute). */
  dataDir: string;
  policies: readonly ValidatedPolicy[];
  /** The policies read again when their files change; without it the policies stay as given. */
  policySource?: PolicySource;
  /** The zone of times without an offset. */
  timezone: string;
  statePath: string;
  fromStart: boolean;
  redact: boolean;
  locale: Locale;
  /** stdout first, then the robots and the command. */
  targets: readonly DeliveryTarget[];
  time: Timing;
  /** A line for the operator (stderr), in `locale`. */
  log: (text: LocalizedText) => void;
  /** Ends the watch: the state is written and the deliveries under way may finish. */
  stop: AbortSignal;
}

/** Bytes read from one file at a time: enough for thousands of messages, little enough to keep deliveries moving. */
const READ_BYTES = 1 << 20;
/** Positions are written at least this often while reading (alerts are written before they are sent, always). */
const COMMIT_EVERY_MS = 1_000;
/** New alerts are written (and so sent) at most this often while a backlog is read, and at most a
 *  tenth of the time goes to writing: each write holds the whole outbox, which a backlog fills faster
 *  than a robot's 20 messages a minute empty it. */
const ALERT_COMMIT_MS = 100;
const WRITE_SHARE = 10;
/** New message files and changed small tables are looked for this often. */
const RESCAN_EVERY_MS = 1_000;
/** After a stop, deliveries under way get this long to be acknowledged. */
const STOP_GRACE_MS = 5_000;
/** A last line without its newline that has not grown for this long is checked as it is. */
const PARTIAL_QUIET_MS = 2_000;
/** A message dated this far past the clock is no real message (a broken clock, a typo of the year). */
const FUTURE_SLACK_MS = 2 * 86_400_000;

export async function watch(options: WatchOptions): Promise<void> {
  const lock = StateLock.take(options.statePath);
  try {
    await new Watcher(options, readState(options.statePath)).run();
  } finally {
    lock.release();
  }
}

class Watcher {
  private readonly state: WatchState;
  private readonly outbox: Outbox;
  private readonly files: FileSet;
  private readonly lines: MessageLines;
  private checker!: MessageChecker;
  /** start() went through: there is a state worth writing at the end. */
  private started = false;
  private tablesSignature = '';
  /** Alert ids made, with the month of their message. */
  private readonly alerted = new Map<string, string>();
  /** Messages counted as violations (M5), with their month: a message read again is not counted again. */
  private readonly counted = new Map<string, string>();
  /** The newest month of plausible messages (never past the clock's month). */
  private latestMonth = '';
  /** Months of the messages read since the state was last written: never dropped by that write. */
  private readonly monthsRead = new Set<string>();
  private dirty = false;
  private alertsWaiting = false;
  private lastCommit = 0;
  /** How long the last write of the state took. */
  private lastCommitMs = 0;
  private lastRescan = 0;
  private wake: (() => void) | undefined;
  private readonly folderWatchers: FSWatcher[] = [];
  private readonly targetKeys: string[];

  constructor(
    private readonly options: WatchOptions,
    saved: WatchState | undefined,
  ) {
    this.state = saved ?? emptyState();
    this.outbox = new Outbox(this.state.outbox);
    this.files = new FileSet(options.dataDir, this.state.files, saved === undefined && !options.fromStart ? 'end' : 'start');
    this.lines = new MessageLines(options.timezone);
    for (const [month, ids] of Object.entries(this.state.alerted)) for (const id of ids) this.alerted.set(id, month);
    for (const [month, ids] of Object.entries(this.state.counted)) for (const id of ids) this.counted.set(id, month);
    // The newest month of the saved messages, not past the clock's: a state written before far-future
    // dates were refused must not steer what is kept.
    const clockMonth = this.clockMonth();
    for (const month of [...Object.keys(this.state.alerted), ...Object.keys(this.state.counted)])
      if (month > this.latestMonth && month <= clockMonth) this.latestMonth = month;
    this.targetKeys = options.targets.map((t) => t.key);
    for (const target of options.targets) {
      target.rememberSent?.(this.state.sent[target.key] ?? []);
      target.onSend = () => this.commit();
    }
  }

  async run(): Promise<void> {
    const stopWorkers = new AbortController();
    let workers: Promise<void>[] = [];
    try {
      await this.start();
      // A target that cannot go on (the state cannot be written) stops the watcher, which says why.
      workers = this.options.targets.map((target) =>
        this.deliverTo(target, stopWorkers.signal).catch((error: unknown) => {
          this.fatal ??= error;
          this.poke();
        }),
      );
      await this.follow();
      // Stopping: what was read is written, deliveries under way get a moment to be acknowledged.
      this.commit();
    } finally {
      stopWorkers.abort();
      const grace = new AbortController();
      await Promise.race([Promise.all(workers), this.options.time.sleep(STOP_GRACE_MS, grace.signal)]);
      grace.abort();
      if (this.fatal === undefined && this.started) this.commit();
      for (const watcher of this.folderWatchers) watcher.close();
      this.files.close();
    }
    if (this.fatal !== undefined) throw this.fatal;
  }

  private fatal: unknown;

  /** The clock's month in the bundle's zone. */
  private clockMonth(): string {
    return DateTime.fromMillis(this.options.time.now(), { zone: this.options.timezone }).toFormat('yyyy-MM');
  }

  /** Not in the future past a day or two, and within a month of the folder's month when the folder is named YYYY-MM. */
  private plausible(sentAt: number): boolean {
    // Plain comparisons: this runs for every message of a backlog (a DateTime each would halve the pace).
    if (sentAt > this.options.time.now() + FUTURE_SLACK_MS) return false;
    const [from, to] = (this.folderRange ??= this.rangeOfFolder());
    return sentAt >= from && sentAt < to;
  }

  private folderRange: [number, number] | undefined;

  /** From the start of the month before the folder's to the end of the month after it (all time without a YYYY-MM name). */
  private rangeOfFolder(): [number, number] {
    const folder = /^(\d{4})-(\d{2})$/.exec(basename(this.options.dataDir));
    if (!folder) return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
    const month = DateTime.fromObject({ year: Number(folder[1]), month: Number(folder[2]), day: 1 }, { zone: this.options.timezone });
    return [month.minus({ months: 1 }).toMillis(), month.plus({ months: 2 }).toMillis()];
  }

  private async start(): Promise<void> {
    const { options } = this;
    const tables = await this.readTables();
    this.checker = new MessageChecker(options.policies, tables, options.redact, this.state.violations);
    this.files.update(await this.messageSources());
    if (this.files.files().length === 0)
      options.log(
        localized(
          '数据包中还没有可跟踪的消息文件（messages.jsonl 或 bundle.yaml 的 messages），出现后即开始跟踪',
          "The bundle has no message file to follow yet (messages.jsonl or bundle.yaml's messages): it is followed as soon as one appears",
        ),
      );
    for (const lost of this.files.lost)
      options.log(
        // Another file at the same path (replaced while stopped) is read from its start: say so.
        this.files.files().some((f) => f.state.path === lost.path)
          ? localized(
              '{path} 在 watch 停止期间被替换为另一个文件：从新文件开头读取（已告警的消息不会再次告警），旧文件中未读的消息无法检查',
              '{path} was replaced by another file while the watcher was stopped: the new file is read from its start (messages already alerted are not alerted again); the old file’s unread messages cannot be checked',
              { path: lost.path },
            )
          : localized(
              '上次读到的 {path} 已不在数据文件夹中，其中未读的消息无法检查',
              '{path}, followed before, is no longer in the bundle folder: its unread messages cannot be checked',
              { path: lost.path },
            ),
      );
    for (const file of this.files.files())
      if (file.rewound)
        options.log(
          localized(
            '{path} 在 watch 停止期间被重写，从头重新读取（已告警的消息不会再次告警）',
            '{path} was rewritten while the watcher was stopped: read again from its start (messages already alerted are not alerted again)',
            { path: file.source.display },
          ),
        );
    this.sayWhatIsWatched();
    this.handOverOwed();
    this.watchFolders();
    this.commit();
    this.started = true;
  }

  /** Reads on until stopped: new lines as they come, the state written as it changes. */
  private async follow(): Promise<void> {
    const { options } = this;
    let caughtUp = false;
    while (!options.stop.aborted && this.fatal === undefined) {
      const read = this.readSome();
      const now = options.time.now();
      if (now - this.lastRescan >= RESCAN_EVERY_MS) await this.rescan(now);
      const since = now - this.lastCommit;
      if (this.dirty && (read === 0 || since >= COMMIT_EVERY_MS || (this.alertsWaiting && since >= Math.max(ALERT_COMMIT_MS, this.lastCommitMs * WRITE_SHARE))))
        this.commit();
      if (read > 0) {
        // Let deliveries and signals run between chunks.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      if (!caughtUp) {
        caughtUp = true;
        options.log(
          localized(
            '已读到文件末尾：共检查 {messages} 条消息，{alerts} 条告警；等待新消息',
            'Caught up: {messages} messages checked, {alerts} alerts; waiting for new messages',
            { messages: this.state.counters.messages, alerts: this.state.counters.alerts },
          ),
        );
      }
      await this.idle();
    }
  }

  /** Reads what the files have now, a chunk from each; returns the lines read. */
  private readSome(): number {
    let total = 0;
    const grew = new Set<FollowedFile>();
    for (const file of this.files.files()) {
      if (file.restartIfTruncated())
        this.options.log(
          localized(
            '{path} 被截断或重写，从头重新读取（已告警的消息不会再次告警）',
            '{path} was truncated or rewritten: read again from its start (messages already alerted are not alerted again)',
            {
              path: file.source.display,
            },
          ),
        );
      const read = file.readLines(READ_BYTES, MAX_LINE_BYTES);
      if (!read) {
        this.lookAtPartial(file);
        continue;
      }
      this.partials.delete(file);
      grew.add(file);
      this.dirty = true;
      for (const line of read.tooLong) this.malformed(this.lines.tooLong(file.source, line));
      for (let i = 0; i < read.lines.length; i++) {
        const outcome = this.lines.read(file.source, read.firstLine + i, read.lines[i]!);
        if (outcome === undefined) continue;
        if ('message' in outcome) this.check(outcome.message, file.source.display, read.firstLine + i);
        else if ('rejected' in outcome) this.malformed(outcome);
        else this.state.counters.skipped++;
      }
      total += read.lines.length + read.tooLong.length;
    }
    this.files.settle(grew, (file) => {
      this.partials.delete(file);
      this.readPartial(file, true);
    });
    return total;
  }

  /** Unfinished last lines: size and since when, per file; `checked` once looked at. */
  private readonly partials = new Map<FollowedFile, { size: number; since: number; checked: boolean }>();

  /** A file whose last line lacks its newline (a --from-start backlog, an export that ends so): checked
   *  after a quiet while; a writer still at it finishes it before then, and de-dup covers a re-read. */
  private lookAtPartial(file: FollowedFile): void {
    const unread = file.unreadBytes();
    if (unread === 0) {
      this.partials.delete(file);
      return;
    }
    const now = this.options.time.now();
    const size = file.state.position + unread;
    const seen = this.partials.get(file);
    if (!seen || seen.size !== size) this.partials.set(file, { size, since: now, checked: false });
    else if (!seen.checked && now - seen.since >= PARTIAL_QUIET_MS) {
      seen.checked = true;
      this.readPartial(file, false);
    }
  }

  /** The unfinished last line as a message; `final` (the file is let go): what is no message is reported. */
  private readPartial(file: FollowedFile, final: boolean): void {
    const partial = file.partialLine(MAX_LINE_BYTES);
    if (!partial) return;
    const outcome = this.lines.read(file.source, partial.line, partial.text);
    if (outcome === undefined) return;
    this.dirty = true;
    if ('message' in outcome) this.check(outcome.message, file.source.display, partial.line);
    else if ('rejected' in outcome && final) this.malformed(outcome);
  }

  private check(message: MessageRow, file: string, line: number): void {
    const counters = this.state.counters;
    if (!this.plausible(message.sent_at)) {
      // Reported like a malformed line (once, counted), never checked: its month would push the
      // months kept past the real one and drop the real month's alerts and counts.
      counters.malformed++;
      this.options.log(
        localized(
          '{file} 第 {line} 行的时间 {time} 远离数据包的月份和当前时间，已跳过',
          '{file} line {line} is dated {time}, far from the bundle’s month and the clock: skipped',
          { file, line, time: DateTime.fromMillis(message.sent_at, { zone: this.options.timezone }).toFormat('yyyy-MM-dd HH:mm') },
        ),
      );
      return;
    }
    counters.messages++;
    // The ids as they are (no hash): this look-up runs for every message, and only violations are kept.
    const messageKey = `${message.group_id}\u0000${message.message_id}`;
    if (this.counted.has(messageKey)) return; // read before, and counted: its alerts were made then
    const result = this.checker.check(message);
    if (!result) return;
    const { live, findings } = result;
    if (live.month > this.latestMonth) this.latestMonth = live.month;
    this.monthsRead.add(live.month);
    if (live.lastCounted) this.counted.set(messageKey, live.month);
    for (const found of findings) {
      const alert = alertOf(live, found);
      if (this.alerted.has(alert.id)) continue;
      this.alerted.set(alert.id, live.month);
      this.outbox.add(alert, this.targetKeys);
      counters.alerts++;
      this.alertsWaiting = true;
    }
  }

  private malformed(outcome: ReturnType<MessageLines['tooLong']>): void {
    if (!outcome || !('rejected' in outcome)) return;
    const { file, line, reason } = outcome.rejected;
    this.state.counters.malformed++;
    this.options.log(
      localized('{file} 第 {line} 行不是有效的消息，已跳过（{reason}）', '{file} line {line} is not a valid message, skipped ({reason})', {
        file,
        line,
        reason,
      }),
    );
  }

  /** The state on disk, then the new alerts released to the targets. */
  private commit(): void {
    const state = this.state;
    state.files = this.files.states();
    state.outbox = this.outbox.snapshot();
    state.violations = this.checker ? this.checker.saveCounts() : state.violations;
    state.sent = {};
    for (const target of this.options.targets) {
      const times = target.sentTimes?.();
      if (times?.length) state.sent[target.key] = times;
    }
    // Kept: the newest month of real messages and the one before, the clock's month and the one
    // before, and every month read since the last write (a late backlog of an older month).
    let keep = previousMonth(this.latestMonth && this.latestMonth < this.clockMonth() ? this.latestMonth : this.clockMonth());
    for (const month of this.monthsRead) if (month < keep) keep = month;
    this.monthsRead.clear();
    state.alerted = byMonth(this.alerted, keep);
    state.counted = byMonth(this.counted, keep);
    for (const counts of Object.values(state.violations)) for (const month of Object.keys(counts)) if (month < keep) delete counts[month];
    const started = this.options.time.now();
    writeState(this.options.statePath, state);
    this.lastCommit = this.options.time.now();
    this.lastCommitMs = this.lastCommit - started;
    this.dirty = false;
    this.alertsWaiting = false;
    this.outbox.release();
  }

  /** One target's loop: the oldest alerts it owes, delivered, acknowledged in the state; failures retried with backoff. */
  private async deliverTo(target: DeliveryTarget, stop: AbortSignal): Promise<void> {
    let failures = 0;
    let lastReason = '';
    while (!stop.aborted) {
      if (this.outbox.pendingFor(target.key, 1).length === 0) {
        await this.outbox.more(stop);
        continue;
      }
      // Taken after the wait for the target's turn, so what came meanwhile goes with this message.
      await target.ready?.(stop);
      if (stop.aborted) break;
      const pending = this.outbox.pendingFor(target.key, target.batch);
      const result = await target.deliver(pending, stop);
      if ('delivered' in result) {
        if (result.delivered === 0) continue;
        this.outbox.acknowledge(
          target.key,
          pending.slice(0, result.delivered).map((a) => a.id),
        );
        // A robot's or a command's acknowledgement is written at once (a resend would reach people);
        // stdout's with the next write of the reading loop.
        if (target.key === 'stdout') this.dirty = true;
        else this.commit();
        if (failures > 0) this.options.log(localized('{target}：恢复送达', '{target}: delivering again', { target: target.label }));
        failures = 0;
        lastReason = '';
        continue;
      }
      failures++;
      const wait = result.permanent ? this.options.time.backoffMaxMs : backoff(this.options.time, failures);
      const reason = result.failed.en;
      // Said when it changes and now and then while it lasts, not on every retry.
      if (reason !== lastReason || failures % 10 === 0)
        this.options.log(
          localized('{target}：{reason}；{count} 条告警待发送，{seconds} 秒后重试', '{target}: {reason}; {count} alerts waiting, retrying in {seconds} s', {
            target: target.label,
            reason: result.failed,
            count: this.outbox.owed().get(target.key) ?? 0,
            seconds: Math.max(1, Math.round(wait / 1000)),
          }),
        );
      lastReason = reason;
      if (!result.rateLimited || result.permanent) await this.options.time.sleep(wait, stop);
      else await this.options.time.sleep(Math.min(wait, this.options.time.robotWindowMs), stop);
    }
  }

  private async readTables(): Promise<SmallTables> {
    const bundle = await openBundle(this.options.dataDir, { timezone: this.options.timezone });
    this.tablesSignature = await this.signature();
    const tables = await readSmallTables(bundle, this.options.redact);
    // The messages are what is watched: there even before their first file appears.
    return { ...tables, present: new Set([...tables.present, 'messages']) };
  }

  /** Sources of the bundle's message files, in the formats a watcher can follow. */
  private async messageSources(): Promise<ResolvedSource[]> {
    const sources = (await resolveSources(this.options.dataDir)).filter((s) => s.table === 'messages');
    const unfollowable = sources.filter((s) => !FOLLOWED_FORMATS.has(String(s.format)));
    if (unfollowable.length > 0 && !this.saidUnfollowable) {
      this.saidUnfollowable = true;
      for (const source of unfollowable)
        this.options.log(
          localized(
            '{file} 是 {format} 格式，watch 只跟踪 JSONL 和企业微信会话存档（wecom-archive）；这个文件由月度考核检查',
            '{file} is {format}: watch follows JSONL and WeCom archive (wecom-archive) files only; the monthly run checks this one',
            { file: source.display, format: String(source.format) },
          ),
        );
    }
    return sources.filter((s) => FOLLOWED_FORMATS.has(String(s.format)));
  }

  private saidUnfollowable = false;
  private saidRescanError = '';

  /** New message files; the small tables again when their files changed. */
  private async rescan(now: number): Promise<void> {
    this.lastRescan = now;
    try {
      this.files.update(await this.messageSources());
      if ((await this.signature()) !== this.tablesSignature) {
        this.checker.replaceTables(await this.readTables());
        this.options.log(localized('成员、花名册或报备表有变化，已重新读取', 'The members, roster or exemptions changed: read again'));
      }
      const policies = await this.options.policySource?.changed();
      if (policies) this.takePolicies(policies);
      this.saidRescanError = '';
    } catch (error) {
      // A table being written, a glob matching nothing yet: said once, tried again.
      const text = textOf(error);
      if (text.en !== this.saidRescanError)
        this.options.log(localized('读取数据文件夹时出错，稍后重试：{reason}', 'could not read the bundle folder, trying again: {reason}', { reason: text }));
      this.saidRescanError = text.en;
    }
  }

  /** Changed policies govern the messages read from now on; members' violation counts of the month
   *  carry over (by policy id). A change that cannot be used is said, and the policies in force stay. */
  private takePolicies(change: PolicyChange): void {
    if ('refused' in change) {
      this.options.log(
        localized(
          '群规文件有变化，但无法使用，仍按原来的群规检查：\n{why}',
          'The policy files changed but cannot be used; still checking with the policies as they were:\n{why}',
          {
            why: change.refused,
          },
        ),
      );
      return;
    }
    this.checker = this.checker.withPolicies(change.policies);
    this.options.log(
      localized('群规有变化，已重新读取，此后的消息按新群规检查', 'The policies changed: read again; messages from now on are checked with them'),
    );
    this.sayWhatIsWatched();
  }

  /** What identifies the small tables' files as they are: a change re-reads them. */
  private async signature(): Promise<string> {
    const parts: string[] = [];
    const stamp = (path: string) => {
      const stat = statSync(path, { throwIfNoEntry: false, bigint: true });
      parts.push(stat ? `${path}:${stat.ino}:${stat.size}:${stat.mtimeNs}` : `${path}:-`);
    };
    stamp(`${this.options.dataDir}/bundle.yaml`);
    for (const source of await resolveSources(this.options.dataDir).catch(() => [])) if (source.table !== 'messages') stamp(source.path);
    return parts.join('\n');
  }

  private sayWhatIsWatched(): void {
    const month = this.latestMonth || new Date(this.options.time.now()).toISOString().slice(0, 7);
    for (const live of this.checker.checksOf(month)) {
      const clauses = [...new Set(live.running.map((r) => r.clause))];
      this.options.log(
        localized('群规“{name}”：逐条检查 {clauses}', 'Policy “{name}”: checking each message for {clauses}', {
          name: live.ctx.policy.metadata.name,
          clauses: clauses.join(' ') || '-',
        }),
      );
      for (const { rule, reason: why } of live.blocked) {
        // A missing table by the name the reports give it (群成员), not its file name (members).
        const missing = rule.needs.filter((table) => !live.ctx.present.has(table));
        const reason = missing.length > 0 ? missingTables(missing) : why;
        this.options.log(
          localized('  {clause}（{summary}）不检查：{reason}', '  {clause} ({summary}) not checked: {reason}', {
            clause: rule.clause,
            summary: clauseById.get(rule.clause)?.summary ?? localized(rule.clause, rule.clause),
            reason,
          }),
        );
      }
    }
  }

  /** Alerts saved for a robot or a command not given this time go to those of the same kind given now
   *  (a robot whose key was replaced loses nothing); with none of that kind they are kept, never dropped. */
  private handOverOwed(): void {
    for (const [key, count] of this.outbox.owed()) {
      if (this.targetKeys.includes(key)) continue;
      const kind = key.slice(0, key.indexOf(':') + 1);
      const heirs = this.targetKeys.filter((target) => kind !== '' && target.startsWith(kind));
      if (heirs.length > 0) {
        this.outbox.handOver(key, heirs);
        this.options.log(
          localized(
            '状态中有 {count} 条告警属于本次没有给出的{kind}，改由本次给出的{kind}发送',
            '{count} alerts in the state were owed to a {kind} not given this time: the {kind} given now will send them',
            { count, kind: kind === 'robot:' ? localized('机器人', 'robot') : localized('命令', 'command') },
          ),
        );
        continue;
      }
      this.options.log(
        localized(
          '状态中有 {count} 条告警属于本次没有给出的机器人或命令，已保留；给出机器人（--webhook）或命令（--exec）即可送达',
          '{count} alerts in the state are owed to a robot or command not given this time: kept, give a robot (--webhook) or a command (--exec) to deliver them',
          { count },
        ),
      );
    }
  }

  private watchFolders(): void {
    const folders = new Set([this.options.dataDir, ...this.files.files().map((f) => dirname(f.source.path))]);
    for (const folder of folders) {
      try {
        const watcher = watchFolder(folder, () => this.poke());
        watcher.on('error', () => {});
        this.folderWatchers.push(watcher);
      } catch {
        /* no change notices here (a network file system): the poll still finds every change */
      }
    }
  }

  private poke(): void {
    this.wake?.();
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.options.stop.removeEventListener('abort', done);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.time.pollMs);
      this.wake = done;
      this.options.stop.addEventListener('abort', done, { once: true });
    });
  }
}

/** "数据包中缺少表：群成员" — the tables by their labels in each language. */
function missingTables(tables: readonly string[]): LocalizedText {
  const text = (locale: Locale, separator: string) =>
    say(locale, '数据包中缺少表：{missing}', 'The data bundle lacks the table(s): {missing}', {
      missing: tables.map((table) => tableLabel(table, locale)).join(separator),
    });
  return { 'zh-CN': text('zh-CN', '、'), 'zh-TW': text('zh-TW', '、'), en: text('en', ', ') };
}

function byMonth(ids: Map<string, string>, keepFrom: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, month] of ids) {
    if (month < keepFrom) {
      ids.delete(id);
      continue;
    }
    (out[month] ??= []).push(id);
  }
  return out;
}
