// npm run bench:xlsx — peak RSS of reading workbooks with `qungui bundle check`: a real-shaped
// messages workbook of ~50 MB on disk (shared strings, as Excel writes them) and a zip bomb (a small
// file whose shared strings inflate past the limit, refused before inflating). Each read runs in its
// own child process, so peak RSS is that run's alone; the bare CLI start (`qungui --version`) is the
// baseline. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflatedZip as zip } from '../test/helpers/deflated-zip.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'engine/bin/qungui.js');
const TARGET_BYTES = 50 * 2 ** 20;

// ---- child: run the CLI, then report its peak RSS on fd 3 ------------------------------------
if (process.argv[2] === '--child') {
  // VmHWM, not resourceUsage().maxRSS: Linux carries ru_maxrss across exec, so a child would report
  // the parent's peak (the parent built a 50 MB workbook) instead of its own.
  const peakKb = () => {
    try {
      return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
    } catch {
      return process.resourceUsage().maxRSS;
    }
  };
  process.on('exit', () => writeFileSync(3, JSON.stringify({ rssMb: peakKb() / 1024 })));
  process.argv = [process.argv[0], cli, ...process.argv.slice(3)];
  await import(cli);
} else {
  if (!existsSync(join(root, 'engine/dist/qungui.js'))) {
    console.error('bench:xlsx: engine/dist is missing; run `npm run build` first');
    process.exit(2);
  }
  const ExcelJS = createRequire(join(root, 'engine/package.json'))('exceljs');
  const base = join(tmpdir(), 'qungui-bench-xlsx');
  const real = join(base, 'real');
  const bomb = join(base, 'bomb');
  for (const dir of [real, bomb]) mkdirSync(dir, { recursive: true });
  const members = 'group_id,member_id,joined_at\nwrA,u1,2026-09-01\n';

  const realFile = join(real, 'messages.xlsx');
  if (!existsSync(realFile) || statSync(realFile).size < TARGET_BYTES * 0.5) {
    console.log(`generating a ~50 MB messages workbook → ${realFile}`);
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: realFile, useSharedStrings: true });
    const sheet = writer.addWorksheet('消息');
    sheet.addRow(['message_id', 'group_id', 'sender_id', 'sent_at', 'type', 'content']).commit();
    // The zip is written at commit, so its size cannot steer the loop: a row count does (QUNGUI_BENCH_XLSX_ROWS).
    const rows = Number(process.env.QUNGUI_BENCH_XLSX_ROWS) || 1_000_000;
    for (let i = 0; i < rows; i++) {
      const day = 1 + (i % 28);
      sheet
        .addRow([
          `m${i}`,
          `wr${i % 50}`,
          `u${i % 5000}`,
          `2026-10-${String(day).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')}:00`,
          'text',
          `第${i}条：大家好，今天的培训内容是第${i % 97}节课，请在${day}号前完成作业并提交到群文件。`,
        ])
        .commit();
      if (i % 50_000 === 49_999) await new Promise((resolve) => setImmediate(resolve));
    }
    sheet.commit();
    await writer.commit();
  }
  writeFileSync(join(real, 'members.csv'), members);

  // The bomb: shared strings of one repeated cell, deflated (a zip written by hand: only sizes matter).
  const cell = `<si><t>${'培训'.repeat(50)}</t></si>`;
  const strings = Buffer.from(`<?xml version="1.0"?><sst>${cell.repeat(Math.ceil((430 * 2 ** 20) / Buffer.byteLength(cell)))}</sst>`);
  writeFileSync(
    join(bomb, 'messages.xlsx'),
    zip({ '[Content_Types].xml': Buffer.from('<Types/>'), 'xl/workbook.xml': Buffer.from('<workbook/>'), 'xl/sharedStrings.xml': strings }),
  );
  writeFileSync(join(bomb, 'members.csv'), members);

  const measure = (args) => {
    const started = performance.now();
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
    });
    return { ...JSON.parse(child.output[3]), code: child.status, ms: performance.now() - started, stdout: child.stdout + child.stderr };
  };
  const bare = measure(['--version']);
  const realRun = measure(['bundle', 'check', real, '--month', '2026-10']);
  const bombRun = measure(['bundle', 'check', bomb, '--month', '2026-10']);
  const mb = (file) => (statSync(file).size / 2 ** 20).toFixed(1);
  console.log(`bare CLI: peak RSS ${bare.rssMb.toFixed(0)} MB`);
  console.log(`real workbook (${mb(realFile)} MB): exit ${realRun.code}, ${(realRun.ms / 1000).toFixed(1)} s, peak RSS ${realRun.rssMb.toFixed(0)} MB`);
  console.log(
    `bomb (${mb(join(bomb, 'messages.xlsx'))} MB → 430 MB): exit ${bombRun.code}, peak RSS ${bombRun.rssMb.toFixed(0)} MB; ${bombRun.stdout.trim().split('\n').at(-1)}`,
  );
  console.log(`xlsx-50mb-peak-rss-mb: ${realRun.rssMb.toFixed(0)}`);
  console.log(`xlsx-50mb-rss-ratio-vs-bare: ${(realRun.rssMb / bare.rssMb).toFixed(2)}`);
  console.log(`xlsx-bomb-peak-rss-mb: ${bombRun.rssMb.toFixed(0)}`);
  console.log(`xlsx-bomb-exit-code: ${bombRun.code}`);
}
