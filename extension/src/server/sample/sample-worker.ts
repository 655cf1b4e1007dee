// The sample-data evaluation, on its own thread (bundled as dist/sample-worker.js): the language
// server's thread stays free for hover and completion however long the month takes, and the run
// can be stopped outright when it passes its budget or its text goes stale.
import { parentPort, workerData } from 'node:worker_threads';
import { evaluate, labelsFromPolicies, openBundle, summarize, timezoneOf, validatePolicies } from '../engine.js';
import type { SampleCounts, SampleJob } from './sample-job.js';

async function count(job: SampleJob): Promise<SampleCounts | undefined> {
  const [validated] = validatePolicies([{ file: job.file, text: job.text }]);
  if (!validated || validated.value === undefined || validated.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const timezone = timezoneOf(validated.value);
  const bundle = await openBundle(job.sampleDir, { timezone, month: job.month });
  const result = await evaluate({ policies: [validated], bundle, month: job.month });
  const ratings: SampleCounts['ratings'] = {};
  for (const member of result.members) {
    for (const [dimension, rating] of Object.entries(member.ratings as Record<string, string | null>)) {
      if (rating === null) continue;
      const table = (ratings[dimension] ??= {});
      table[rating] = (table[rating] ?? 0) + 1;
    }
  }
  const messages = new Map<string, Set<string>>();
  for (const finding of result.findings) {
    const category = finding.evidence.category;
    if (typeof category !== 'string') continue;
    let set = messages.get(category);
    if (!set) messages.set(category, (set = new Set()));
    set.add(String(finding.evidence.messageId));
  }
  const book = labelsFromPolicies([validated]);
  const summary = summarize(result, book);
  const bands: SampleCounts['bands'] = {};
  for (const member of result.members) {
    for (const [dimension, index] of Object.entries(member.bands ?? {})) {
      const rating = member.ratings[dimension as keyof typeof member.ratings];
      if (index === undefined || !rating) continue;
      const list = (bands[dimension] ??= []);
      let band = list.find((b) => b.index === index);
      if (!band) list.push((band = { index, rating, members: [] }));
      band.members.push(member.name ?? member.memberId);
    }
  }
  for (const list of Object.values(bands)) list.sort((a, b) => a.index - b.index);
  const matches: SampleCounts['matches'] = {};
  for (const finding of result.findings) {
    const category = finding.evidence.category;
    const excerpt = finding.evidence.excerpt;
    if (typeof category !== 'string' || typeof excerpt !== 'string') continue;
    const list = (matches[category] ??= []);
    if (list.length < 20 && !list.includes(excerpt)) list.push(excerpt);
  }
  const labels = book[Object.keys(book)[0]!] ?? { ratings: {}, categories: {} };
  return {
    bands,
    matches,
    labels: { ratings: labels.ratings, categories: labels.categories },
    ratings,
    categories: Object.fromEntries([...messages].map(([id, set]) => [id, set.size])),
    byClause: summary.byClause.map((c) => ({ clause: c.clause, count: c.count })),
    workQueue: summary.workQueue.slice(0, 20).map((f) => ({ 'zh-CN': f.message['zh-CN'], 'zh-TW': f.message['zh-TW'], en: f.message.en })),
  };
}

count(workerData as SampleJob).then(
  (counts) => parentPort!.postMessage(counts ?? null),
  () => parentPort!.postMessage(null),
);
