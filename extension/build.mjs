// Bundles the extension: the VS Code client (CommonJS, `vscode` provided by the editor) and the
// language server (engine included), plus the schema for other YAML tooling.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
mkdirSync(`${dir}dist`, { recursive: true });
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, legalComments: 'none', logLevel: 'warning', minifyWhitespace: true, minifySyntax: true };
await build({ ...common, absWorkingDir: dir, entryPoints: { client: 'src/client/extension.ts' }, outdir: 'dist', external: ['vscode'] });
await build({ ...common, absWorkingDir: dir, entryPoints: { server: 'src/server/server.ts' }, outdir: 'dist' });
copyFileSync(`${dir}../schemas/policy.schema.json`, `${dir}dist/policy.schema.json`);
