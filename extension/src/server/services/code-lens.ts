// Code lens on sample data (setting qungui.sampleData: a folder in the monthly-bundle format): above each
// band, how many members land in it; above each content category, how many messages match. The real
// evaluation engine runs on the sample in a worker (sample/sample-runner.ts), refreshed as the text changes.
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeLens } from 'vscode-languageserver';
import { bandTables, nodeAtPath, type ValidatedPolicy } from '../engine.js';
import type { SampleOutcome } from '../sample/sample-job.js';
import type { SampleRunner } from '../sample/sample-runner.js';
import type { Locale } from './convert.js';
import { say } from '../engine.js';

/** The month of a sample folder named like the bundle contract's month folders (…/2026-10). */
export function sampleMonth(dir: string): string | undefined {
  return /^\d{4}-(0[1-9]|1[0-2])$/.exec(basename(dir))?.[0];
}

/** The sample's outcome for this policy text, or undefined when there is nothing to run (errors, no month). */
export function evaluateSample(runner: SampleRunner, uri: string, validated: ValidatedPolicy, sampleDir: string): Promise<SampleOutcome> | undefined {
  const month = sampleMonth(sampleDir);
  if (!month || validated.value === undefined || validated.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return runner.run(uri, { file: uri.startsWith('file:') ? fileURLToPath(uri) : uri, text: validated.text, sampleDir, month });
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(3));

function lineOf(validated: ValidatedPolicy, path: (string | number)[]): number | undefined {
  const node = validated.document ? nodeAtPath(validated.document, path).value : undefined;
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : validated.lineCounter.linePos(offset).line - 1;
}

export async function codeLenses(
  runner: SampleRunner,
  uri: string,
  validated: ValidatedPolicy,
  sampleDir: string | undefined,
  locale: Locale,
): Promise<CodeLens[]> {
  if (!sampleDir) return [];
  const outcome = await evaluateSample(runner, uri, validated, sampleDir);
  if (!outcome || outcome.kind === 'stale') return [];
  const lenses: CodeLens[] = [];
  const lens = (line: number | undefined, title: string) => {
    if (line !== undefined) lenses.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title, command: '' } });
  };
  if (outcome.kind === 'over-budget') {
    lens(
      0,
      say(
        locale,
        '样本数据：{seconds} 秒内未算完，已停止；请换一个较小的样本文件夹',
        'sample data: not done within {seconds} s, stopped; choose a smaller sample folder',
        { seconds: seconds(outcome.budgetMs) },
      ),
    );
    return lenses;
  }
  if (outcome.kind === 'failed') {
    lens(0, say(locale, '样本数据：无法在此文件夹上运行；原因请用 qungui evaluate 查看', 'sample data: cannot run on this folder; qungui evaluate tells why'));
    return lenses;
  }
  const { counts } = outcome;
  for (const table of bandTables(validated.value)) {
    const seen = new Set<string>();
    for (const band of table.bands) {
      if (!band.rating || seen.has(band.rating)) continue; // a rating is credited to its first band
      seen.add(band.rating);
      const count = counts.ratings[table.dimension]?.[band.rating] ?? 0;
      lens(
        lineOf(validated, [...band.path]),
        say(locale, '样本数据：{count} 名成员落在此档', 'sample data: {count, plural, one {# member} other {# members}} in this band', { count }),
      );
    }
  }
  const categories = (validated.value as { content?: { categories?: { id: string }[] } }).content?.categories ?? [];
  categories.forEach((category, i) => {
    const matched = counts.categories[category.id] ?? 0;
    lens(
      lineOf(validated, ['content', 'categories', i]),
      say(locale, '样本数据：{matched} 条消息命中', 'sample data: {matched, plural, one {# matching message} other {# matching messages}}', { matched }),
    );
  });
  return lenses;
}
