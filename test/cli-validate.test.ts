// `qungui validate` through the real CLI: every format and every exit code (CLI contract).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { qungui, repoRoot } from './helpers/cli.js';

const bad = 'test/fixtures/invalid/band-order.qungui.yaml';
const warn = 'test/fixtures/invalid/single-char-term.qungui.yaml';

// The SARIF case also runs the SARIF multitool (a .NET program): seconds, not milliseconds.
describe('qungui validate', { timeout: 30_000 }, () => {
  it('accepts the examples folder (exit 0)', () => {
    const result = qungui(['validate', 'examples/']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✔ 3 个文件，没有问题/);
  });

  it('prints Chinese by default and English with --locale en, with a code frame', () => {
    const zh = qungui(['validate', bad]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('错误');
    expect(zh.stdout).toContain('档位');
    expect(zh.stdout).toMatch(/\n {4}\d+ \| .*\n {4} +\| +\^+/);
    const en = qungui(['validate', bad, '--locale', 'en']);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('error');
    expect(en.stdout).toContain('bands must run from the best rating to the worst');
  });

  it('--format json follows the contract (1-based lines and columns)', () => {
    const result = qungui(['validate', bad, '--format', 'json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['files', 'errorCount', 'warningCount']);
    expect(json.files[0].file).toBe(bad);
    const d = json.files[0].diagnostics[0];
    expect(Object.keys(d).slice(0, 8)).toEqual(['code', 'severity', 'message', 'messages', 'line', 'column', 'endLine', 'endColumn']);
    expect(d.code).toBe('band-order');
    expect(json.errorCount).toBeGreaterThan(0);
  });

  it('--format github prints workflow commands', () => {
    const result = qungui(['validate', bad, '--format', 'github', '--locale', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(
      /^::error file=test\/fixtures\/invalid\/band-order\.qungui\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=qungui band-order::/,
    );
  });

  it('--format junit prints one failing testcase per problem', () => {
    const result = qungui(['validate', bad, 'examples/policies/onboarding.qungui.yaml', '--format', 'junit']);
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    expect(result.stdout).toContain('<testcase classname="examples/policies/onboarding.qungui.yaml" name="valid" />');
    expect(result.stdout).toMatch(/<failure type="error" message="[^"]+">/);
    expect((result.stdout.match(/<testsuite /g) ?? []).length).toBe(2);
  });

  it('--format sarif validates against the official SARIF 2.1.0 schema and passes the SARIF multitool', () => {
    const result = qungui(['validate', bad, warn, '--format', 'sarif']);
    expect(result.code).toBe(1);
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe('2.1.0');
    const levels = sarif.runs[0].results.map((r: { ruleId: string; level: string }) => `${r.ruleId}/${r.level}`);
    // Both fixtures use the id "fixture" and room wrFixture: validated together, they also conflict.
    expect(levels).toEqual([
      'duplicate-policy-id/error',
      'duplicate-group/error',
      'band-order/error',
      'duplicate-policy-id/error',
      'duplicate-group/error',
      'single-char-term/warning',
    ]);
    // The official schema, as shipped inside Microsoft's multitool package.
    const schemaFile = join(repoRoot, 'node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json');
    if (!existsSync(schemaFile)) throw new Error('@microsoft/sarif-multitool is a devDependency: run npm ci');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    // And Microsoft's validator: its own rule checks must report nothing at error level.
    const dir = mkdtempSync(join(tmpdir(), 'qungui-sarif-'));
    const file = join(dir, 'validate.sarif');
    writeFileSync(file, result.stdout);
    execFileSync(join(repoRoot, 'node_modules/.bin/sarif-multitool'), ['validate', file, '--output', join(dir, 'out.sarif')], { stdio: 'pipe' });
    const report = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    const errors = report.runs.flatMap((run: { results?: { level?: string }[] }) => run.results ?? []).filter((r: { level?: string }) => r.level === 'error');
    expect(errors).toEqual([]);
  });

  it('--max-warnings -1 is no limit; --quiet shows errors only; -o writes the report to a file, never over a policy', () => {
    expect(qungui(['validate', warn, '--max-warnings', '-1']).code).toBe(0);
    const quiet = qungui(['validate', warn, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('single-char-term');
    expect(quiet.stdout).toContain('✔ 1 个文件，没有错误');
    // Every boolean option has its --no- form; the last one given wins.
    const loud = qungui(['validate', warn, '--quiet', '--no-quiet']);
    expect(loud.stdout).toContain('single-char-term');
    expect(qungui(['validate', warn, '--no-quiet', '--quiet']).stdout).not.toContain('single-char-term');
    expect(qungui(['validate', warn]).stdout).toContain('single-char-term');
    const dir = mkdtempSync(join(tmpdir(), 'qungui-output-'));
    const file = join(dir, 'reports', 'validate.sarif');
    const written = qungui(['validate', bad, '--format', 'sarif', '-o', file]);
    expect(written.code).toBe(1);
    expect(written.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).runs[0].results[0].ruleId).toBe('band-order');
    const before = readFileSync(bad, 'utf8');
    const refused = qungui(['validate', bad, '-o', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`qungui validate: -o ${bad} 是要检查的群规文件本身，不能用来保存结果\n`);
    expect(readFileSync(bad, 'utf8')).toBe(before);
  });

  it('exit 1 on warnings only over --max-warnings', () => {
    expect(qungui(['validate', warn]).code).toBe(0);
    expect(qungui(['validate', warn, '--max-warnings', '5']).code).toBe(0);
    const over = qungui(['validate', warn, '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('超过上限');
  });

  it('exit 2 on usage and I/O errors', () => {
    expect(qungui(['validate']).code).toBe(2);
    expect(qungui(['validate', 'examples/', '--format', 'xml']).code).toBe(2);
    expect(qungui(['validate', 'examples/', '--locale', 'fr']).code).toBe(2);
    const missing = qungui(['validate', 'no/such/file.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到 no/such/file.yaml');
    expect(qungui(['frobnicate']).code).toBe(2);
  });

  it('a folder of policy tests: exit 2, the tests named and qungui test suggested, in the chosen language', () => {
    const zh = qungui(['validate', 'examples/tests']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      'qungui validate：examples/tests 中没有群规文件（群规文件以 apiVersion: qungui/v1 开头）。\n' +
        '找到 3 个群规测试文件（kind: PolicyTest），请用 qungui test 运行：\n' +
        '  examples/tests/management.test.yaml\n  examples/tests/onboarding.test.yaml\n  examples/tests/skill-sales.test.yaml\n',
    );
    const dir = mkdtempSync(join(tmpdir(), 'qungui-no-policy-'));
    writeFileSync(join(dir, 'ci.yaml'), 'on: push\n');
    const en = qungui(['validate', dir, '--locale', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`no policy file in ${dir} (a policy starts with apiVersion: qungui/v1).\n1 other YAML file is not a policy:\n`);
    expect(en.stderr).toContain('ci.yaml\n');
  });

  it('expands globs and skips YAML that is not a policy in folders', () => {
    const result = qungui(['validate', 'examples/policies/*.qungui.yaml', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).files.map((f: { file: string }) => f.file)).toEqual([
      'examples/policies/management.qungui.yaml',
      'examples/policies/onboarding.qungui.yaml',
      'examples/policies/skill-sales.qungui.yaml',
    ]);
  });

  it('a policy repository that keeps its archive: the archived copies are not validated again', () => {
    const repo = mkdtempSync(join(tmpdir(), 'qungui-validate-archive-'));
    const evaluated = qungui([
      'evaluate',
      '--policy',
      'examples/policies',
      '--data',
      'examples/data/2026-10',
      '--month',
      '2026-10',
      '--out',
      join(repo, 'reports'),
      '--archive',
      join(repo, 'archive'),
    ]);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    for (const file of ['onboarding', 'skill-sales'])
      writeFileSync(join(repo, `${file}.qungui.yaml`), readFileSync(join(repoRoot, `examples/policies/${file}.qungui.yaml`)));
    expect(existsSync(join(repo, 'archive/2026-10/policies/onboarding.qungui.yaml'))).toBe(true);
    const result = qungui(['validate', repo, '--format', 'json']);
    expect(result.code, result.stdout).toBe(0);
    expect(JSON.parse(result.stdout).files.map((f: { file: string }) => f.file.slice(f.file.lastIndexOf('/') + 1))).toEqual([
      'onboarding.qungui.yaml',
      'skill-sales.qungui.yaml',
    ]);
    // Named explicitly, an archived copy is validated like any file.
    expect(qungui(['validate', join(repo, 'archive/2026-10/policies')]).code).toBe(0);
  });
});
