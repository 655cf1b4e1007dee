// npm run bench:match — content matcher throughput (issue 3). Dictionary: ../shared/data/lexicon/
// 零时-Tencent.txt (53k terms); text: the TEXT column of ../shared/data/cold/train.csv repeated to ≥ 50 MB.
// In the same run, on the same data: qungui with all normalization on, with it off, the npm peers
// modern-ahocorasick and mint-filter, and a naive baseline. Figures end the output as name: value.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from 'csv-parse/sync';

const root = fileURLToPath(new URL('..', import.meta.url));
const lexiconFile = `${root}../shared/data/lexicon/零时-Tencent.txt`;
const trainFile = `${root}../shared/data/cold/train.csv`;
const devFile = `${root}../shared/data/cold/dev.csv`;
if (!existsSync(lexiconFile) || !existsSync(trainFile)) {
  console.log('notice: ../shared/data (lexicon, COLD) not found; bench:match needs it');
  process.exit(0);
}
const { compileMatcher, normalizeTerm, normalizeOptionsFrom } = await import(`${root}engine/dist/index.js`);
const { default: AhoCorasick } = await import('modern-ahocorasick');
const mintModule = await import('mint-filter');
const Mint = mintModule.default?.default ?? mintModule.default ?? mintModule.Mint;

const lines = readFileSync(lexiconFile, 'utf8')
  .split(/\r?\n/)
  .map((t) => t.trim())
  .filter(Boolean);
// Terms made only of symbols (㊣) are refused by the validator (empty-term); every engine gets the same list.
const defaults = normalizeOptionsFrom(undefined);
const terms = [...new Set(lines)].filter((t) => normalizeTerm(t, defaults) !== '');
console.log(`lexicon: ${lines.length} lines, ${terms.length} distinct usable terms`);
const sentences = parse(readFileSync(trainFile), { columns: true, bom: true }).map((r) => r.TEXT);
const targetBytes = Number(process.env.BENCH_MB ?? 50) * 1024 * 1024;
const messages = [];
let bytes = 0;
while (bytes < targetBytes)
  for (const s of sentences) {
    messages.push(s);
    bytes += Buffer.byteLength(s);
    if (bytes >= targetBytes) break;
  }
const chars = messages.reduce((n, s) => n + s.length, 0);
console.log(`dictionary: ${terms.length} terms; text: ${messages.length} messages, ${(bytes / 1048576).toFixed(1)} MB, ${(chars / 1e6).toFixed(1)} M chars`);

// Retained heap needs a collection before and after the build (a collection during it made the
// delta negative); expose gc without asking the caller for --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

// Typed-array automata live outside the JS heap: count ArrayBuffer memory too.
const heapBytes = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

function build(name, make) {
  gc();
  const heapBefore = heapBytes();
  const start = performance.now();
  const value = make();
  const ms = performance.now() - start;
  gc();
  const heapMb = (heapBytes() - heapBefore) / 1048576;
  console.log(`${name}: build ${ms.toFixed(0)} ms, heap +${heapMb.toFixed(1)} MB`);
  return { value, ms, heapMb };
}

function scan(name, fn) {
  for (let i = 0; i < 2000; i++) fn(messages[i]); // same warm-up for every engine: time the steady state, not the JIT tiers
  const start = performance.now();
  let hits = 0;
  for (const m of messages) hits += fn(m);
  const seconds = (performance.now() - start) / 1000;
  const rate = chars / seconds;
  console.log(`${name}: ${(rate / 1e6).toFixed(2)} M chars/s, ${hits} matches`);
  return rate;
}

const all = { categories: [{ id: 'lexicon', label: '词库', clause: 'N4', terms }] };
const off = { ...all, normalize: { width: false, case: false, traditional: false, digits: false, skip: false, repeats: false } };
const qOn = build('qungui (normalization on)', () => compileMatcher(all));
const qOff = build('qungui (normalization off)', () => compileMatcher(off));
const modern = build('modern-ahocorasick', () => new AhoCorasick(terms));
const mint = build('mint-filter', () => new Mint(terms));
const maxLen = Math.max(...terms.map((t) => t.length));
const termSet = new Set(terms);
const naive = (text) => {
  let n = 0;
  for (let i = 0; i < text.length; i++) for (let l = 1; l <= maxLen && i + l <= text.length; l++) if (termSet.has(text.slice(i, i + l))) n++;
  return n;
};

const rates = {
  on: scan('qungui, normalization on', (t) => qOn.value.match(t).length),
  off: scan('qungui, normalization off', (t) => qOff.value.match(t).length),
  modern: scan('modern-ahocorasick', (t) => modern.value.search(t).length),
  mint: scan('mint-filter', (t) => mint.value.filter(t, { replace: false }).words.length),
  naive: scan('naive substring set', naive),
};
const bestPeer = Math.max(rates.modern, rates.mint);
console.log(
  `ratios vs best peer: on ${(rates.on / bestPeer).toFixed(2)}, off ${(rates.off / bestPeer).toFixed(2)}, naive ${(rates.naive / bestPeer).toFixed(2)}`,
);

// A figure for the README, not a target: how an example insult list for a training group flags COLD dev.
if (existsSync(devFile)) {
  const dev = parse(readFileSync(devFile), { columns: true, bom: true });
  const insults = compileMatcher({
    categories: [
      {
        id: 'insult',
        label: '侮辱攻击',
        clause: 'N1',
        terms: [
          '傻逼',
          '脑残',
          '废物',
          '蠢货',
          '白痴',
          '垃圾',
          '滚蛋',
          '去死',
          '贱人',
          '畜生',
          '人渣',
          '智障',
          '神经病',
          '狗东西',
          '不要脸',
          '黑鬼',
          '娘炮',
          '乡巴佬',
        ],
      },
    ],
    allow: ['垃圾分类', '垃圾桶', '垃圾邮件'],
  });
  const share = (label) => {
    const rows = dev.filter((r) => r.label === label);
    return rows.filter((r) => insults.match(r.TEXT).length > 0).length / rows.length;
  };
  console.log(`COLD dev flagged by the example insult list: offensive ${(share('1') * 100).toFixed(1)}%, safe ${(share('0') * 100).toFixed(1)}%`);
}
console.log(`match-chars-per-second-normalized: ${Math.round(rates.on)}`);
console.log(`match-build-heap-mb: ${qOn.heapMb.toFixed(1)}`);
console.log(`match-speedup-vs-best-peer: ${(rates.on / bestPeer).toFixed(2)}`);
console.log(`match-build-ms: ${qOn.ms.toFixed(0)}`);
