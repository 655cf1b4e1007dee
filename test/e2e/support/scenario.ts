// The one editing story both real editors act out on the same example policy, with every expected
// value computed by the engine (`validatePolicy`, the code behind `qungui validate`), so the
// editors are held to exactly what the CLI says:
//   1. give the catch-all band of the tests table a threshold → `missing-catch-all` error;
//   2. its quick fix adds a new catch-all band → no errors;
//   3. retype a rating id from its first letters and complete it;
//   4. misspell that rating id → `unknown-id` error whose quick fix puts the declared id back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The engine's source (not its build), like the engine's own tests: no stale dist can mislead us.
import { validatePolicy, type Diagnostic } from '../../../engine/src/index.js';
import { repoRoot } from './paths.js';

export const examplesDir = join(repoRoot, 'examples');
export const scenarioRelativePath = 'policies/onboarding.qungui.yaml';
export const scenarioFileName = 'onboarding.qungui.yaml';

/** 0-based line and UTF-16 character, as LSP and Monaco's Go to Line count them (+1 there). */
export interface TextPosition {
  line: number;
  character: number;
}

export interface Scenario {
  original: string;
  breakAt: TextPosition;
  breakText: string;
  broken: string;
  /** The one error the broken text has, as the engine reports it. */
  error: Diagnostic;
  fixed: string;
  /** Where the rating id `completeWord` starts; the editors retype `completePrefix` there. */
  completeAt: TextPosition;
  completeWord: string;
  completePrefix: string;
  /** `completeWord` misspelled in place, and the one error that gives (fix: the declared id). */
  typo: string;
  typoError: Diagnostic;
}

export function buildScenario(): Scenario {
  const original = readFileSync(join(examplesDir, scenarioRelativePath), 'utf8');
  const lines = original.split('\n');
  const testsLine = lines.indexOf('  tests:');
  const catchAllLine = lines.findIndex((line, i) => i > testsLine && line.trim() === '- { rating: fail }');
  const goodLine = lines.findIndex((line, i) => i > testsLine && line.includes('- { rating: good, min: 80 }'));
  if (testsLine < 0 || catchAllLine < 0 || goodLine < 0) throw new Error(`${scenarioRelativePath} no longer has the tests band table this scenario edits`);

  const breakAt = { line: catchAllLine, character: lines[catchAllLine]!.indexOf(' }') };
  const breakText = ', min: 40';
  const broken = insertAt(original, breakAt, breakText);

  if (validatePolicy({ file: scenarioRelativePath, text: original }).diagnostics.length !== 0) {
    throw new Error(`${scenarioRelativePath} is expected to be clean before the edit`);
  }
  const errors = validatePolicy({ file: scenarioRelativePath, text: broken }).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length !== 1 || errors[0]!.code !== 'missing-catch-all' || !errors[0]!.fix) {
    throw new Error(`expected exactly one missing-catch-all error with a fix, got ${JSON.stringify(errors.map((d) => d.code))}`);
  }
  const error = errors[0]!;
  const fixed = applyEdits(broken, error.fix!.edits);
  const remaining = validatePolicy({ file: scenarioRelativePath, text: fixed }).diagnostics.filter((d) => d.severity === 'error');
  if (remaining.length !== 0) throw new Error(`the quick fix leaves errors: ${JSON.stringify(remaining.map((d) => d.code))}`);

  const completeAt = { line: goodLine, character: lines[goodLine]!.indexOf('good') };
  const typo = 'goood';
  const misspelled = insertAt(
    fixed
      .split('\n')
      .map((line, i) => (i === goodLine ? line.replace('good', '') : line))
      .join('\n'),
    completeAt,
    typo,
  );
  const typoErrors = validatePolicy({ file: scenarioRelativePath, text: misspelled }).diagnostics.filter((d) => d.severity === 'error');
  if (typoErrors.length !== 1 || typoErrors[0]!.code !== 'unknown-id' || applyEdits(misspelled, typoErrors[0]!.fix?.edits ?? []) !== fixed) {
    throw new Error(`expected one unknown-id error whose fix restores 'good', got ${JSON.stringify(typoErrors.map((d) => d.code))}`);
  }

  return {
    original,
    breakAt,
    breakText,
    broken,
    error,
    fixed,
    completeAt,
    completeWord: 'good',
    completePrefix: 'go',
    typo,
    typoError: typoErrors[0]!,
  };
}

function insertAt(text: string, at: TextPosition, inserted: string): string {
  const lines = text.split('\n');
  const line = lines[at.line]!;
  lines[at.line] = line.slice(0, at.character) + inserted + line.slice(at.character);
  return lines.join('\n');
}

function applyEdits(text: string, edits: readonly { range: { startOffset: number; endOffset: number }; newText: string }[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.range.startOffset - a.range.startOffset)) {
    result = result.slice(0, edit.range.startOffset) + edit.newText + result.slice(edit.range.endOffset);
  }
  return result;
}
