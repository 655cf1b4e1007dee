// Property test (issue 2, "Bad input"): mutate the example policies — drop, swap, retype, duplicate
// nodes, splice random bytes — and require that validation never throws and every range lies inside
// the document.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src/policy/validate.js';

const dir = fileURLToPath(new URL('../../../examples/policies/', import.meta.url));
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.qungui.yaml'))
  .map((f) => readFileSync(dir + f, 'utf8'));

function assertSane(text: string) {
  const result = validatePolicy({ file: 'fuzz.qungui.yaml', text });
  const lines = text.split('\n');
  for (const d of result.diagnostics) {
    expect(d.range.startOffset).toBeGreaterThanOrEqual(0);
    expect(d.range.endOffset).toBeLessThanOrEqual(text.length);
    expect(d.range.startOffset).toBeLessThanOrEqual(d.range.endOffset);
    expect(d.range.start.line).toBeLessThan(Math.max(1, lines.length));
    expect(d.range.end.line).toBeLessThan(Math.max(1, lines.length));
    expect(d.message['zh-CN'].length).toBeGreaterThan(0);
    expect(d.message.en.length).toBeGreaterThan(0);
  }
}

/** Line-level mutations keep YAML mostly parseable, so deep rules get exercised too. */
const lineMutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('retype' as const),
    at: fc.nat(),
    value: fc.constantFrom('[]', '{}', '-1', '0', 'true', '"文字"', '~', '1e999', '[1, [2]]', '*a', '&a x'),
  }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), bytes: fc.string({ unit: 'binary', maxLength: 12 }) }),
);

function mutate(text: string, mutations: unknown[]): string {
  const lines = text.split('\n');
  for (const m of mutations as { kind: string; at: number; with?: number; value?: string; bytes?: string }[]) {
    if (lines.length === 0) break;
    const i = m.at % lines.length;
    switch (m.kind) {
      case 'drop':
        lines.splice(i, 1);
        break;
      case 'swap': {
        const j = (m.with ?? 0) % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        break;
      }
      case 'duplicate':
        lines.splice(i, 0, lines[i]!);
        break;
      case 'retype':
        lines[i] = lines[i]!.replace(/:\s.*$/, `: ${m.value}`);
        break;
      case 'splice': {
        const line = lines[i]!;
        const at = m.at % (line.length + 1);
        lines[i] = line.slice(0, at) + m.bytes + line.slice(at);
        break;
      }
    }
  }
  return lines.join('\n');
}

// Hundreds of validations per property.
describe('validator on mutated example policies', { timeout: 60_000 }, () => {
  it('never throws and keeps every range inside the document', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(lineMutation, { minLength: 1, maxLength: 6 }), (text, mutations) => {
        assertSane(mutate(text, mutations));
      }),
      { numRuns: 400 },
    );
  });

  it('survives arbitrary unicode and raw garbage', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => assertSane(text)),
      { numRuns: 300 },
    );
  });
});
