// Code lens in process: where the sample-data counts are placed (the first band of each rating, each
// content category) and how each outcome reads, in either language. The worker is replaced by a
// stand-in runner with a fixed outcome: the real evaluation on the example month is the stdio test's.
import { fileURLToPath } from 'node:url';
import type { CodeLens, Range } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { codeLenses, sampleMonth } from '../../src/server/services/code-lens.js';
import type { SampleCounts, SampleJob, SampleOutcome } from '../../src/server/sample/sample-job.js';
import { SampleRunner } from '../../src/server/sample/sample-runner.js';
import { at, example, fixture, mark, replaceOnce } from './fixture.js';

const sampleDir = fileURLToPath(new URL('../../../examples/data/2026-10', import.meta.url));

/** Answers every run with one outcome and records what it was asked; starts no worker. */
class StandInRunner extends SampleRunner {
  readonly asked: [string, SampleJob][] = [];
  constructor(private readonly outcome: SampleOutcome) {
    super('no-worker.js', 1);
  }
  override run(uri: string, job: SampleJob): Promise<SampleOutcome> {
    this.asked.push([uri, job]);
    return Promise.resolve(this.outcome);
  }
}

const counts = (ratings: SampleCounts['ratings'], categories: SampleCounts['categories']): SampleOutcome => ({
  kind: 'counts',
  counts: { ratings, categories, byClause: [], workQueue: [], bands: {}, matches: {}, labels: { ratings: {}, categories: {} } },
});
/** A lens at the start of the marked range's line. */
const lens = (range: Range, title: string): CodeLens => {
  const at = { line: range.start.line, character: 0 };
  return { range: { start: at, end: at }, command: { title, command: '' } };
};
const firstLine = (title: string): CodeLens => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  command: { title, command: '' },
});

/** management's categories and bands (assignments, then participation), each marked where its lens goes; ranges come in document order. */
const management = () =>
  at(
    'management',
    '⟦⟧{ rating: excellent, min: { completeness: 95',
    '⟦⟧{ rating: pass, min: { completeness: 70',
    '⟦⟧{ rating: fail }\n  participation:',
    '⟦⟧{ rating: excellent, min: { contentMessages: 20',
    '⟦⟧{ rating: pass, min: { contentMessages: 5',
    '⟦⟧{ rating: fail }\n  overall:',
    '    - ⟦⟧id: insult',
    '    - ⟦⟧id: personnel',
  );

describe('code lens on sample counts', () => {
  const outcome = counts({ assignments: { excellent: 3, pass: 7, fail: 2 }, participation: { excellent: 1, pass: 9 } }, { insult: 4 });

  it('members per band and messages per category, zero where the sample has none', async () => {
    const f = management();
    const runner = new StandInRunner(outcome);
    const [insult, personnel, a1, a2, a3, p1, p2, p3] = f.ranges;
    expect(await codeLenses(runner, f.uri, f.validated, sampleDir, 'zh-CN')).toEqual([
      lens(a1!, '样本数据：3 名成员落在此档'),
      lens(a2!, '样本数据：7 名成员落在此档'),
      lens(a3!, '样本数据：2 名成员落在此档'),
      lens(p1!, '样本数据：1 名成员落在此档'),
      lens(p2!, '样本数据：9 名成员落在此档'),
      lens(p3!, '样本数据：0 名成员落在此档'),
      lens(insult!, '样本数据：4 条消息命中'),
      lens(personnel!, '样本数据：0 条消息命中'),
    ]);
    // The runner is given the policy's file and text and the month named by the folder.
    expect(runner.asked).toEqual([[f.uri, { file: f.file, text: f.text, sampleDir, month: '2026-10' }]]);
  });

  it('in English', async () => {
    const f = management();
    const titles = (await codeLenses(new StandInRunner(outcome), f.uri, f.validated, sampleDir, 'en')).map((l) => [l.range.start.line, l.command?.title]);
    expect(titles).toEqual([
      ...[3, 7, 2, 1, 9, 0].map((n, i) => [f.ranges[i + 2]!.start.line, `sample data: ${n} ${n === 1 ? 'member' : 'members'} in this band`]),
      [f.ranges[0]!.start.line, 'sample data: 4 matching messages'],
      [f.ranges[1]!.start.line, 'sample data: 0 matching messages'],
    ]);
  });

  it('a rating with two bands is counted on its first band only', async () => {
    const text = replaceOnce(
      example('management'),
      '      - { rating: pass, min: { completeness: 70 } }\n',
      '      - { rating: pass, min: { completeness: 70 } }\n      - { rating: pass, min: { originality: 60 } }\n',
    );
    const f = fixture(
      mark(
        text,
        '⟦⟧{ rating: excellent, min: { completeness: 95',
        '⟦⟧{ rating: pass, min: { completeness: 70',
        '⟦⟧{ rating: pass, min: { originality: 60',
        '⟦⟧{ rating: fail }\n  participation:',
      ),
      'management',
    );
    expect(f.validated.diagnostics).toEqual([]);
    const [excellent, pass, secondPass, fail] = f.ranges;
    const lenses = await codeLenses(new StandInRunner(outcome), f.uri, f.validated, sampleDir, 'zh-CN');
    expect(lenses.slice(0, 3)).toEqual([
      lens(excellent!, '样本数据：3 名成员落在此档'),
      lens(pass!, '样本数据：7 名成员落在此档'),
      lens(fail!, '样本数据：2 名成员落在此档'),
    ]);
    expect(lenses.filter((l) => l.range.start.line === secondPass!.start.line)).toEqual([]);
  });
});

