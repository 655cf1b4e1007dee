// npm run bench:evaluate — wall time of evaluate() over a deterministic synthetic month (5k members,
// 1M messages, the 53k-term lexicon from ../shared/data/lexicon/) as a ratio to a bare read +
// JSON.parse pass over the same messages file, messages/s, and peak RSS at 1M and 4M messages. Each
// measurement runs in its own child process so peak RSS is that run's alone. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'engine/dist/index.js');
const lexiconFile = join(root, '../shared/data/lexicon/零时-Tencent.txt');
const MEMBERS = 5000;
const GROUPS = 50;
const MONTH = '2026-11';

// ---- child: one measurement -------------------------------------------------------------------
if (process.argv[2] === '--child') {
  const [, , , mode, dir] = process.argv;
  const started = performance.now();
  let count = 0;
  let scanEnd;
  let findings;
  if (mode === 'parse') {
    const lines = createInterface({ input: createReadStream(join(dir, 'messages.jsonl')), crlfDelay: Infinity });
    for await (const line of lines)
      if (line) {
        JSON.parse(line);
        count++;
      }
  } else {
    const engine = await import(dist);
    // As the CLI reads messages; QUNGUI_READER_THREAD=0 measures reading on the main thread instead.
    engine.useReaderThreads(process.env.QUNGUI_READER_THREAD === '0' ? { mode: 'off' } : {});
    const text = readFileSync(join(dir, 'policy.qungui.yaml'), 'utf8');
    const validated = engine.validatePolicy({ file: 'policy.qungui.yaml', text });
    const errors = validated.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length)
      throw new Error(
        `bench policy invalid: ${errors
          .slice(0, 3)
          .map((e) => e.message.en)
          .join('; ')}`,
      );
    const bundle = await engine.openBundle(dir, { timezone: 'Asia/Shanghai', month: MONTH });
    // The end of the message pass (onProgress with a total) splits the time: reading + scanning, then rules and result.
    const result = await engine.evaluate({
      policies: [validated],
      bundle,
      month: MONTH,
      onProgress: (done, total) => {
        count = done;
        if (total !== undefined) scanEnd = { ms: performance.now() - started, rssMb: process.memoryUsage().rss / 1048576 };
      },
    });
    if (result.notEvaluated.some((n) => n.reason.en.includes('matcher') || n.reason.en.includes('content rules could not')))
      throw new Error('bench: the content matcher did not run');
    findings = result.findings.length;
  }
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, count, rssMb: process.resourceUsage().maxRSS / 1024, scanEnd, findings }));
  process.exit(0);
}

// ---- parent: generate, measure, report --------------------------------------------------------
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHRASES = [
  '今天的课程内容很实用',
  '我整理了一下笔记',
  '这个案例分析得很透彻',
  '下周的直播几点开始',
  '作业已经提交了',
  '客户拜访的技巧很重要',
  '大家周末愉快',
  '第三章的练习题有点难',
  '谢谢老师的分享',
  '我们组讨论了一下',
  '这个方法我试过了效果不错',
  '报价单的格式要统一',
  '明天早上九点开会',
  '培训资料在群文件里',
  '有没有人一起复习',
  '这个知识点我还不太明白',
];
const ACKS = ['收到', '好的', '👍', '收到，谢谢', '[强]'];

