// Where the real-editor tests keep things. Only under the clone (node_modules/.cache, test-artifacts)
// or /tmp, so CI caches nothing elsewhere.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const extensionDir = join(repoRoot, 'extension');
export const serverBundle = join(extensionDir, 'dist/server.js');
/** Long-lived tool installs (code-server), reused between runs. */
export const toolCache = join(repoRoot, 'node_modules/.cache/qungui-e2e');
/** Screenshots and logs; git-ignored, kept by CI as artifacts. */
export const artifactsDir = join(repoRoot, 'test-artifacts/e2e');

export function freshTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `qungui-e2e-${prefix}-`));
}

export function ensureArtifactsDir(): string {
  mkdirSync(artifactsDir, { recursive: true });
  return artifactsDir;
}
