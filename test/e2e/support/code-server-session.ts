// One code-server process with its own HOME, settings and extensions folder, holding the built
// .vsix. Started in its own process group (detached = setsid) because a file-watcher child outlives
// the main process; stop() ends the whole group.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface CodeServerSession {
  url: string;
  /** Copies code-server's and the extension host's logs into `target` (kept as test artifacts). */
  saveLogs(target: string): void;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  entry: string;
  vsix: string;
  home: string;
  settings: Record<string, unknown>;
}

/** Settings that keep first-run dialogs, trust prompts and network calls out of the way. */
export const quietSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'files.autoSave': 'off',
  'chat.commandCenter.enabled': false,
};

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServerSession> {
  const extensionsDir = join(options.home, 'extensions');
  const userDataDir = join(options.home, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify(options.settings, null, 2));
  const env = { ...process.env, HOME: options.home, XDG_CONFIG_HOME: join(options.home, '.config'), XDG_DATA_HOME: join(options.home, '.local/share') };
  const common = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];

  const install = spawnSync(process.execPath, [options.entry, ...common, '--install-extension', options.vsix], { env, encoding: 'utf8' });
  if (install.status !== 0 || !/successfully installed/.test(install.stdout + install.stderr)) {
    throw new Error(`installing ${options.vsix} failed:\n${install.stdout}\n${install.stderr}`);
  }

  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      options.entry,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      ...common,
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const session: CodeServerSession = {
    url,
    saveLogs(target) {
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, 'code-server.log'), log);
      const logs = join(userDataDir, 'logs');
      if (existsSync(logs)) cpSync(logs, join(target, 'vscode-logs'), { recursive: true, force: true });
    },
    stop: () => stopGroup(child),
  };
  try {
    await waitForHealth(url, 30_000);
  } catch (error) {
    await session.stop();
    throw new Error(`code-server did not start: ${String(error)}\n${log}`);
  }
  return session;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${url}/healthz within ${timeoutMs} ms`);
    await sleep(200);
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  signalGroup('SIGTERM');
  await Promise.race([exited, sleep(5_000)]);
  signalGroup('SIGKILL');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