async function generate(dir, messages, terms) {
  if (existsSync(join(dir, 'done'))) return;
  mkdirSync(dir, { recursive: true });
  const random = mulberry32(20261101);
  const member = (i) => `u${String(i).padStart(5, '0')}`;
  const group = (i) => `g${String(i % GROUPS).padStart(2, '0')}`;
  writeFileSync(
    join(dir, 'members.jsonl'),
    `${Array.from({ length: MEMBERS }, (_, i) => JSON.stringify({ group_id: group(i), member_id: member(i), joined_at: '2026-09-01T09:00:00+08:00', role: i < GROUPS ? 'admin' : 'member' })).join('\n')}\n`,
  );
  const policyTerms = terms.filter((t) => /^[\p{Script=Han}]{2,8}$/u.test(t));
  const categories = `content:\n  categories:\n    - id: lexicon\n      label: 敏感词\n      clause: N4\n      severity: warning\n      terms:\n${policyTerms.map((t) => `        - ${JSON.stringify(t)}`).join('\n')}\n  detectors: [phone, id-card, bank-card]\n`;
  writeFileSync(
    join(dir, 'policy.qungui.yaml'),
    `apiVersion: qungui/v1\nkind: TrainingGroupPolicy\nmetadata: { id: bench, name: 基准, kind: skill, timezone: Asia/Shanghai }\ngroups: [${Array.from({ length: GROUPS }, (_, i) => group(i)).join(', ')}]\nratings:\n  - { id: good, label: 良好 }\n  - { id: fail, label: 不合格 }\nresponsiveness: { questionReplyHours: 12 }\nmembership: { removal: { inactiveDays: 20, maxViolations: 3 } }\nassessment:\n  participation:\n    bands: [ { rating: good, min: { activeDays: 10, contentMessages: 20 } }, { rating: fail } ]\n${categories}`,
  );
  const out = createWriteStream(join(dir, 'messages.jsonl'));
  const start = Date.parse('2026-11-01T00:00:00+08:00');
  const span = 30 * 86_400_000;
  let openQuestion;
  for (let i = 0; i < messages; i++) {
    const sender = Math.floor(random() * MEMBERS);
    const roll = random();
    let content = PHRASES[Math.floor(random() * PHRASES.length)];
    // 10% bare acknowledgements, 3% questions (most answered by a quoted reply soon after), 1% lexicon
    // terms, 0.2% phone numbers.
    if (roll < 0.1) content = ACKS[Math.floor(random() * ACKS.length)];
    else if (roll < 0.13) content += '？';
    else if (roll < 0.14) content += policyTerms[Math.floor(random() * policyTerms.length)];
    else if (roll < 0.142) content += `，电话 138${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    const row = {
      message_id: `m${i}`,
      group_id: group(sender),
      sender_id: member(sender),
      sent_at: new Date(start + Math.floor((i / messages) * span)).toISOString(),
      type: 'text',
      content,
    };
    if (openQuestion !== undefined && random() < 0.8) {
      row.reply_to = openQuestion;
      openQuestion = undefined;
    } else if (random() < 0.1 && i > 10) row.reply_to = `m${i - 1 - Math.floor(random() * 10)}`;
    if (content.endsWith('？')) openQuestion = row.message_id;
    if (!out.write(`${JSON.stringify(row)}\n`)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  writeFileSync(join(dir, 'done'), '');
}

function measure(mode, dir, { flags = [], env = {} } = {}) {
  const child = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), '--child', mode, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (child.status !== 0) throw new Error(`${mode} failed (exit ${child.status})`);
  return JSON.parse(child.stdout);
}

if (!existsSync(dist)) {
  console.error('bench:evaluate: engine/dist/index.js is missing; run `npm run build` first');
  process.exit(2);
}
if (!existsSync(lexiconFile)) {
  console.error(`bench:evaluate: ${lexiconFile} is missing (a clone without ../shared): skipped`);
  process.exit(0);
}
const terms = readFileSync(lexiconFile, 'utf8')
  .split(/\r?\n/)
  .map((t) => t.trim())
  .filter(Boolean);
const sizes = { '1m': 1_000_000, '4m': 4_000_000 };
const dirs = {};
for (const [name, n] of Object.entries(sizes)) {
  dirs[name] = join(tmpdir(), `qungui-bench-evaluate-v3-${name}`);
  console.log(`generating ${n.toLocaleString('en-US')} messages → ${dirs[name]}`);
  await generate(dirs[name], n, terms);
}
// Peak RSS depends on when V8 happens to run a major collection (±20% between identical runs), and
// times on a shared machine are noisy too: each figure is the median of RUNS runs, each in its own process.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function measureRuns(mode, dir, label) {
  const runs = Array.from({ length: RUNS }, () => measure(mode, dir));
  for (const run of runs) {
    const pass = run.scanEnd
      ? `, ${run.findings} findings (message pass done at ${(run.scanEnd.ms / 1000).toFixed(2)} s with ${run.scanEnd.rssMb.toFixed(0)} MB RSS)`
      : '';
    console.log(`${label}: ${(run.ms / 1000).toFixed(2)} s, peak RSS ${run.rssMb.toFixed(0)} MB${pass}`);
  }
  return { ms: median(runs.map((r) => r.ms)), rssMb: median(runs.map((r) => r.rssMb)) };
}
const parse1 = measureRuns('parse', dirs['1m'], 'parse 1M');
const eval1 = measureRuns('evaluate', dirs['1m'], 'evaluate 1M');
const eval4 = measureRuns('evaluate', dirs['4m'], 'evaluate 4M');
console.log(`medians of ${RUNS} runs:`);
console.log(`evaluate-messages-per-second-1m: ${Math.round(1_000_000 / (eval1.ms / 1000))}`);
console.log(`evaluate-peak-rss-mb-4m: ${eval4.rssMb.toFixed(0)}`);
console.log(`evaluate-vs-parse-ratio: ${(eval1.ms / parse1.ms).toFixed(2)}`);
console.log(`evaluate-peak-rss-mb-1m: ${eval1.rssMb.toFixed(0)}`);
console.log(`evaluate-rss-ratio-4m-vs-1m: ${(eval4.rssMb / eval1.rssMb).toFixed(2)}`);
