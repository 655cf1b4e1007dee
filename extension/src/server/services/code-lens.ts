// Code lens on sample data (setting qungui.sampleData: a folder in the monthly-bundle format): above each
// band, how many members land in it; above each content category, how many messages match. The real
// evaluation engine runs on the sample; results are cached per policy text and refreshed as it changes.
import { basename } from 'node:path';
import type { CodeLens } from 'vscode-languageserver';
import { bandTables, evaluate, nodeAtPath, openBundle, type EvaluationResult, type ValidatedPolicy } from '../engine.js';
import type { Locale } from './convert.js';

const cache = new Map<string, Promise<EvaluationResult | undefined>>();

/** The month of a sample folder named like the bundle contract's month folders (…/2026-10). */
export function sampleMonth(dir: string): string | undefined {
  return /^\d{4}-(0[1-9]|1[0-2])$/.exec(basename(dir))?.[0];
}

export function evaluateSample(validated: ValidatedPolicy, sampleDir: string): Promise<EvaluationResult | undefined> {
  const month = sampleMonth(sampleDir);
  if (!month || validated.value === undefined || validated.diagnostics.some((d) => d.severity === 'error')) return Promise.resolve(undefined);
  const key = `${sampleDir}\u0000${validated.text}`;
  let pending = cache.get(key);
  if (!pending) {
    if (cache.size > 8) cache.clear();
    const timezone = (validated.value as { metadata?: { timezone?: string } }).metadata?.timezone ?? 'Asia/Shanghai';
    pending = openBundle(sampleDir, { timezone, month })
      .then((bundle) => evaluate({ policies: [validated], bundle, month }))
      .catch(() => undefined);
    cache.set(key, pending);
  }
  return pending;
}

function lineOf(validated: ValidatedPolicy, path: (string | number)[]): number | undefined {
  const node = validated.document ? nodeAtPath(validated.document, path).value : undefined;
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : validated.lineCounter.linePos(offset).line - 1;
}

export async function codeLenses(validated: ValidatedPolicy, sampleDir: string | undefined, locale: Locale): Promise<CodeLens[]> {
  if (!sampleDir) return [];
  const result = await evaluateSample(validated, sampleDir);
  if (!result) return [];
  const zh = locale === 'zh-CN';
  const lenses: CodeLens[] = [];
  const lens = (line: number | undefined, title: string) => {
    if (line !== undefined) lenses.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title, command: '' } });
  };
  for (const table of bandTables(validated.value)) {
    const seen = new Set<string>();
    for (const band of table.bands) {
      if (!band.rating || seen.has(band.rating)) continue; // a rating is credited to its first band
      seen.add(band.rating);
      const count = result.members.filter((m) => (m.ratings as Record<string, string | null>)[table.dimension] === band.rating).length;
      lens(lineOf(validated, [...band.path]), zh ? `样本数据：${count} 名成员落在此档` : `sample data: ${count} member(s) in this band`);
    }
  }
  const categories = ((validated.value as { content?: { categories?: { id: string }[] } }).content?.categories ?? []);
  categories.forEach((category, i) => {
    const messages = new Set(result.findings.filter((f) => f.evidence.category === category.id).map((f) => String(f.evidence.messageId)));
    lens(lineOf(validated, ['content', 'categories', i]), zh ? `样本数据：${messages.size} 条消息命中` : `sample data: ${messages.size} matching message(s)`);
  });
  return lenses;
}
