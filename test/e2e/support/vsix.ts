// Packages the .vsix with the same vsce step as `npm run package`, so the editor test exercises the
// packaged artifact, not the source tree. It packages the bundles `npm test` / `npm run test:e2e`
// just built rather than rebuilding: a rebuild would rewrite extension/dist/server.js under the
// LSP tests running in parallel. QUNGUI_E2E_VSIX=path tests a given .vsix instead.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionDir, repoRoot } from './paths.js';

export function packageVsix(): string {
  if (process.env.QUNGUI_E2E_VSIX) return process.env.QUNGUI_E2E_VSIX;
  for (const bundle of ['dist/client.js', 'dist/server.js']) {
    if (!existsSync(join(extensionDir, bundle))) throw new Error(`extension/${bundle} is missing: run \`npm run build\` first`);
  }
  const { version } = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as { version: string };
  execFileSync('npm', ['run', 'package', '-w', 'qungui'], { cwd: repoRoot, stdio: 'pipe', encoding: 'utf8' });
  return join(extensionDir, `qungui-${version}.vsix`);
}
