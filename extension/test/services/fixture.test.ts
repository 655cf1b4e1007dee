// The fixture helper itself: every other test here trusts its positions, so they are checked against
// columns counted by hand on Chinese and emoji text (UTF-16 units, not bytes or code points).
import { describe, expect, it } from 'vitest';
import { at, example, fixture, mark, parseMarkers, replaceOnce } from './fixture.js';

describe('marked fixtures', () => {
  it('strips the markers and gives the caret in UTF-16 units after Chinese text', () => {
    // `  name: 2026 届新员工入职培训群`: 8 + 5 + 9 characters, each one UTF-16 unit (27 bytes in UTF-8).
    const f = at('onboarding', '  name: 2026 届新员工入职培训群‸');
    expect(f.text).toBe(example('onboarding'));
    expect(f.position).toEqual({ line: 5, character: 22 });
    expect(f.document.positionAt(f.offset)).toEqual(f.position);
  });

  it('counts an emoji before the caret as two units', () => {
    const text = replaceOnce(example('management'), 'name: 2026 新任经理管理培训群', 'name: 2026 🎓新任经理管理培训群');
    const f = fixture(mark(text, '🎓新任‸'), 'management');
    // `  name: 2026 ` is 13, the emoji 2, `新任` 2.
    expect(f.position).toEqual({ line: 5, character: 17 });
    expect(f.document.offsetAt(f.position)).toBe(f.offset);
  });

  it('gives ranges in the order they open, nested ones included', () => {
    expect(parseMarkers('a⟦b⟦c⟧d⟧⟦e⟧‸f')).toEqual({
      text: 'abcdef',
      caret: 5,
      ranges: [
        [1, 4],
        [2, 3],
        [4, 5],
      ],
    });
    const f = at('skill-sales', '⟦⟦ratings⟧:\n  - { id: ⟦excellent⟧⟧');
    expect(f.ranges).toEqual([
      { start: { line: 12, character: 0 }, end: { line: 13, character: 19 } },
      { start: { line: 12, character: 0 }, end: { line: 12, character: 7 } },
      { start: { line: 13, character: 10 }, end: { line: 13, character: 19 } },
    ]);
  });

  it('refuses a snippet that is missing, repeated or unmarked, and a second caret', () => {
    expect(() => at('onboarding', 'no such ‸text')).toThrow('snippet not found');
    expect(() => at('onboarding', '{ rating: ‸fail }')).toThrow('snippet occurs more than once');
    expect(() => at('onboarding', 'apiVersion')).toThrow('no marker');
    expect(() => parseMarkers('a‸b‸')).toThrow('more than one caret');
    expect(() => parseMarkers('a⟦b')).toThrow('unclosed range');
    expect(() => fixture('apiVersion: qungui/v1', 'onboarding').offset).toThrow('no caret');
  });
});
