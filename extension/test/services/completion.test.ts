// Completion in process: the keys a mapping does not have yet, enum and boolean values, declared
// ids where an id goes (in a flow list, as a value, as a key of a rating-keyed map), the word-range
// each item replaces, and the band-table snippet built from the policy's own ratings.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { complete } from '../../src/server/services/completion.js';
import type { Locale } from '../../src/server/services/convert.js';
import { at, example, fixture, mark, replaceOnce, type Fixture } from './fixture.js';

const completeAt = (f: Fixture, locale: Locale = 'zh-CN') => complete(f.text, f.offset, f.validated, locale, f.positionAt);
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
/** An empty range at the caret: what an item typed on a blank line replaces. */
const atCaret = (f: Fixture) => ({ start: f.position, end: f.position });

describe('completion of keys', () => {
  it('offers only the keys a block mapping lacks, a list or map key opening a block', () => {
    // management's publishing has updateIntervalDays and noticeHours only.
    const f = fixture(mark(replaceOnce(example('management'), 'publishing:\n', 'publishing:\n  \n'), 'publishing:\n  ‸'), 'management');
    expect(completeAt(f).map((i) => [i.label, i.kind, i.detail, i.textEdit])).toEqual([
      ['publishers', CompletionItemKind.Property, '发布人', { range: atCaret(f), newText: 'publishers:\n  ' }],
      ['materialTypes', CompletionItemKind.Property, '资料类型', { range: atCaret(f), newText: 'materialTypes:\n  ' }],
    ]);
  });

  it('a scalar key is inserted with its colon and a space', () => {
    // management's activities has sessionNoticeHours and gradingDays only.
    const f = fixture(mark(replaceOnce(example('management'), 'activities:\n', 'activities:\n  \n'), 'activities:\n  ‸'), 'management');
    expect(completeAt(f, 'en').map((i) => [i.label, i.insertText])).toEqual([
      ['requireSupport', 'requireSupport: '],
      ['minAttendanceMinutes', 'minAttendanceMinutes: '],
      ['lateGraceHours', 'lateGraceHours: '],
    ]);
  });

  it('at the top level of a full policy: the one section left, and no new-policy skeleton', () => {
    const f = fixture(mark(`${example('management')}\n`, '    action: reassign\n\n‸'), 'management');
    expect(labels(completeAt(f))).toEqual(['document']);
  });

  it('rating ids as the keys of outcomes.points, leaving out those already given', () => {
    const f = fixture(mark(replaceOnce(example('onboarding'), '    good: 2\n    pass: 0\n', '    \n'), '    excellent: 5\n    ‸'), 'onboarding');
    expect(completeAt(f).map((i) => [i.label, i.kind, i.insertText])).toEqual([
      ['good', CompletionItemKind.Reference, 'good: '],
      ['pass', CompletionItemKind.Reference, 'pass: '],
    ]);
  });
});

describe('completion of values', () => {
  it('enum values, replacing the part of the word before the caret', () => {
    const f = at('onboarding', '      clause: N1\n      severity: ⟦err‸⟧or');
    expect(completeAt(f).map((i) => [i.label, i.kind, i.textEdit])).toEqual(
      ['error', 'warning', 'info'].map((value) => [value, CompletionItemKind.EnumMember, { range: f.ranges[0], newText: value }]),
    );
  });

  it('enum values of a list item in a flow list', () => {
    const f = at('onboarding', 'materialTypes: [file, ‸link]');
    expect(labels(completeAt(f))).toEqual(['file', 'link', 'video']);
  });

  it('the metadata kind: its own enum, not the document kind', () => {
    const f = at('skill-sales', '  kind: ‸skill');
    expect(labels(completeAt(f))).toEqual(['new-employee', 'skill', 'management', 'other']);
  });

  it('true and false for a boolean', () => {
    const f = at('skill-sales', '  exit:\n    requireApproval: ‸true');
    expect(completeAt(f).map((i) => [i.label, i.kind])).toEqual([
      ['true', CompletionItemKind.Value],
      ['false', CompletionItemKind.Value],
    ]);
  });
});

describe('completion of ids', () => {
  it('category ids in countCategories, in declaration order, named as categories in either language', () => {
    const f = fixture(
      mark(replaceOnce(example('skill-sales'), '    inactiveDays: 30\n', '    inactiveDays: 30\n    countCategories: []\n'), 'countCategories: [‸]'),
      'skill-sales',
    );
    const ids = ['insult', 'ads', 'customer-data', 'strategy'];
    expect(completeAt(f).map((i) => [i.label, i.kind, i.detail])).toEqual(ids.map((id) => [id, CompletionItemKind.Reference, '内容类别']));
    expect(completeAt(f, 'en').map((i) => i.detail)).toEqual(ids.map(() => 'category'));
  });

  it("rating ids as a band's rating, in a flow mapping", () => {
    const f = at('management', '      - { rating: pass, min: { contentMessages: 5 } }\n      - { rating: ‸fail }');
    expect(completeAt(f).map((i) => [i.label, i.detail])).toEqual([
      ['excellent', '评级'],
      ['pass', '评级'],
      ['fail', '评级'],
    ]);
  });

  it('action ids as a value; a half-typed id with a dash is replaced whole', () => {
    const f = at('skill-sales', 'excellent: [⟦promotion-p‸⟧ool]');
    const items = completeAt(f, 'en');
    expect(items.map((i) => [i.label, i.detail])).toEqual(['promotion-pool', 'retake', 'coaching', 'reassign', 'handover'].map((id) => [id, 'action']));
    expect(items[0]!.textEdit).toEqual({ range: f.ranges[0], newText: 'promotion-pool' });
  });
});

describe('snippets', () => {
  it("a band table under an assessment dimension, from the policy's own ratings", () => {
    const f = fixture(
      mark(replaceOnce(example('management'), '    metric: completeness\n', '    metric: completeness\n    \n'), 'metric: completeness\n    ‸'),
      'management',
    );
    const snippets = completeAt(f).filter((i) => i.kind === CompletionItemKind.Snippet);
    // management rates excellent, pass, fail: two thresholds and the catch-all.
    expect(snippets.map((i) => [i.label, i.insertTextFormat, i.insertText])).toEqual([
      [
        '档位表（bands）',
        InsertTextFormat.Snippet,
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an LSP snippet's ${n:default} placeholders.
        'bands:\n  - { rating: excellent, min: ${1:90} }\n  - { rating: pass, min: ${2:80} }\n  - { rating: fail }',
      ],
    ]);
    expect(
      completeAt(f, 'en')
        .filter((i) => i.kind === CompletionItemKind.Snippet)
        .map((i) => i.label),
    ).toEqual(['band table (bands)']);
  });
});
