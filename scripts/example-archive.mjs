// npm run example:archive — the three example months evaluated into one archive, as a training
// department does over a quarter, then the quarter's trend page. August is evaluated with the sales
// policy as it was then: examples/policies/skill-sales.qungui.yaml with the overall pass line at 30
// (40 since September), written beside the outputs, so `qungui validate examples/` sees one version of
// each policy. The onboarding group starts in October; its policy governs October only.
//   node scripts/example-archive.mjs [--out DIR] [--locale zh-CN|zh-TW|en]
// Writes DIR/2026-08, DIR/2026-09, DIR/2026-10 (each month's reports), DIR/archive and DIR/trend.html
// (DIR defaults to out); exits with the first failing command's code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: 'out' }, locale: { type: 'string' } } });
const out = values.out;
const locale = values.locale ? ['--locale', values.locale] : [];

const current = readFileSync(join(root, 'examples/policies/skill-sales.qungui.yaml'), 'utf8');
const line = '      - { rating: pass, min: 40 }';
if (current.split(line).length !== 2) throw new Error(`examples/policies/skill-sales.qungui.yaml: expected one line "${line.trim()}"`);
const august = join(out, 'policies-2026-08', 'skill-sales.qungui.yaml');
mkdirSync(join(out, 'policies-2026-08'), { recursive: true });
writeFileSync(
  august,
  current
    .replace(line, '      - { rating: pass, min: 30 }')
    .replace(/^# .*\n/, (first) => `${first}# 2026 年 8 月所用版本：综合评级合格线 30 分（9 月起为 40 分）。\n`),
);

const sales = (month) => (month === '2026-08' ? august : 'examples/policies/skill-sales.qungui.yaml');
const runs = [
  ...['2026-08', '2026-09'].map((month) => [
    'evaluate',
    '--policy',
    sales(month),
    '--policy',
    'examples/policies/management.qungui.yaml',
    '--data',
    `examples/data/${month}`,
    '--month',
    month,
  ]),
  ['evaluate', '--policy', 'examples/policies', '--data', 'examples/data/2026-10', '--month', '2026-10'],
].map((args) => [...args, '--out', join(out, args[args.length - 1]), '--archive', join(out, 'archive'), '--replace', ...locale]);
runs.push(['trend', '--archive', join(out, 'archive'), '--format', 'html', '--out', join(out, 'trend.html'), '--force', ...locale]);
for (const args of runs) {
  const run = spawnSync(process.execPath, [join(root, 'engine/bin/qungui.js'), ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
