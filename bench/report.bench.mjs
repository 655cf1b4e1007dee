// npm run bench:report — report.html for 5,000 members: its size, and in headless Chromium the time to
// open it and to filter the members by a search (what HR feels), against the same page with its script
// removed (a static page of the same bytes, opened in the same run) as the baseline. The month is the
// example month's result repeated to 5,000 members (names, ids and findings made unique). Needs
// `npm run build` and /usr/bin/chromium.
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engine = await import(join(root, 'engine/dist/index.js'));
const chromium = '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log('bench:report needs /usr/bin/chromium (apt install chromium); skipped');
  process.exit(0);
}
const MEMBERS = 5000;

const dir = join(root, 'examples/policies');
const policies = engine.validatePolicies(
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: `examples/policies/${f}`, text: readFileSync(join(dir, f), 'utf8') })),
);
const bundle = await engine.openBundle(join(root, 'examples/data/2026-10'), { timezone: 'Asia/Shanghai', month: '2026-10' });
const month = await engine.evaluate({ policies, bundle, month: '2026-10' });

// Repeat the month: copy k of every member gets the id suffix -k and the name suffix k.
const copies = Math.ceil(MEMBERS / month.members.length);
const members = [];
const findings = [];
for (let k = 0; k < copies && members.length < MEMBERS; k++) {
  for (const m of month.members) {
    if (members.length === MEMBERS) break;
    members.push({ ...m, memberId: `${m.memberId}-${k}`, name: `${m.name}${k}` });
  }
  for (const f of month.findings) findings.push({ ...f, memberId: f.memberId === null ? null : `${f.memberId}-${k}` });
}
const result = { ...month, members, findings };
const out = mkdtempSync(join(tmpdir(), 'qungui-bench-report-'));
await engine.writeReports(result, out, { locale: 'zh-CN', formats: [], labels: engine.labelsFromPolicies(policies) });
const page = join(out, 'report.html');
const html = readFileSync(page, 'utf8');
const staticPage = join(out, 'static.html');
writeFileSync(staticPage, html.replace(/<script>[\s\S]*?<\/script>/, ''));

const { chromium: browserType } = await import('playwright-core');
const browser = await browserType.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function open(file) {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const started = performance.now();
  await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { tab, ms: performance.now() - started };
}
const opens = [];
const statics = [];
const filters = [];
for (let run = 0; run < 3; run++) {
  const baseline = await open(staticPage);
  statics.push(baseline.ms);
  await baseline.tab.close();
  const { tab, ms } = await open(page);
  opens.push(ms);
  const started = performance.now();
  await tab.fill('#member-search', '胡芳1');
  await tab.waitForFunction(() => document.getElementById('member-count').textContent !== '5000');
  filters.push(performance.now() - started);
  const shown = Number(await tab.textContent('#member-count'));
  if (shown === 0 || shown === MEMBERS) throw new Error(`bench: the search did not filter (${shown} rows shown)`);
  await tab.close();
}
await browser.close();
console.log(`members: ${members.length}, findings: ${findings.length}`);
console.log(`report-html-mb: ${(statSync(page).size / 1048576).toFixed(1)}`);
console.log(`report-open-ms: ${Math.round(median(opens))} (static page of the same bytes: ${Math.round(median(statics))})`);
console.log(`report-filter-ms: ${Math.round(median(filters))}`);
console.log(`report-open-and-filter-ms: ${Math.round(median(opens) + median(filters))}`);
console.log(`report-open-vs-static-ratio: ${(median(opens) / median(statics)).toFixed(2)}`);
