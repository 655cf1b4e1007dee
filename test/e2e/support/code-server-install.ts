// Installs code-server (VS Code 1.100.3 served to a browser) into the test tool cache, never into
// the project's dependencies. Facts from ../shared/notes/real-editor-tests.md: 4.100.3 is the newest
// line that runs on Node 20; its ripgrep dependency downloads from GitHub unless it finds its
// tarball in $TMPDIR/vscode-ripgrep-cache-*, so we put Debian's rg there; native modules build
// from source (kerberos needs libkrb5-dev), and npm 11 runs code-server's postinstall only when
// allowScripts names it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolCache } from './paths.js';

export const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_TARBALL = 'vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const DEBIAN_RG = '/usr/bin/rg';

const installDir = join(toolCache, `code-server-${CODE_SERVER_VERSION}`);
const entry = join(installDir, 'node_modules/code-server/out/node/entry.js');
const marker = join(installDir, 'installed.json');

/** Path of code-server's entry script, installing it first when the cache does not hold it. */
export function ensureCodeServer(): string {
  if (existsSync(marker) && existsSync(entry)) return entry;
  if (!existsSync(DEBIAN_RG)) throw new Error(`code-server install needs ${DEBIAN_RG} (apt-get install ripgrep)`);
  rmSync(installDir, { recursive: true, force: true });
  const tmp = join(installDir, 'tmp');
  mkdirSync(join(tmp, RIPGREP_TARBALL, '..'), { recursive: true });
  run('tar', ['czf', join(tmp, RIPGREP_TARBALL), '-C', '/usr/bin', 'rg'], installDir, {});
  writeFileSync(
    join(installDir, 'package.json'),
    JSON.stringify(
      {
        private: true,
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: { 'code-server': true },
      },
      null,
      2,
    ),
  );
  const started = Date.now();
  run('npm', ['install', '--no-audit', '--no-fund', '--unsafe-perm'], installDir, { TMPDIR: tmp, npm_config_yes: 'true' });
  const version = (JSON.parse(readFileSync(join(installDir, 'node_modules/code-server/package.json'), 'utf8')) as { version: string }).version;
  if (version !== CODE_SERVER_VERSION || !existsSync(join(installDir, 'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg'))) {
    throw new Error(`code-server install incomplete (version ${version}); see ${installDir}`);
  }
  writeFileSync(marker, JSON.stringify({ version, seconds: Math.round((Date.now() - started) / 1000) }));
  return entry;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>): void {
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${output}`);
  }
}
