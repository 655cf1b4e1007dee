// Every finding code the engine can report is named by some test (the rules' tests run on hand-made
// data): a rule added without a test fails here, naming it. Presence only: what is asserted is up to
// the rule's test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evalRules } from '../../src/evaluate/rules/index.js';

const testRoot = fileURLToPath(new URL('..', import.meta.url));
const self = fileURLToPath(import.meta.url);

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return path.endsWith('.test.ts') && path !== self && !path.endsWith('finding-docs.test.ts') ? [path] : [];
  });
}

describe('finding codes', () => {
  it('each is named in a test outside its docs (flagged, findingsOf, an expected code)', () => {
    const text = testFiles(testRoot)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const untested = evalRules.map((rule) => rule.code).filter((code) => !text.includes(`'${code}'`));
    expect(untested).toEqual([]);
    expect(evalRules.length).toBeGreaterThan(30);
  });
});
