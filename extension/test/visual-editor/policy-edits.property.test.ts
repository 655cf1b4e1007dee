// Property: whatever people type into the visual editor — YAML's special characters, Chinese
// punctuation, words that read as numbers or booleans — a sequence of form actions on an example policy
// leaves a text that parses, reads back exactly what was typed, and changes only the lines it must.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { FormAction } from '../../src/visual-editor/form-actions.js';
import { policyEdits } from '../../src/visual-editor/policy-edits.js';
import { applyEdits } from '../../src/visual-editor/text-edit.js';
import { nodeAt } from '../../src/visual-editor/yaml-surgery.js';

const examples = ['onboarding', 'skill-sales', 'management'].map((name) => readFileSync(`examples/policies/${name}.qungui.yaml`, 'utf8'));

/** Words with the characters that change how YAML reads a plain scalar. */
const typed = fc.oneof(
  fc.constantFrom(
    'true',
    'no',
    'null',
    '~',
    '123',
    '0x1F',
    '1e3',
    '- a',
    'a: b',
    'a, b',
    '[x]',
    '{y}',
    '#z',
    'a #b',
    "it's",
    '"q"',
    '&a',
    '*b',
    '!t',
    '%p',
    '@u',
    '`c`',
    '？',
    '：冒号',
    '、',
    '「引」',
    'a\nb',
    'tab\there',
    'bell\u0007',
    'zero\u200bwidth',
    'line\u2028separator',
  ),
  fc.string({ minLength: 1, maxLength: 8, unit: 'binary' }).filter((s) => s.trim() === s && s.length > 0),
);

/** Lists and scalar fields every example has, with the value they hold afterwards. */
type Step = { action: FormAction; path: (string | number)[]; expected: 'appended' | 'set' };
const step: fc.Arbitrary<(value: string) => Step> = fc.constantFrom(
  (value: string): Step => ({ action: { kind: 'addChip', path: ['admins'], value }, path: ['admins'], expected: 'appended' }),
  (value: string): Step => ({
    action: { kind: 'addChip', path: ['content', 'categories', 0, 'terms'], value },
    path: ['content', 'categories', 0, 'terms'],
    expected: 'appended',
  }),
  (value: string): Step => ({
    action: { kind: 'addChip', path: ['membership', 'eligibility', 'departments'], value },
    path: ['membership', 'eligibility', 'departments'],
    expected: 'appended',
  }),
  (value: string): Step => ({ action: { kind: 'setText', path: ['metadata', 'owner'], text: value }, path: ['metadata', 'owner'], expected: 'set' }),
  (value: string): Step => ({ action: { kind: 'setText', path: ['ratings', 0, 'label'], text: value }, path: ['ratings', 0, 'label'], expected: 'set' }),
);

describe('typed values survive the trip through YAML', () => {
  it('every sequence of actions leaves a text that parses and holds exactly what was typed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(fc.tuple(step, typed), { minLength: 1, maxLength: 6 }), (original, steps) => {
        let text = original;
        for (const [make, value] of steps) {
          const { action, path, expected } = make(value);
          const before = text;
          text = applyEdits(text, policyEdits(text, action));
          const doc = parseDocument(text);
          expect(doc.errors).toEqual([]);
          const node = nodeAt(text, path) as unknown as { toJSON(): unknown } | undefined;
          const read = node?.toJSON();
          if (expected === 'appended') expect((read as unknown[]).at(-1)).toBe(value);
          else expect(read).toBe(value);
          // Only the lines of the edit differ: the text before and after it is the same.
          const beforeLines = before.split('\n');
          const afterLines = text.split('\n');
          expect(afterLines.length - beforeLines.length).toBeLessThanOrEqual(1);
          let same = 0;
          while (same < beforeLines.length && beforeLines[same] === afterLines[same]) same++;
          expect(afterLines.slice(same + 1 + afterLines.length - beforeLines.length)).toEqual(beforeLines.slice(same + 1));
        }
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * The shapes people write by hand, each as a key of a small document: lists in flow and block style,
 * `key:` and `key: # comment` (empty), a block scalar, a plain one; an alias; LF or CRLF lines.
 */
const shapes = {
  flow: 'flow: [a, b] # f',
  block: 'block: # b\n  - a\n  # 第二个\n  - b',
  empty: 'empty:',
  emptyWithComment: 'emptyC:   # 填写',
  literal: 'literal: |\n  line one\n  line two',
  folded: 'folded: >-\n  one\n  two',
  plain: 'plain: x # p',
  anchored: 'anchored: &a [p, q]',
  alias: 'alias: *a',
} as const;
type Shape = keyof typeof shapes;
const keyOf = (shape: Shape) => shapes[shape].split(':')[0]!;
const lists: Shape[] = ['flow', 'block', 'empty', 'emptyWithComment'];
const scalars: Shape[] = ['literal', 'folded', 'plain', 'empty', 'emptyWithComment'];

const handAction = fc.oneof(
  fc.tuple(fc.constant('add' as const), fc.constantFrom(...lists, 'alias' as Shape, 'anchored' as Shape), typed),
  fc.tuple(fc.constant('remove' as const), fc.constantFrom<Shape>('flow', 'block', 'anchored', 'alias'), fc.nat(2)),
  fc.tuple(fc.constant('set' as const), fc.constantFrom(...scalars), fc.oneof(typed, fc.constantFrom('多行\n第二行', 'a\n\nb', 'x\n  y'))),
);

describe('hand-written shapes survive the form’s actions', () => {
  it('block lists, removals, `key:` and `key: # c`, block scalars, CRLF, aliases', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(handAction, { minLength: 1, maxLength: 6 }), (crlf, actions) => {
        const eol = crlf ? '\r\n' : '\n';
        let text = `${Object.values(shapes).join('\n')}\n`.replaceAll('\n', eol);
        for (const [kind, shape, arg] of actions) {
          const before = parseDocument(text).toJS() as Record<string, unknown>;
          const key = keyOf(shape);
          const action: FormAction =
            kind === 'add'
              ? { kind: 'addChip', path: [key], value: String(arg) }
              : kind === 'remove'
                ? { kind: 'removeChip', path: [key], index: Number(arg) }
                : { kind: 'setText', path: [key], text: String(arg) };
          let refused = false;
          try {
            text = applyEdits(text, policyEdits(text, action));
          } catch {
            refused = true;
          }
          // Shared values are refused, and only they.
          expect(refused).toBe(shape === 'alias' || shape === 'anchored');
          const doc = parseDocument(text);
          expect(doc.errors).toEqual([]);
          const after = doc.toJS() as Record<string, unknown>;
          // Every other key holds what it held.
          for (const other of Object.keys(before)) if (other !== key) expect(after[other]).toEqual(before[other]);
          if (refused) continue;
          const value = after[key];
          if (kind === 'add' && String(arg).trim()) expect((value as unknown[]).at(-1)).toBe(String(arg).trim());
          if (kind === 'remove') expect(Array.isArray(value)).toBe(true);
          if (kind === 'set' && String(arg).trim()) expect(String(value).replace(/\n$/, '')).toBe(String(arg).trim());
          // No comment is lost or glued to a value; the lines keep the file's line break.
          expect(text.match(/\s# 填写/g)).toHaveLength(1);
          expect(text.match(/\s# f/g)).toHaveLength(1);
          if (crlf) expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
          else expect(text).not.toContain('\r');
        }
      }),
      { numRuns: 300 },
    );
  });
});
