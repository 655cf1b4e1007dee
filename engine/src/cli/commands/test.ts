// `qungui test PATH… [--format text|json|junit] [--coverage] [--threshold N]`: runs PolicyTest files
// (kind: PolicyTest). Exit 0 all passed (and coverage ≥ threshold), 1 any failure, 2 usage.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { runPolicyTests, type TestRun } from '../../policy-test/run-tests.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, helpIn, parseLocale, type CliIo } from '../io.js';
import { say } from '../../i18n/localized-text.js';
import { badChoice } from '../usage-errors.js';
import type { Locale } from '../../diagnostics/diagnostic.js';
import { localized } from '../../i18n/localized-text.js';

const help = `用法 / usage: qungui test PATH… [--format text|json|junit] [--coverage] [--threshold N] [--locale zh-CN|zh-TW|en]
  运行群规测试文件（kind: PolicyTest）/ run policy test files
`;

const isTestText = (text: string) => /^apiVersion:\s*["']?qungui\/v1/m.test(text) && /^kind:\s*["']?PolicyTest/m.test(text);

async function collect(paths: string[], cwd: string): Promise<{ absolute: string; display: string }[]> {
  const out: string[] = [];
  const walk = async (path: string, explicit: boolean) => {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(localized('找不到 {path}', '{path}: not found', { path: relative(cwd, path) }));
    if (info.isDirectory()) {
      for (const entry of (await readdir(path)).sort()) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        await walk(join(path, entry), false);
      }
    } else if (explicit || (/\.ya?ml$/.test(path) && isTestText(await readFile(path, 'utf8')))) {
      out.push(path);
    }
  };
  for (const p of paths) await walk(resolve(cwd, p), true);
  return [...new Set(out)].sort().map((absolute) => ({ absolute, display: relative(cwd, absolute).split(sep).join('/') }));
}

function xml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

function formatText(run: TestRun, locale: Locale, coverage: boolean): string {
  const rows = run.cases.map((c, i) => [String(i + 1), c.file, c.name, c.passed ? say(locale, '通过', 'Pass') : say(locale, '失败', 'Fail')]);
  const head = [say(locale, '序号', 'ID'), say(locale, '测试文件', 'TEST FILE'), say(locale, '用例', 'CASE'), say(locale, '结果', 'RESULT')];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => `│ ${cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' │ ')} │`;
  const out = [line(head), `├${widths.map((w) => '─'.repeat(w + 2)).join('┼')}┤`, ...rows.map(line)];
  for (const c of run.cases.filter((x) => !x.passed)) {
    out.push('', `✖ ${c.file} › ${c.name}`);
    for (const f of c.failures) out.push(`    ${f[locale]}`);
  }
  out.push('', say(locale, '{passed} 个通过，{failed} 个失败', '{passed} passed, {failed} failed', { passed: run.passed, failed: run.failed }));
  if (coverage) {
    const k = run.coverage.byKind;
    out.push(
      say(
        locale,
        '覆盖率 {percent}%（档位 {covered}/{total}，类别 {covered2}/{total2}，词语 {covered3}/{total3}，规则 {covered4}/{total4}）',
        'coverage {percent}% (bands {covered}/{total}, categories {covered2}/{total2}, terms {covered3}/{total3}, rules {covered4}/{total4})',
        {
          percent: run.coverage.percent,
          covered: k.band.covered,
          total: k.band.total,
          covered2: k.category.covered,
          total2: k.category.total,
          covered3: k.term.covered,
          total3: k.term.total,
          covered4: k.rule.covered,
          total4: k.rule.total,
        },
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

/** Terminal columns: CJK characters take two. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    // Every boolean option has its --no- form (--no-strict, --no-quiet, --no-redact).
    allowNegative: true,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      coverage: { type: 'boolean' },
      threshold: { type: 'string' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(helpIn(help, parseLocale(values.locale, io.env)));
    return EXIT_OK;
  }
  const locale = parseLocale(values.locale, io.env);
  if (!['text', 'json', 'junit'].includes(values.format!)) throw new UsageError(badChoice('--format', ['text', 'json', 'junit'], values.format!, locale));
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 100))
    throw new UsageError(
      say(locale, '--threshold 应为 0 到 100 之间的数，这里是 {threshold}', '--threshold: expected 0–100, got {threshold}', {
        threshold: String(values.threshold),
      }),
    );
  if (positionals.length === 0) throw new UsageError(`${say(locale, '请给出测试文件或文件夹', 'give at least one PATH')}\n\n${help}`);
  const files = await collect(positionals, io.cwd);
  if (files.length === 0) {
    io.stderr(say(locale, 'qungui test：没有找到测试文件（kind: PolicyTest）\n', 'qungui test: no test files found (kind: PolicyTest)\n'));
    return EXIT_USAGE;
  }
  const result = await runPolicyTests(files);
  const wantCoverage = Boolean(values.coverage) || threshold !== undefined;
  if (values.format === 'json') {
    io.stdout(
      `${JSON.stringify({ cases: result.cases, passed: result.passed, failed: result.failed, ...(wantCoverage ? { coverage: result.coverage } : {}) }, null, 2)}\n`,
    );
  } else if (values.format === 'junit') {
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="qungui test" tests="${result.cases.length}" failures="${result.failed}">`];
    for (const file of [...new Set(result.cases.map((c) => c.file))]) {
      const cases = result.cases.filter((c) => c.file === file);
      lines.push(`  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${cases.filter((c) => !c.passed).length}">`);
      for (const c of cases) {
        lines.push(`    <testcase classname="${xml(file)}" name="${xml(c.name)}"${c.passed ? ' />' : '>'}`);
        if (!c.passed)
          lines.push(
            `      <failure message="${xml(c.failures[0]?.[locale] ?? '')}">${xml(c.failures.map((f) => f[locale]).join('\n'))}</failure>`,
            '    </testcase>',
          );
      }
      lines.push('  </testsuite>');
    }
    lines.push('</testsuites>');
    io.stdout(`${lines.join('\n')}\n`);
  } else {
    io.stdout(formatText(result, locale, wantCoverage));
  }
  if (result.failed > 0) return EXIT_FINDINGS;
  if (threshold !== undefined && result.coverage.percent < threshold) {
    io.stderr(
      say(locale, '覆盖率 {percent}% 低于 --threshold {threshold}\n', 'coverage {percent}% is below --threshold {threshold}\n', {
        percent: result.coverage.percent,
        threshold,
      }),
    );
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
