// Runs the real, built CLI (engine/bin/qungui.js → engine/dist/qungui.js) as a user would.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = `${repoRoot}engine/bin/qungui.js`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function qungui(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    // The system's language is the machine's, not the test's: cleared, so the default is the product's.
    env: { ...process.env, NO_COLOR: '1', QUNGUI_LOCALE: '', LC_ALL: '', LC_MESSAGES: '', LANG: '', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
