// `qungui test`: runs PolicyTest files. Each case evaluates its policy on its own small bundle (a folder,
// or inline rows written to a temporary folder and read by the same bundle reader as the monthly job),
// then compares what the case states. Coverage counts which bands, categories, terms and finding
// codes the cases exercised.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import policyTestSchema from '../../../schemas/policy-test.schema.json' with { type: 'json' };
import { openBundle } from '../data/index.js';
import { evaluate } from '../evaluate/index.js';
import type { EvaluationResult } from '../evaluate/result-types.js';
import { loadPolicyText } from '../policy/load.js';
import { validatePolicy, type ValidatedPolicy } from '../policy/validate.js';
import { compareCase, type CaseExpectation, type Failure } from './compare.js';
import { CoverageTracker, type CoverageReport } from './coverage.js';
import { CelBudgetError } from '../evaluate/cel-budget.js';
import { timezoneOf } from '../policy/model/defaults.js';
import { localized } from '../i18n/localized-text.js';

export interface CaseResult {
  file: string;
  policy: string;
  name: string;
  passed: boolean;
  failures: Failure[];
}

export interface TestRun {
  cases: CaseResult[];
  coverage: CoverageReport;
  passed: number;
  failed: number;
}

interface TestFile {
  policy: string;
  cases: { name: string; month: string; data?: string; tables?: Record<string, Record<string, unknown>[]>; expect: CaseExpectation }[];
}

type ShapeCheck = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
let validateTestFile: ShapeCheck | undefined;

function checkShape(value: unknown): string | undefined {
  if (!validateTestFile) {
    const ajv = new Ajv({ allErrors: false, strict: false });
    for (const keyword of ['x-i18n']) ajv.addKeyword(keyword);
    validateTestFile = ajv.compile(policyTestSchema) as unknown as ShapeCheck;
  }
  if (validateTestFile(value)) return undefined;
  const error = validateTestFile.errors?.[0];
  return `${error?.instancePath || '/'} ${error?.message ?? 'invalid'}`;
}

export async function runPolicyTests(files: readonly { absolute: string; display: string }[]): Promise<TestRun> {
  const cases: CaseResult[] = [];
  const coverage = new CoverageTracker();
  for (const file of files) {
    const text = await readFile(file.absolute, 'utf8');
    const loaded = loadPolicyText(file.display, text);
    const broken = (why: Failure) => cases.push({ file: file.display, policy: '', name: '(file)', passed: false, failures: [why] });
    if (loaded.value === undefined) {
      const d = loaded.diagnostics[0];
      broken(localized('无法读取测试文件：{reason}', 'cannot read the test file: {reason}', { reason: d?.message ?? '' }));
      continue;
    }
    const shapeError = checkShape(loaded.value);
    if (shapeError) {
      broken(localized('测试文件格式不对：{shapeError}', 'malformed test file: {shapeError}', { shapeError }));
      continue;
    }
    const test = loaded.value as TestFile;
    const policyPath = resolve(dirname(file.absolute), test.policy);
    let validated: ValidatedPolicy;
    try {
      validated = validatePolicy({ file: test.policy, text: await readFile(policyPath, 'utf8') });
    } catch (error) {
      broken(
        localized('无法读取群规 {policy}：{message}', 'cannot read policy {policy}: {message}', { policy: test.policy, message: (error as Error).message }),
      );
      continue;
    }
    const errors = validated.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      broken(
        localized('群规 {policy} 有 {length} 个错误（先运行 qungui validate）', 'policy {policy} has {length} errors (run qungui validate first)', {
          policy: test.policy,
          length: errors.length,
        }),
      );
      continue;
    }
    coverage.addPolicy(validated);
    for (const testCase of test.cases) {
      let result: EvaluationResult;
      try {
        result = await evaluateCase(validated, testCase, dirname(file.absolute));
      } catch (error) {
        // A condition past its step budget says where it is and what to do, in both languages.
        const failure =
          error instanceof CelBudgetError ? error.describe() : localized('运行失败：{message}', 'run failed: {message}', { message: (error as Error).message });
        cases.push({ file: file.display, policy: test.policy, name: testCase.name, passed: false, failures: [failure] });
        continue;
      }
      coverage.addResult(validated, result);
      const failures = compareCase(result, testCase.expect);
      cases.push({ file: file.display, policy: test.policy, name: testCase.name, passed: failures.length === 0, failures });
    }
  }
  const passed = cases.filter((c) => c.passed).length;
  return { cases, coverage: coverage.report(), passed, failed: cases.length - passed };
}

async function evaluateCase(validated: ValidatedPolicy, testCase: TestFile['cases'][number], base: string): Promise<EvaluationResult> {
  const timezone = timezoneOf(validated.value);
  let dir = testCase.data !== undefined ? resolve(base, testCase.data) : undefined;
  let temporary: string | undefined;
  if (dir === undefined) {
    temporary = await mkdtemp(join(tmpdir(), 'qungui-test-'));
    for (const [table, rows] of Object.entries(testCase.tables ?? {})) {
      await writeFile(join(temporary, `${table}.jsonl`), rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length ? '\n' : ''));
    }
    dir = temporary;
  }
  try {
    const bundle = await openBundle(dir, { timezone, month: testCase.month });
    return await evaluate({ policies: [validated], bundle, month: testCase.month });
  } finally {
    if (temporary) await rm(temporary, { recursive: true, force: true });
  }
}
