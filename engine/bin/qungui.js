#!/usr/bin/env node
// Launcher kept in git so npm can link the `qungui` bin before the bundle exists.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/qungui.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('qungui: engine/dist/qungui.js 不存在，请先运行 npm run build（the CLI is not built yet: run npm run build）\n');
  process.exit(2);
}
await import('../dist/qungui.js');
