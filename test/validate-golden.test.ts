// Golden tests (issue 2): each invalid fixture states, in its first line, exactly the diagnostics it
// must give — `# expect: code line:col, code line:col` (1-based) — and gets exactly those, no more.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatePolicies } from '../engine/src/policy/validate.js';
import { allDiagnosticCodes } from '../engine/src/policy/rules/index.js';

const dir = fileURLToPath(new URL('./fixtures/invalid/', import.meta.url));

function expected(text: string): string[] {
  const line = text.split('\n')[0] ?? '';
  const match = /^# expect: (.*)$/.exec(line);
  if (!match) throw new Error('fixture lacks its "# expect:" line');
  return match[1]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function actual(files: { file: string; text: string }[]) {
  return validatePolicies(files).map((v) => v.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`));
}

const singles = readdirSync(dir)
  .filter((f) => f.endsWith('.qungui.yaml'))
  .sort();
const crossFiles = readdirSync(`${dir}cross-file`)
  .filter((f) => f.endsWith('.qungui.yaml'))
  .sort();
const covered = new Set<string>();

describe('invalid fixtures give exactly their expected diagnostics', () => {
  for (const name of singles) {
    it(name, () => {
      const text = readFileSync(dir + name, 'utf8');
      const [got] = actual([{ file: name, text }]);
      expect(got).toEqual(expected(text));
      for (const entry of got!) covered.add(entry.split(' ')[0]!);
    });
  }

  it('cross-file: a room governed twice and a shared policy id are errors on both files', () => {
    const files = crossFiles.map((name) => ({ file: `cross-file/${name}`, text: readFileSync(`${dir}cross-file/${name}`, 'utf8') }));
    const got = actual(files);
    for (const [i, f] of files.entries()) expect(got[i]).toEqual(expected(f.text));
    for (const entry of got.flat()) covered.add(entry.split(' ')[0]!);
  });

  it('every diagnostic code has a fixture (file-too-large and binary-file are generated in load.test.ts)', () => {
    const generated = new Set(['file-too-large', 'binary-file']);
    expect(allDiagnosticCodes.filter((code) => !covered.has(code) && !generated.has(code))).toEqual([]);
  });
});
