// The schema is the single source of truth: every property documented in both languages with its
// clauses, every policy/engine clause covered, and it compiles under ajv strict mode.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { policySchema, resolveRef, type SchemaNode } from '../../src/policy/schema.js';
import { clauses } from '../../src/policy/clauses.js';

function walk(node: SchemaNode, path: string, visit: (node: SchemaNode, path: string) => void) {
  const resolved = resolveRef(node);
  for (const [key, child] of Object.entries(resolved.properties ?? {})) {
    visit(child, `${path}.${key}`);
    walk(child, `${path}.${key}`, visit);
  }
  if (resolved.items) walk(resolved.items, `${path}[]`, visit);
  for (const alt of resolved.anyOf ?? []) walk(alt, path, visit);
  if (resolved.additionalProperties && typeof resolved.additionalProperties === 'object') walk(resolved.additionalProperties, `${path}.*`, visit);
}

describe('policy.schema.json', () => {
  it('compiles under ajv strict mode with its custom keywords declared', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    for (const keyword of ['x-i18n', 'x-clauses', 'x-metrics', 'x-ref-kind', 'x-main-metric', 'x-enum-labels', 'x-threshold-unit']) ajv.addKeyword(keyword);
    expect(() => ajv.compile(policySchema)).not.toThrow();
  });

  it('documents every property in English and Chinese, with its clause ids', () => {
    const missing: string[] = [];
    walk(policySchema, '', (node, path) => {
      if (typeof node.description !== 'string' || node.description.length < 5) missing.push(`${path}: description`);
      const zh = node['x-i18n']?.['zh-CN'];
      if (!zh?.title || !zh.description) missing.push(`${path}: x-i18n zh-CN`);
      if (!Array.isArray(node['x-clauses'])) missing.push(`${path}: x-clauses`);
    });
    expect(missing).toEqual([]);
  });

  it('gives every clause marked policy or engine at least one field', () => {
    const implemented = new Set<string>();
    walk(policySchema, '', (node) => {
      for (const id of node['x-clauses'] ?? []) implemented.add(id);
    });
    const needed = clauses.filter((c) => c.kinds.includes('policy') || c.kinds.includes('engine')).map((c) => c.id);
    expect(needed.filter((id) => !implemented.has(id))).toEqual([]);
    const known = new Set(clauses.map((c) => c.id));
    expect([...implemented].filter((id) => !known.has(id))).toEqual([]);
  });

  const seed = fileURLToPath(new URL('../../../../shared/seed/CLAUSES.md', import.meta.url));
  it.skipIf(!existsSync(seed) && process.env.QUNGUI_E2E !== '1')('clause ids and kinds match ../shared/seed/CLAUSES.md', () => {
    const rows = readFileSync(seed, 'utf8')
      .split('\n')
      .filter((line) => /^\| [A-Z]\d+ \|/.test(line));
    const fromSeed = rows.map((row) => {
      const cells = row.split('|').map((s) => s.trim());
      const platform = cells[3]!;
      const kinds = (['policy', 'engine', 'doc'] as const).filter(
        (k) => new RegExp(`(^|[^a-z])${k}([^a-z]|$)`).test(platform) && !(k === 'engine' && /\(engine counts/.test(platform)),
      );
      return { id: cells[1]!, kinds: platform.startsWith('same') ? ['policy', 'engine'] : kinds };
    });
    expect(clauses.map((c) => ({ id: c.id, kinds: c.kinds }))).toEqual(fromSeed);
  });
  if (!existsSync(seed)) console.log('notice: ../shared/seed/CLAUSES.md not found; clause list not compared with the seed');
});
