// Quick fixes in process: the engine's fix for a diagnostic under the cursor (the exact edit, the
// diagnostic it answers, the title in either language) and the server's own "declare this id"; each
// applied gives back a policy with no diagnostics.
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Range } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src/server/engine.js';
import { codeActions } from '../../src/server/services/code-actions.js';
import { DOCS_BASE } from '../../src/server/services/convert.js';
import { applyEdits, example, fixture, mark, replaceOnce, type ExampleName, type Fixture } from './fixture.js';

/** An example with one edit made to break it, then marked. */
const broken = (name: ExampleName, snippet: string, replacement: string, ...marked: string[]) =>
  fixture(mark(replaceOnce(example(name), snippet, replacement), ...marked), name);
const fixed = (f: Fixture, action: CodeAction) => applyEdits(f.text, action.edit!.changes![f.uri]!);
const cleanAfter = (f: Fixture, action: CodeAction) => validatePolicy({ file: f.file, text: fixed(f, action) }).diagnostics;
const cursor = (f: Fixture): Range => ({ start: f.position, end: f.position });

describe('quick fixes from the engine', () => {
  // The second 废物 repeats the first: the fix removes it with the separator before it.
  const duplicate = () => broken('onboarding', 'terms: [废物, 蠢货, 白痴', 'terms: [废物, 蠢货, 废物, 白痴', 'terms: [⟦废物⟧, 蠢货⟦, ⟦废‸物⟧⟧, 白痴');

  it('duplicate-term: removes the repeated term; the action carries its diagnostic', () => {
    const f = duplicate();
    const [first, removed, repeated] = f.ranges;
    expect(codeActions(f.uri, f.validated, cursor(f), 'zh-CN')).toEqual([
      {
        title: '删除重复的词语 “废物”',
        kind: CodeActionKind.QuickFix,
        diagnostics: [
          {
            range: repeated,
            severity: DiagnosticSeverity.Warning,
            code: 'duplicate-term',
            source: 'qungui',
            codeDescription: { href: `${DOCS_BASE}duplicate-term.md` },
            message: '词语“废物”归一化后重复（同一类别 insult）',
            relatedInformation: [{ location: { uri: f.uri, range: first }, message: '已在这里列出' }],
            data: { path: 'content.categories[0].terms[2]' },
          },
        ],
        isPreferred: true,
        edit: { changes: { [f.uri]: [{ range: removed, newText: '' }] } },
      },
    ]);
  });

  it('duplicate-term: applied, the example comes back and validates clean; titled in English too', () => {
    const f = duplicate();
    const [action] = codeActions(f.uri, f.validated, cursor(f), 'en');
    expect(action!.title).toBe("Remove the duplicate term '废物'");
    expect(fixed(f, action!)).toBe(example('onboarding'));
    expect(cleanAfter(f, action!)).toEqual([]);
  });

  it('unknown-id (a typo of a category): replaced by the declared id, and no "declare" for a category', () => {
    const f = broken('onboarding', '[insult, ads, rumor]', '[insult, adz, rumor]', '[insult, ⟦a‸dz⟧, rumor]');
    const actions = codeActions(f.uri, f.validated, cursor(f), 'zh-CN');
    expect(actions.map((a) => [a.title, a.isPreferred, a.diagnostics?.map((d) => [d.code, d.range]), a.edit])).toEqual([
      ['改为 “ads”', true, [['unknown-id', f.ranges[0]]], { changes: { [f.uri]: [{ range: f.ranges[0], newText: 'ads' }] } }],
    ]);
    expect(fixed(f, actions[0]!)).toBe(example('onboarding'));
    expect(cleanAfter(f, actions[0]!)).toEqual([]);
  });
});

describe('quick fixes from the server: declare an id used but not declared', () => {
  it("an action: appended to outcomes.actions in the list's flow style", () => {
    const f = broken(
      'onboarding',
      'fail: [retake, coaching]',
      'fail: [retake, coaching, mentoring]',
      'labelEn: Handover and removal }⟦⟧',
      'fail: [retake, coaching, ⟦mentor‸ing⟧]',
    );
    const [end, use] = f.ranges;
    const actions = codeActions(f.uri, f.validated, cursor(f), 'zh-CN');
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred, a.diagnostics?.map((d) => [d.code, d.range]), a.edit])).toEqual([
      [
        '在 outcomes.actions 中声明措施 “mentoring”',
        CodeActionKind.QuickFix,
        undefined,
        [['unknown-id', use]],
        { changes: { [f.uri]: [{ range: end, newText: '\n    - { id: mentoring, label: mentoring }' }] } },
      ],
    ]);
    expect(codeActions(f.uri, f.validated, cursor(f), 'en').map((a) => a.title)).toEqual(["Declare action 'mentoring' in outcomes.actions"]);
    expect(cleanAfter(f, actions[0]!)).toEqual([]);
  });

  it('a rating that is a typo: the replacement first (preferred), then declaring it', () => {
    const f = broken('skill-sales', '    afterConsecutive: 2', '    rating: faill\n    afterConsecutive: 2', 'labelEn: Fail }⟦⟧', '    rating: ⟦fai‸ll⟧');
    const [end, use] = f.ranges;
    expect(codeActions(f.uri, f.validated, cursor(f), 'en').map((a) => [a.title, a.isPreferred, a.edit])).toEqual([
      ["Change to 'fail'", true, { changes: { [f.uri]: [{ range: use, newText: 'fail' }] } }],
      ["Declare rating 'faill' in ratings", undefined, { changes: { [f.uri]: [{ range: end, newText: '\n  - { id: faill, label: faill }' }] } }],
    ]);
  });

  it("a rating, in a list of block mappings: appended as a block mapping at the items' indentation", () => {
    const blockRatings = example('management').replace(/^ {2}- \{ id: (\w+), label: (\S+), labelEn: (\w+) \}$/gm, '  - id: $1\n    label: $2\n    labelEn: $3');
    const f = fixture(
      mark(
        replaceOnce(blockRatings, '      - { rating: fail }\n  overall:', '      - { rating: distinction }\n  overall:'),
        '    labelEn: Fail⟦⟧',
        '      - { rating: ⟦distin‸ction⟧ }\n  overall:',
      ),
      'management',
    );
    const [end, use] = f.ranges;
    const actions = codeActions(f.uri, f.validated, cursor(f), 'zh-CN');
    expect(actions.map((a) => [a.title, a.diagnostics?.map((d) => d.range), a.edit])).toEqual([
      ['在 ratings 中声明评级 “distinction”', [use], { changes: { [f.uri]: [{ range: end, newText: '\n  - id: distinction\n    label: distinction' }] } }],
    ]);
    expect(fixed(f, actions[0]!)).toBe(replaceOnce(f.text, '    labelEn: Fail\n', '    labelEn: Fail\n  - id: distinction\n    label: distinction\n'));
  });
});

describe('no quick fix', () => {
  it('on a policy without diagnostics, over the whole text', () => {
    const f = fixture(example('management'), 'management');
    expect(f.validated.diagnostics).toEqual([]);
    expect(codeActions(f.uri, f.validated, { start: f.positionAt(0), end: f.positionAt(f.text.length) }, 'zh-CN')).toEqual([]);
  });

  it('away from the diagnostic that has one', () => {
    const f = broken('onboarding', '[insult, ads, rumor]', '[insult, adz, rumor]', 'inactive‸Days: 21');
    expect(f.validated.diagnostics.map((d) => d.code)).toEqual(['unknown-id']);
    expect(codeActions(f.uri, f.validated, cursor(f), 'zh-CN')).toEqual([]);
  });
});
