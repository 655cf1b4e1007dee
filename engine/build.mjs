// Builds the engine: generated validator code, then esbuild bundles of the library and the CLI.
// Bundling keeps `qungui validate` start-up close to a bare `node` start (see bench/validate.bench.mjs).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, ['scripts/gen-types.mjs'], { cwd: root, stdio: 'inherit' });

rmSync(new URL('dist', import.meta.url), { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  // Fewer bytes to parse at start-up; identifiers stay readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __qgCreateRequire } from 'node:module'; const require = __qgCreateRequire(import.meta.url);" },
};
await build({ ...common, entryPoints: { index: 'src/index.ts', qungui: 'src/cli/main.ts', 'message-worker': 'src/data/threads/message-worker.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]' });
