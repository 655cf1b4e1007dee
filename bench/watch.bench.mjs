// npm run bench:watch — `qungui watch` as a service sees it, with the shipping settings (the robot's
// real minute: no QUNGUI_WATCH_TIME_SCALE). (1) Alert latency, timed from the append to the moment a
// local stand-in robot receives the alert (p50, p99): (a) a quiet load, 50 messages a second of which
// one every 4 s breaks a rule (15 alerts a minute, under the robot's 20): each alert goes alone; (b) a
// busy load, one message in ten breaking the rules (300 alerts a minute): the robot's limit paces
// messages one every 3 s and the alerts waiting meanwhile are merged, so its latency is bounded below by
// that spacing (about 1.5 s on average, 3 s at worst), not by qungui. The headline `watch-alert-p50-ms`
// is the quiet load's: alerts as often as the robot may take them. (2) Catch-up: a backlog of 1M messages read
// with --from-start, from the process start to "caught up", as messages per second (and without the
// start-up, measured on an empty file). Deterministic data; needs `npm run build`.
import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'engine/bin/qungui.js');
const GROUPS = 10;
const MEMBERS_PER_GROUP = 100;
const RATE = 50;
const LATENCY_SECONDS = 30;
const QUIET_SECONDS = 60;
/** Quiet load: one message in this many breaks a rule (50/s → one alert every 4 s). */
const QUIET_EVERY = 200;
const BACKLOG = 1_000_000;

/** Deterministic numbers (mulberry32). */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TERMS = Array.from(
  { length: 300 },
  (_, i) => `违规词${String.fromCharCode(0x4e00 + ((i * 37) % 20000))}${String.fromCharCode(0x4e00 + ((i * 91) % 20000))}`,
);
const WORDS = [
  '今天的课程',
  '作业已经提交',
  '请问第三章',
  '谢谢老师',
  '这个案例很有意思',
  '我们小组讨论了一下',
  '明天几点开始',
  '收到',
  '资料在群文件里',
  '大家辛苦了',
];

function bundle(dir) {
  const data = join(dir, '2026-11');
  mkdirSync(data, { recursive: true });
  const groups = Array.from({ length: GROUPS }, (_, g) => `wrBench${g}`);
  let members = 'group_id,member_id,name,joined_at,left_at,role\n';
  for (const group of groups) for (let m = 0; m < MEMBERS_PER_GROUP; m++) members += `${group},u${m},成员${m},2026-10-01 08:00:00,,member\n`;
  writeFileSync(join(data, 'members.csv'), members);
  writeFileSync(join(data, 'messages.jsonl'), '');
  const policy = join(dir, 'bench.qungui.yaml');
  writeFileSync(
    policy,
    `apiVersion: qungui/v1
kind: TrainingGroupPolicy
metadata: { id: bench, name: 压测培训群, kind: skill, timezone: Asia/Shanghai }
groups: [${groups.join(', ')}]
ratings:
  - { id: pass, label: 合格 }
  - { id: fail, label: 不合格 }
membership:
  removal: { maxViolations: 1000000 }
content:
  categories:
    - { id: banned, label: 违规, clause: N4, severity: error, terms: [${TERMS.join(', ')}] }
  detectors: [phone, id-card, bank-card, email]
`,
  );
  return { data, policy, groups };
}

function messageLine(n, groups, next, breaking) {
  const group = groups[Math.floor(next() * groups.length)];
  const sender = `u${Math.floor(next() * MEMBERS_PER_GROUP)}`;
  const words = WORDS[Math.floor(next() * WORDS.length)] + WORDS[Math.floor(next() * WORDS.length)];
  const content = breaking ? `M${n} ${words}${TERMS[Math.floor(next() * TERMS.length)]}` : words;
  const minute = Math.floor(n / 60000) % 60;
  return `{"message_id":"m${n}","group_id":"${group}","sender_id":"${sender}","sent_at":"2026-11-${String(1 + (Math.floor(n / 40000) % 28)).padStart(2, '0')} 10:${String(minute).padStart(2, '0')}:00","type":"text","content":"${content}"}\n`;
}

function startWatch(b, dir, extra, env = {}) {
  const child = spawn(
    process.execPath,
    [cli, 'watch', '--policy', b.policy, '--data', b.data, '--state', join(dir, 'state.json'), '--locale', 'en', ...extra],
    {
      env: { ...process.env, LC_ALL: '', LANG: '', QUNGUI_LOCALE: '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  const caughtUp = new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (/Caught up/.test(stderr)) resolve(performance.now());
    });
    child.on('exit', (code) => reject(new Error(`watch exited ${code}: ${stderr}`)));
  });
  return { child, caughtUp, stderr: () => stderr };
}

