// npm run bench:lsp — what a user waits: didChange → publishDiagnostics with the shipping settings of
// each server (qungui's adaptive scheduling; yaml-language-server's own defaults, the same schema),
// median over 50 edits, on an example policy and on a generated 3,000-line one, in the same run; then
// the qungui server's heap after 1,000 edits vs after 10.
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { readFileSync } from 'node:fs';
import { generatePolicy } from './generate-policy.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(`${root}extension/package.json`);
const schemaPath = `${root}schemas/policy.schema.json`;
const generated = generatePolicy(3000);
const example = readFileSync(`${root}examples/policies/onboarding.qungui.yaml`, 'utf8');
let text = generated;
let uri = pathToFileURL(`${root}bench/generated.qungui.yaml`).href;
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
  if (!/(min: |accuracy: )90\b/.test(text)) throw new Error('bench: no threshold to edit');
  return text.replace(/(min: |accuracy: )90\b/, `$1${n % 2 ? 91 : 90}`);
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

// Shipping settings: no QUNGUI_LSP_DEBOUNCE_MS, yaml-language-server as its VS Code extension starts it.
delete process.env.QUNGUI_LSP_DEBOUNCE_MS;
const qungui = await start('qungui', ['--expose-gc', `${root}extension/dist/server.js`, '--stdio']);
const yamlls = await start('yaml-language-server', [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio']);
const felt = {};
for (const [name, source, file] of [
  ['example policy (onboarding)', example, 'examples/policies/onboarding.qungui.yaml'],
  ['3,000-line policy', generated, 'bench/generated.qungui.yaml'],
]) {
  text = source;
  uri = pathToFileURL(`${root}${file}`).href;
  await measure(qungui, 5); // warm up both
  await measure(yamlls, 5);
  const q = median(await measure(qungui, EDITS));
  const y = median(await measure(yamlls, EDITS));
  felt[name] = { q, y };
  console.log(`${name} (${source.split('\n').length} lines): qungui median ${q.toFixed(1)} ms, yaml-language-server ${y.toFixed(1)} ms over ${EDITS} edits`);
}
const q = Math.max(...Object.values(felt).map((f) => f.q));
const _y = felt['3,000-line policy'].y;

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
const ratio = Math.max(...Object.values(felt).map((f) => f.q / f.y));
console.log(`lsp-felt-median-ms: ${q.toFixed(1)}`);
console.log(`lsp-felt-vs-yamlls-ratio: ${ratio.toFixed(2)}`);
console.log(`lsp-heap-ratio: ${(after1000 / after10).toFixed(2)}`);
process.exit(0);
