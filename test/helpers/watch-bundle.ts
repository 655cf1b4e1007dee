// A small bundle and policy in a temporary folder for `qungui watch`, messages appended as a live
// export would, and the watcher run as a real child process of the built CLI.
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, repoRoot } from './cli.js';

export const WATCH_POLICY = `apiVersion: qungui/v1
kind: TrainingGroupPolicy
metadata: { id: watch-test, name: 监听测试群, kind: skill, timezone: Asia/Shanghai }
groups: [wrWatch]
admins: [admin1]
ratings:
  - { id: pass, label: 合格 }
  - { id: fail, label: 不合格 }
membership:
  removal: { maxViolations: 2 }
content:
  categories:
    - { id: insult, label: 侮辱攻击, clause: N1, severity: warning, terms: [蠢货] }
    - { id: abuse, label: 辱骂, clause: N1, severity: error, terms: [滚蛋] }
    - { id: ads, label: 广告, clause: N4, severity: warning, exemptible: true, terms: [代购] }
  detectors: [phone]
`;

const MEMBERS = `group_id,member_id,name,joined_at,left_at,role
wrWatch,admin1,管理员,2026-10-01 08:00:00,,admin
wrWatch,m01,张一,2026-10-01 08:00:00,,member
wrWatch,m02,王二,2026-10-01 08:00:00,,member
wrWatch,wmGuest01,外部嘉宾,2026-10-01 08:00:00,,member
`;

export interface WatchBundle {
  dir: string;
  data: string;
  policy: string;
  messages: string;
  state: string;
}

/** `folder` names the data folder: a `YYYY-MM` name bounds the dates the watcher accepts. */
export function watchBundle(folder = 'month'): WatchBundle {
  const dir = mkdtempSync(join(tmpdir(), 'qungui-watch-'));
  const data = join(dir, folder);
  const policy = join(dir, 'watch.qungui.yaml');
  writeFileSync(policy, WATCH_POLICY);
  mkdirSync(data);
  writeFileSync(join(data, 'members.csv'), MEMBERS);
  writeFileSync(join(data, 'messages.jsonl'), '');
  return { dir, data, policy, messages: join(data, 'messages.jsonl'), state: join(dir, `${folder}.qungui-watch.json`) };
}

/** A message line whose text carries a marker the robot's markdown shows (the excerpt), so tests can tell alerts apart. */
export function messageLine(n: number, options: { term?: string; sender?: string; at?: string } = {}): string {
  const marker = `W${String(n).padStart(4, '0')}`;
  return `${JSON.stringify({
    message_id: `msg-${marker}`,
    group_id: 'wrWatch',
    sender_id: options.sender ?? 'm01',
    sent_at: options.at ?? `2026-10-20 10:${String(Math.floor(n / 60) % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`,
    type: 'text',
    content: `${marker} 你这个${options.term ?? '蠢货'}`,
  })}\n`;
}

export function append(path: string, text: string): void {
  appendFileSync(path, text);
}

/** Markers seen in a text (W0001, W0002, …). */
export function markersIn(text: string): string[] {
  return text.match(/W\d{4}/g) ?? [];
}

export interface RunningWatch {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when stderr has a line matching `pattern` (or rejects after `ms`). */
  waitFor(pattern: RegExp, ms?: number): Promise<void>;
  exited: Promise<number | null>;
}

export function startWatch(bundle: WatchBundle, extra: string[] = [], env: Record<string, string> = {}): RunningWatch {
  const child = spawn(
    process.execPath,
    [cliPath, 'watch', '--policy', bundle.policy, '--data', bundle.data, '--state', bundle.state, '--locale', 'en', ...extra],
    {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1', QUNGUI_LOCALE: '', LC_ALL: '', LANG: '', QUNGUI_WATCH_TIME_SCALE: '0.02', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (pattern, ms = 20_000) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const look = () => {
          if (pattern.test(err)) return resolve();
          if (child.exitCode !== null) return reject(new Error(`watch exited (${child.exitCode}): ${err}`));
          if (Date.now() - started > ms) return reject(new Error(`no ${pattern} within ${ms} ms: ${err}`));
          setTimeout(look, 20);
        };
        look();
      }),
  };
}

/** Waits until `check` holds, looking every 20 ms (or rejects with `what` after `ms`). */
export async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
