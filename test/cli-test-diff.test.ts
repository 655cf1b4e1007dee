// `qungui test` and `qungui diff` through the real CLI (issue 7).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { qungui, repoRoot } from './helpers/cli.js';

// Each case runs the CLI once or twice, seconds apiece on a loaded two-core CI machine.
describe('qungui test', { timeout: 30_000 }, () => {
  it("runs the example policies' tests: a table per case, exit 0", () => {
    const result = qungui(['test', 'examples/tests']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('│ 序号 │ 测试文件');
    expect(result.stdout).toMatch(/\n7 个通过，0 个失败\n/);
  });

  it('a failing expectation fails the run (exit 1) and says why; json and junit formats', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qungui-test-'));
    const file = join(dir, 'wrong.test.yaml');
    writeFileSync(
      file,
      readFileSync(join(repoRoot, 'examples/tests/onboarding.test.yaml'), 'utf8')
        .replace('policy: ../policies/onboarding.qungui.yaml', `policy: ${join(repoRoot, 'examples/policies/onboarding.qungui.yaml')}`)
        .replace('{ memberId: a5, ratings: { tests: excellent } }', '{ memberId: a5, ratings: { tests: good } }'),
    );
    const text = qungui(['test', file, '--locale', 'en']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('a5: tests rating expected "good", got "excellent"');
    const json = JSON.parse(qungui(['test', file, '--format', 'json']).stdout);
    expect([json.passed, json.failed]).toEqual([2, 1]);
    const junit = qungui(['test', file, '--format', 'junit']).stdout;
    expect(junit).toContain('<testsuites name="qungui test" tests="3" failures="1">');
  });

  it('--coverage reports bands, categories, terms and rules; --threshold fails below it', () => {
    const covered = qungui(['test', 'examples/tests', '--coverage', '--format', 'json']);
    const coverage = JSON.parse(covered.stdout).coverage;
    expect(coverage.byKind.band.total).toBe(38);
    expect(coverage.byKind.term.covered).toBeGreaterThanOrEqual(2);
    expect(qungui(['test', 'examples/tests', '--threshold', '5']).code).toBe(0);
    // The README's own example passes as written.
    expect(qungui(['test', 'examples/tests', '--coverage', '--threshold', '15']).code).toBe(0);
    const below = qungui(['test', 'examples/tests', '--threshold', '95']);
    expect(below.code).toBe(1);
    expect(below.stderr).toContain('低于 --threshold 95');
  });
});

describe('qungui diff', { timeout: 30_000 }, () => {
  const args = [
    'diff',
    '--policy',
    'examples/policies/onboarding.qungui.yaml',
    '--policy',
    'test/fixtures/diff/onboarding-lenient.qungui.yaml',
    '--data',
    'examples/data/2026-10',
  ];

  it('identical policies give an empty list of changes', () => {
    const result = qungui([
      'diff',
      '--policy',
      'examples/policies/onboarding.qungui.yaml',
      '--policy',
      'examples/policies/onboarding.qungui.yaml',
      '--data',
      'examples/data/2026-10',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).changes).toEqual([]);
  });

  it('lowering the "excellent" test threshold 90 → 85 changes exactly the members scoring 85–89', () => {
    const result = qungui([...args, '--format', 'json']);
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout);
    // Hand check from the raw export: onboarding members whose (single) test score is in [85, 90).
    const tests = parse(readFileSync(join(repoRoot, 'examples/data/2026-10/tests.csv')), { columns: true, bom: true }) as {
      group_id: string;
      member_id: string;
      score: string;
    }[];
    const expected = tests
      .filter((t) => t.group_id === 'wrOnboard2026' && Number(t.score) >= 85 && Number(t.score) < 90)
      .map((t) => t.member_id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const testRatingChanges = diff.changes.filter((c: { kind: string; subject: string }) => c.kind === 'rating' && c.subject === 'tests');
    expect(testRatingChanges.map((c: { memberId: string }) => c.memberId).sort()).toEqual(expected);
    for (const change of testRatingChanges) {
      expect([change.before, change.after]).toEqual(['good', 'excellent']);
      expect(change.lines.after.file).toBe('test/fixtures/diff/onboarding-lenient.qungui.yaml');
    }
    expect(diff.counts.rating).toBeGreaterThanOrEqual(expected.length);
  });

  it('text and markdown formats summarise the change', () => {
    const md = qungui([...args, '--format', 'md']);
    expect(md.stderr).toBe('');
    expect(md.stdout).toMatch(/^## 群规变更影响/);
    expect(md.stdout).toContain('| 群 | 成员 | 变化 | 说明 | 规则位置 |');
    const text = qungui(args);
    expect(text.stdout).toMatch(/名成员受影响；评级变化 \d+/);
  });
});
