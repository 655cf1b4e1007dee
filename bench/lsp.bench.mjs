// npm run bench:lsp — didChange → publishDiagnostics on a generated 3,000-line policy, median over 50
// edits, for the qungui server and for yaml-language-server given the same schema and file, in the
// same run; then the qungui server's heap after 1,000 edits vs after 10. Both servers run with their
// validation started on every change (qungui's editor debounce set to 0 for the measurement).
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generatePolicy } from './generate-policy.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(`${root}extension/package.json`);
const schemaPath = `${root}schemas/policy.schema.json`;
const text = generatePolicy(3000);
const uri = pathToFileURL(`${root}bench/generated.qungui.yaml`).href;
const EDITS = Number(process.env.BENCH_EDITS ?? 50);

async function start(command, args, env = {}) {
  const child = spawn(process.execPath, [...args], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, ...env } });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiting;
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (params.uri === uri && waiting) waiting(params);
  });
  const settings = {
    yaml: {
      validate: true,
      schemas: { [pathToFileURL(schemaPath).href]: ['*.qungui.yaml'] },
      customTags: [],
      format: { enable: false },
      hover: false,
      completion: false,
    },
    redhat: { telemetry: { enabled: false } },
  };
  connection.onRequest('workspace/configuration', (params) =>
    params.items.map((item) => (item.section ? (settings[item.section.split('.')[0]] ?? null) : settings)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { locale: 'en' },
  });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('workspace/didChangeConfiguration', { settings });
  const next = () =>
    new Promise((resolve) => {
      waiting = (p) => {
        waiting = undefined;
        resolve(p);
      };
    });
  return { child, connection, next, name: command };
}

/** Edit n: toggles one threshold so every edit changes the text and the diagnostics are recomputed. */
function edited(n) {
  return text.replace('      - { rating: excellent, min: 90 }', `      - { rating: excellent, min: ${n % 2 ? 91 : 90} }`);
}

async function measure(server, edits) {
  const opened = server.next();
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await opened;
  const times = [];
  for (let i = 1; i <= edits; i++) {
    const published = server.next();
    const startedAt = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 1 }, contentChanges: [{ text: edited(i) }] });
    await published;
    times.push(performance.now() - startedAt);
  }
  return times;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const qungui = await start('qungui', ['--expose-gc', `${root}extension/dist/server.js`, '--stdio'], { QUNGUI_LSP_DEBOUNCE_MS: '0' });
const yamlls = await start('yaml-language-server', [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio']);
await measure(qungui, 5); // warm up both
await measure(yamlls, 5);
const qTimes = await measure(qungui, EDITS);
const yTimes = await measure(yamlls, EDITS);
const q = median(qTimes);
const y = median(yTimes);
console.log(`generated policy: ${text.split('\n').length} lines`);
console.log(`qungui server: median ${q.toFixed(1)} ms over ${EDITS} edits`);
console.log(`yaml-language-server: median ${y.toFixed(1)} ms over ${EDITS} edits`);

// Sanity: yaml-language-server really applies the schema (an unknown key must be reported).
{
  const published = yamlls.next();
  await yamlls.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 100_000 },
    contentChanges: [{ text: `${text}bogusKey: 1\n` }],
  });
  const { diagnostics } = await published;
  console.log(`yaml-language-server schema check: ${diagnostics.length} diagnostic(s) for an unknown top-level key`);
}

// Heap: after 10 edits and after 1,000 (same document, alternating texts).
const heap = () => qungui.connection.sendRequest('qungui/heapUsed');
await measure(qungui, 10);
const after10 = await heap();
await measure(qungui, Number(process.env.BENCH_HEAP_EDITS ?? 1000));
const after1000 = await heap();
console.log(`qungui server heap: ${(after10 / 1048576).toFixed(1)} MB after 10 edits, ${(after1000 / 1048576).toFixed(1)} MB after 1,000`);
for (const s of [qungui, yamlls]) {
  s.connection.dispose();
  s.child.kill();
}
console.log(`lsp-vs-yamlls-ratio: ${(q / y).toFixed(2)}`);
console.log(`lsp-median-ms: ${q.toFixed(1)}`);
console.log(`lsp-heap-ratio: ${(after1000 / after10).toFixed(2)}`);
process.exit(0);
