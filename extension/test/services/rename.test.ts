// Rename in process: prepareRename's range and placeholder, one edit per declaration and use (the
// renamed policy still validates clean), and a new name that is not an id refused in the user's language.
import { ResponseError, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src/server/engine.js';
import { prepareRename, rename } from '../../src/server/services/rename.js';
import { applyEdits, at, example } from './fixture.js';

const inDocumentOrder = (edits: TextEdit[]) =>
  [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

/** management's rating `pass`: declared, two bands, points. */
const pass = () =>
  at(
    'management',
    '  - { id: ⟦pass⟧, label: 合格',
    '      - { rating: ⟦pa‸ss⟧, min: { completeness: 70 } }',
    '      - { rating: ⟦pass⟧, min: { contentMessages: 5 } }',
    '    ⟦pass⟧: 0',
  );

describe('prepare rename', () => {
  it('on an id: its range and the id as placeholder', () => {
    const f = pass();
    expect(prepareRename(f.validated, f.offset)).toEqual({ range: f.ranges[1], placeholder: 'pass' });
  });

  it('on a key or a label: nothing to rename', () => {
    for (const f of [at('management', 'grading‸Days: 7'), at('management', 'label: 导师‸辅导')]) expect(prepareRename(f.validated, f.offset)).toBeNull();
  });
});

describe('rename', () => {
  it('a rating: the declaration, both bands and the points key, and the result validates clean', () => {
    const f = pass();
    const edit = rename(f.uri, f.validated, f.offset, 'adequate', 'zh-CN') as WorkspaceEdit;
    expect(Object.keys(edit.changes!)).toEqual([f.uri]);
    expect(inDocumentOrder(edit.changes![f.uri]!)).toEqual(f.ranges.map((range) => ({ range, newText: 'adequate' })));
    const renamed = applyEdits(f.text, edit.changes![f.uri]!);
    expect(renamed).toBe(
      example('management')
        .replace('{ id: pass,', '{ id: adequate,')
        .replace('{ rating: pass, min: { completeness', '{ rating: adequate, min: { completeness')
        .replace('{ rating: pass, min: { contentMessages', '{ rating: adequate, min: { contentMessages')
        .replace('    pass: 0', '    adequate: 0'),
    );
    expect(validatePolicy({ file: f.file, text: renamed }).diagnostics).toEqual([]);
  });

  it('an action, from its declaration: its use in followUp follows', () => {
    const f = at('onboarding', '    - { id: ⟦coa‸ching⟧, label: 一对一辅导', 'fail: [retake, ⟦coaching⟧]');
    const edit = rename(f.uri, f.validated, f.offset, 'mentoring', 'en') as WorkspaceEdit;
    expect(inDocumentOrder(edit.changes![f.uri]!)).toEqual(f.ranges.map((range) => ({ range, newText: 'mentoring' })));
    expect(validatePolicy({ file: f.file, text: applyEdits(f.text, edit.changes![f.uri]!) }).diagnostics).toEqual([]);
  });

  it("refuses a new name that is not an id, with the reason in the user's language", () => {
    const f = pass();
    const zh = rename(f.uri, f.validated, f.offset, '及格', 'zh-CN');
    expect(zh).toBeInstanceOf(ResponseError);
    expect([(zh as ResponseError<void>).code, (zh as ResponseError<void>).message]).toEqual([
      -32602,
      '“及格” 不是有效的标识：以小写字母开头，只含小写字母、数字和 -',
    ]);
    const en = rename(f.uri, f.validated, f.offset, 'Pass-2', 'en') as ResponseError<void>;
    expect([en.code, en.message]).toEqual([-32602, "'Pass-2' is not a valid id: start with a lowercase letter, then lowercase letters, digits and -"]);
  });

  it('nothing on a key, whatever the new name', () => {
    const f = at('management', 'grading‸Days: 7');
    expect(rename(f.uri, f.validated, f.offset, 'anything', 'en')).toBeNull();
  });
});
