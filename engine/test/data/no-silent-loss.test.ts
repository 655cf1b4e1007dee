// Rows are never lost without a word: a header-only table is "no data", two columns with one name
// are refused, values outside their domain are rejected rows. (A byte that is not text: unreadable-bytes.test.ts.)
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

const repo = join(import.meta.dirname, '../../..');

function exampleMonth() {
  const dir = mkdtempSync(join(tmpdir(), 'qungui-loss-'));
  cpSync(join(repo, 'examples/data/2026-10'), join(dir, 'data'), { recursive: true });
  return dir;
}

async function run(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, isTTY: false, env: {} };
  const code = await main(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const evaluateArgs = ['evaluate', '--policy', join(repo, 'examples/policies'), '--data', 'data', '--month', '2026-10', '--out', 'out'];

describe('no row is lost silently', () => {
  test('tests.csv with only its header: the test clauses are not evaluated, with the reason; no member is rated on tests', async () => {
    const dir = exampleMonth();
    writeFileSync(join(dir, 'data/tests.csv'), '\uFEFFtest_id,group_id,member_id,taken_at,score,max_score\r\n');
    expect((await run(evaluateArgs, dir)).code).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'out/result.json'), 'utf8'));
    const reasons = result.notEvaluated.filter((n: { reason: { en: string } }) => n.reason.en.startsWith('The table(s) tests have no usable rows'));
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons[0].reason['zh-CN']).toBe('表 tests 没有可用的数据行（只有表头，或每一行都被拒绝）');
    expect(result.members.filter((m: { ratings: { tests: string | null } }) => m.ratings.tests !== null)).toEqual([]);
  });

  test('two columns that are one field: the table is refused naming both (exit 2), not the second silently winning', async () => {
    const dir = exampleMonth();
    const members = readFileSync(join(dir, 'data/members.csv'), 'utf8').replace('group_id,member_id,name,', 'group_id,member_id,name,name ,');
    writeFileSync(
      join(dir, 'data/members.csv'),
      members
        .replace(/\r?\n(?=.)/g, (nl) => nl)
        .split(/\r?\n/)
        .map((l, i) => (i === 0 || l === '' ? l : l.replace(/^([^,]*,[^,]*,[^,]*,)/, '$1x,')))
        .join('\r\n'),
    );
    const r = await run(['bundle', 'check', 'data', '--month', '2026-10'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('第 3 列“name”和第 4 列“name”都是字段 name');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const english = await run(['bundle', 'check', 'data', '--month', '2026-10', '--locale', 'en'], dir);
    expect(english.stderr).toContain('columns 3 ("name") and 4 ("name") are both the field name');
  });

  test('values outside their domain are rejected per row: a score above max_score, a negative score', async () => {
    const dir = exampleMonth();
    const lines = readFileSync(join(dir, 'data/tests.csv'), 'utf8').split('\n');
    lines[1] = lines[1]!.replace(/,\d+,100\r?$/, ',120,100');
    lines[2] = lines[2]!.replace(/,\d+,100\r?$/, ',-5,100');
    writeFileSync(join(dir, 'data/tests.csv'), lines.join('\n'));
    const r = await run([...evaluateArgs, '--max-rejected', '100'], dir);
    expect(r.code).toBe(0);
    const rejected = readFileSync(join(dir, 'out/rejected.csv'), 'utf8')
      .split('\r\n')
      .filter((l) => l.startsWith('tests.csv'));
    expect(rejected).toEqual(['tests.csv,2,tests,score,分数高于该测试的满分（max_score）,', "tests.csv,3,tests,score,score：超出范围 ≥ 0,'-5"]); // the formula guard quotes a leading minus
  });
});
