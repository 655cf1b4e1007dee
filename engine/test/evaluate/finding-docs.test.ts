// Every finding code has docs/findings/<code>.md, generated from the rule and current; every engine
// clause of the catalogue has at least one rule; codes are unique.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { clauses } from '../../src/policy/clauses.js';
import { renderFindingDoc } from '../../src/evaluate/finding-docs.js';
import { evalRules } from '../../src/evaluate/rules/index.js';

const dir = new URL('../../../docs/findings/', import.meta.url);

describe('finding docs', () => {
  test('codes are unique and every engine clause has a rule', () => {
    const codes = evalRules.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const engineClauses = clauses.filter((c) => c.kinds.includes('engine')).map((c) => c.id);
    const covered = new Set(evalRules.map((r) => r.clause));
    expect(engineClauses.filter((id) => !covered.has(id))).toEqual([]);
  });

  test('docs/findings/<code>.md is current for every rule, and there is no stale page', () => {
    if (process.env.QUNGUI_UPDATE_DOCS === '1') {
      mkdirSync(dir, { recursive: true });
      for (const rule of evalRules) writeFileSync(new URL(`${rule.code}.md`, dir), renderFindingDoc(rule));
    }
    for (const rule of evalRules) {
      const file = new URL(`${rule.code}.md`, dir);
      expect(existsSync(file), `${rule.code}.md`).toBe(true);
      expect(readFileSync(file, 'utf8'), rule.code).toBe(renderFindingDoc(rule));
    }
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(pages).toEqual(evalRules.map((r) => r.code).sort());
  });
});