describe('code lens when the sample does not give counts', () => {
  it('over the time budget: one lens on the first line, in seconds', async () => {
    const f = management();
    const runner = new StandInRunner({ kind: 'over-budget', budgetMs: 250 });
    expect(await codeLenses(runner, f.uri, f.validated, sampleDir, 'zh-CN')).toEqual([
      firstLine('样本数据：0.25 秒内未算完，已停止；请换一个较小的样本文件夹'),
    ]);
    expect(await codeLenses(runner, f.uri, f.validated, sampleDir, 'en')).toEqual([
      firstLine('sample data: not done within 0.25 s, stopped; choose a smaller sample folder'),
    ]);
  });

  it('a failed run: one lens pointing to qungui evaluate', async () => {
    const f = management();
    const runner = new StandInRunner({ kind: 'failed' });
    expect(await codeLenses(runner, f.uri, f.validated, sampleDir, 'zh-CN')).toEqual([
      firstLine('样本数据：无法在此文件夹上运行；原因请用 qungui evaluate 查看'),
    ]);
    expect(await codeLenses(runner, f.uri, f.validated, sampleDir, 'en')).toEqual([
      firstLine('sample data: cannot run on this folder; qungui evaluate tells why'),
    ]);
  });

  it('a run replaced by a newer text: no lenses', async () => {
    const f = management();
    expect(await codeLenses(new StandInRunner({ kind: 'stale' }), f.uri, f.validated, sampleDir, 'zh-CN')).toEqual([]);
  });
});

describe('code lens with nothing to run', () => {
  const outcome = counts({ assignments: { excellent: 1 } }, {});

  it('no sample folder set, or a folder not named by month: the runner is not asked', async () => {
    const f = management();
    const runner = new StandInRunner(outcome);
    expect(await codeLenses(runner, f.uri, f.validated, undefined, 'zh-CN')).toEqual([]);
    expect(await codeLenses(runner, f.uri, f.validated, fileURLToPath(new URL('../../../examples/data', import.meta.url)), 'zh-CN')).toEqual([]);
    expect(runner.asked).toEqual([]);
  });

  it('a policy with an error: the runner is not asked', async () => {
    const f = fixture(replaceOnce(example('management'), 'timezone: Asia/Shanghai', 'timezone: Asia/Shangai'), 'management');
    expect(f.validated.diagnostics.map((d) => [d.code, d.severity])).toEqual([['invalid-timezone', 'error']]);
    const runner = new StandInRunner(outcome);
    expect(await codeLenses(runner, f.uri, f.validated, sampleDir, 'zh-CN')).toEqual([]);
    expect(runner.asked).toEqual([]);
  });

  it('the month is read from the folder name', () => {
    expect([sampleMonth(sampleDir), sampleMonth('/data/2026-13'), sampleMonth('/data/2026-1'), sampleMonth('/data/october')]).toEqual([
      '2026-10',
      undefined,
      undefined,
      undefined,
    ]);
  });
});
