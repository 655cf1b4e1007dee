// npm run bench:trend — `qungui trend` over 24 archived months of a 5,000-member month (the example
// month's result repeated to 5,000 members, as bench:report makes it), in Markdown and as a workbook:
// the time and the peak RSS of each run in its own child process. The baseline, measured in the same
// run, is a child that only reads and parses the 24 result.json files (what any trend must pay); the
// ratio says what qungui adds on top. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'engine/bin/qungui.js');
const MONTHS = 24;
const MEMBERS = 5000;

/** Peak RSS of this process alone (VmHWM: Linux carries ru_maxrss across exec). */
const peakKb = () => {
  try {
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
  } catch {
    return process.resourceUsage().maxRSS;
  }
};

if (process.argv[2] === '--child-cli') {
  process.on('exit', () => writeFileSync(3, JSON.stringify({ rssMb: peakKb() / 1024 })));
  process.argv = [process.argv[0], cli, ...process.argv.slice(3)];
  await import(cli);
} else if (process.argv[2] === '--child-read') {
  const archive = process.argv[3];
  let members = 0;
  for (const month of readdirSync(archive).sort()) members += JSON.parse(readFileSync(join(archive, month, 'result.json'), 'utf8')).members.length;
  writeFileSync(3, JSON.stringify({ rssMb: peakKb() / 1024, members }));
} else {
  if (!existsSync(join(root, 'engine/dist/qungui.js'))) {
    console.error('bench:trend: engine/dist is missing; run `npm run build` first');
    process.exit(2);
  }
  const work = mkdtempSync(join(tmpdir(), 'qungui-bench-trend-'));
  const archive = join(work, 'archive');
  // One real archived month, by the CLI, then made 5,000 members and copied to 24 months.
  const first = spawnSync(
    process.execPath,
    [
      cli,
      'evaluate',
      '--policy',
      'examples/policies',
      '--data',
      'examples/data/2026-10',
      '--month',
      '2026-10',
      '--out',
      join(work, 'out'),
      '--archive',
      archive,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (first.status !== 0) {
    console.error(first.stderr);
    process.exit(1);
  }
  const month = JSON.parse(readFileSync(join(archive, '2026-10/result.json'), 'utf8'));
  const members = [];
  const findings = [];
  for (let k = 0; members.length < MEMBERS; k++) {
    for (const m of month.members) if (members.length < MEMBERS) members.push({ ...m, memberId: `${m.memberId}-${k}`, name: `${m.name}${k}` });
    for (const f of month.findings) findings.push({ ...f, memberId: f.memberId === null ? null : `${f.memberId}-${k}` });
  }
  const months = Array.from({ length: MONTHS }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  for (const name of months) {
    if (name !== '2026-10') cpSync(join(archive, '2026-10'), join(archive, name), { recursive: true });
    const manifest = JSON.parse(readFileSync(join(archive, name, 'archive.json'), 'utf8'));
    writeFileSync(join(archive, name, 'archive.json'), JSON.stringify({ ...manifest, month: name }));
    // Ratings move a little from month to month, as they do: every k-th member one rating down.
    const shifted = members.map((m, i) =>
      i % (3 + (months.indexOf(name) % 5)) === 0 && m.ratings.overall === 'pass' ? { ...m, ratings: { ...m.ratings, overall: 'fail' } } : m,
    );
    writeFileSync(join(archive, name, 'result.json'), JSON.stringify({ ...month, month: name, members: shifted, findings }));
  }

  const run = (args) => {
    const started = performance.now();
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      maxBuffer: 256 * 2 ** 20,
    });
    const ms = performance.now() - started;
    if (child.status !== 0) {
      console.error(child.stderr.toString());
      process.exit(1);
    }
    return { ms, ...JSON.parse(child.output[3].toString()) };
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rounds = Number(process.env.QUNGUI_BENCH_ROUNDS) || 5;
  const read = [];
  const md = [];
  const xlsx = [];
  for (let r = 0; r < rounds; r++) {
    read.push(run(['--child-read', archive]));
    md.push(run(['--child-cli', 'trend', '--archive', archive]));
    xlsx.push(run(['--child-cli', 'trend', '--archive', archive, '--format', 'xlsx', '--out', join(work, `trend-${r}.xlsx`)]));
  }
  const ms = (list) => median(list.map((x) => x.ms));
  const rss = (list) => Math.max(...list.map((x) => x.rssMb));
  console.log(`archive: ${MONTHS} months × ${read[0].members / MONTHS} members`);
  console.log(`read+parse baseline: ${ms(read).toFixed(0)} ms, peak ${rss(read).toFixed(0)} MB`);
  console.log(`trend (md):          ${ms(md).toFixed(0)} ms, peak ${rss(md).toFixed(0)} MB`);
  console.log(`trend (xlsx):        ${ms(xlsx).toFixed(0)} ms, peak ${rss(xlsx).toFixed(0)} MB`);
  console.log(`trend-24-months-ms: ${ms(md).toFixed(0)}`);
  console.log(`trend-24-months-peak-rss-mb: ${rss(md).toFixed(0)}`);
  console.log(`trend-vs-read-ratio: ${(ms(md) / ms(read)).toFixed(2)}`);
}