async function stop(watch) {
  const exited = new Promise((resolve) => watch.child.once('exit', resolve));
  watch.child.kill('SIGTERM');
  await exited;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

// ---- (1) latency ------------------------------------------------------------------------------
async function latency(seconds, every) {
  const dir = mkdtempSync(join(tmpdir(), 'qungui-bench-watch-'));
  const b = bundle(dir);
  const appended = new Map();
  const latencies = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const now = performance.now();
      const content = JSON.parse(body).markdown.content;
      for (const marker of content.match(/M\d+/g) ?? []) if (appended.has(marker)) latencies.push(now - appended.get(marker));
      response.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/cgi-bin/webhook/send?key=bench`;
  const watch = startWatch(b, dir, ['--webhook', url]);
  await watch.caughtUp;
  const next = random(7);
  const file = join(b.data, 'messages.jsonl');
  const total = RATE * seconds;
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const breaking = n % every === 0;
    appendFileSync(file, messageLine(n, b.groups, next, breaking));
    if (breaking) appended.set(`M${n}`, performance.now());
  }
  // At the real minute a busy backlog drains at 20 merged messages a minute: give it time.
  const deadline = performance.now() + 180_000;
  while (latencies.length < appended.size && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await stop(watch);
  server.close();
  rmSync(dir, { recursive: true, force: true });
  const sorted = [...latencies].sort((a, b) => a - b);
  return { alerts: appended.size, received: latencies.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

// ---- (2) catch-up -----------------------------------------------------------------------------
async function catchUp() {
  const dir = mkdtempSync(join(tmpdir(), 'qungui-bench-watch-'));
  const b = bundle(dir);
  // Start-up alone: the same bundle with an empty message file.
  const empty = startWatch(b, dir, ['--from-start']);
  const emptyStarted = performance.now();
  const startupMs = (await empty.caughtUp) - emptyStarted;
  await stop(empty);
  rmSync(join(dir, 'state.json'), { force: true });
  const next = random(11);
  const fd = openSync(join(b.data, 'messages.jsonl'), 'w');
  let chunk = '';
  let breaking = 0;
  for (let n = 0; n < BACKLOG; n++) {
    const broken = next() < 0.01;
    if (broken) breaking++;
    chunk += messageLine(n, b.groups, next, broken);
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  const watch = startWatch(b, dir, ['--from-start']);
  const started = performance.now();
  const doneAt = await watch.caughtUp;
  const totalMs = doneAt - started;
  const checked = Number(/Caught up: (\d+) messages/.exec(watch.stderr())?.[1] ?? 0);
  await stop(watch);
  rmSync(dir, { recursive: true, force: true });
  return { checked, breaking, totalMs, startupMs };
}

const quiet = await latency(QUIET_SECONDS, QUIET_EVERY);
console.log(
  `quiet load (real minute): ${quiet.received}/${quiet.alerts} alerts received, ${RATE} messages/s, one alert every ${QUIET_EVERY / RATE} s, for ${QUIET_SECONDS} s`,
);
console.log(`watch-alert-p99-ms: ${quiet.p99.toFixed(0)}`);
const lat = await latency(LATENCY_SECONDS, 10);
console.log(
  `busy load (real minute, merged messages one every 3 s): ${lat.received}/${lat.alerts} alerts received, ${RATE} messages/s, one in ten breaking the rules, for ${LATENCY_SECONDS} s`,
);
console.log(`watch-alert-busy-p50-ms: ${lat.p50.toFixed(0)}`);
console.log(`watch-alert-busy-p99-ms: ${lat.p99.toFixed(0)}`);
const up = await catchUp();
console.log(
  `catch-up: ${up.checked} messages (${up.breaking} breaking the rules) in ${(up.totalMs / 1000).toFixed(2)} s from the process start; start-up alone ${up.startupMs.toFixed(0)} ms`,
);
console.log(`watch-catchup-messages-per-s-after-startup: ${Math.round(up.checked / ((up.totalMs - up.startupMs) / 1000))}`);
console.log(`watch-alert-p50-ms: ${quiet.p50.toFixed(0)}`);
console.log(`watch-catchup-messages-per-s: ${Math.round(up.checked / (up.totalMs / 1000))}`);
