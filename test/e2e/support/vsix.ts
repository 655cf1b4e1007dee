// Builds the .vsix exactly as a user or the release does (`npm run package`), so the editor test
// exercises the packaged artifact, not the source tree. QUNGUI_E2E_VSIX=path tests a given .vsix
// instead (e.g. a release candidate) without rebuilding.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionDir, repoRoot } from './paths.js';

export function packageVsix(): string {
  if (process.env.QUNGUI_E2E_VSIX) return process.env.QUNGUI_E2E_VSIX;
  const { version } = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as { version: string };
  execFileSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'pipe', encoding: 'utf8' });
  return join(extensionDir, `qungui-${version}.vsix`);
}
