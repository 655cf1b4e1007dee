// Bundles the extension: the VS Code client (CommonJS, `vscode` provided by the editor), the
// language server and its sample-data worker (engine included in each), the visual editor's page script
// (for the webview: a browser, no Node, no engine), plus the schema for other YAML tooling.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
mkdirSync(`${dir}dist`, { recursive: true });
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, legalComments: 'none', logLevel: 'warning', minifyWhitespace: true, minifySyntax: true };
await build({ ...common, absWorkingDir: dir, entryPoints: { client: 'src/client/extension.ts' }, outdir: 'dist', external: ['vscode'] });
// ESM dependencies (tinyglobby's fdir) call createRequire(import.meta.url): give the CJS bundle a real URL.
await build({
  ...common, absWorkingDir: dir, entryPoints: { server: 'src/server/server.ts', 'sample-worker': 'src/server/sample/sample-worker.ts' }, outdir: 'dist',
  define: { 'import.meta.url': '__qunguiImportMetaUrl' },
  banner: { js: "const __qunguiImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
});
await build({ ...common, platform: 'browser', target: 'es2022', format: 'iife', absWorkingDir: dir, entryPoints: { 'visual-editor': 'src/visual-editor/webview/visual-editor-page.ts' }, outdir: 'dist' });
copyFileSync(`${dir}../schemas/policy.schema.json`, `${dir}dist/policy.schema.json`);
