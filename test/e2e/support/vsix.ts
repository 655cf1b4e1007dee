// Builds the .vsix exactly as a user or the release does (`npm run package`), so the editor test
// exercises the packaged artifact, not the source tree.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionDir, repoRoot } from './paths.js';

export function packageVsix(): string {
  const { version } = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as { version: string };
  execFileSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'pipe', encoding: 'utf8' });
  return join(extensionDir, `qungui-${version}.vsix`);
}
