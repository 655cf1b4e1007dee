// yaml-surgery on the shapes people write by hand: an empty value with a comment after the colon, block
// scalars (`|`, `>`), CRLF files. Exact text in → exact text out.
import { describe, expect, it } from 'vitest';
import type { FormAction } from '../../src/visual-editor/form-actions.js';
import { policyEdits } from '../../src/visual-editor/policy-edits.js';
import { RefusedEdit } from '../../src/visual-editor/refused-edit.js';
import { applyEdits } from '../../src/visual-editor/text-edit.js';

const run = (text: string, action: FormAction) => applyEdits(text, policyEdits(text, action));

describe('an empty value with a comment after the colon', () => {
  it('a text goes before the comment, a space between', () => {
    expect(run('metadata:\n  timezone:   # 时区\n  owner: x\n', { kind: 'setText', path: ['metadata', 'timezone'], text: 'Asia/Shanghai' })).toBe(
      'metadata:\n  timezone:   Asia/Shanghai # 时区\n  owner: x\n',
    );
  });
  it('a number too', () => {
    expect(run('removal:\n  maxViolations: # 填写\n', { kind: 'setNumber', path: ['removal', 'maxViolations'], text: '3' })).toBe(
      'removal:\n  maxViolations: 3 # 填写\n',
    );
  });
  it('a first chip makes a flow list before the comment', () => {
    expect(run('admins: # 管理员的成员 ID\n', { kind: 'addChip', path: ['admins'], value: 'zhangwei' })).toBe('admins: [zhangwei] # 管理员的成员 ID\n');
  });
  it('a key under an empty section goes on its own line; the comment stays on the section', () => {
    expect(run('membership:\n  removal: # 移出\n', { kind: 'setNumber', path: ['membership', 'removal', 'maxViolations'], text: '3' })).toBe(
      'membership:\n  removal: # 移出\n    maxViolations: 3\n',
    );
  });
});

describe('block scalars', () => {
  const text = 'metadata:\n  name: |\n    line one\n    line two\n  timezone: Asia/Shanghai\n';
  it('a one-line value stays in the block, the next key untouched', () => {
    expect(run(text, { kind: 'setText', path: ['metadata', 'name'], text: 'new' })).toBe('metadata:\n  name: |\n    new\n  timezone: Asia/Shanghai\n');
  });
  it('a multi-line value keeps its line breaks and the header', () => {
    expect(run(text, { kind: 'setText', path: ['metadata', 'name'], text: 'line one\nline 2\nline three\n' })).toBe(
      'metadata:\n  name: |\n    line one\n    line 2\n    line three\n  timezone: Asia/Shanghai\n',
    );
  });
  it('a folded value writes each line break as a blank line; the chomping and the comment are kept', () => {
    expect(run('a: >- # 说明\n  x y\n\n  z\nb: 1\n', { kind: 'setText', path: ['a'], text: 'p q\nr' })).toBe('a: >- # 说明\n  p q\n\n  r\nb: 1\n');
  });
  it('lines indented more than the first keep their indentation', () => {
    expect(run('a: |\n  x\nb: 1\n', { kind: 'setText', path: ['a'], text: 'x\n  indented' })).toBe('a: |\n  x\n    indented\nb: 1\n');
  });
});

describe('CRLF files', () => {
  const text = 'membership:\r\n  removal:\r\n    maxViolations: 3\r\nadmins:\r\n  - a\r\n';
  it('a new key gets CRLF', () => {
    expect(run(text, { kind: 'setNumber', path: ['membership', 'removal', 'inactiveDays'], text: '30' })).toBe(
      'membership:\r\n  removal:\r\n    maxViolations: 3\r\n    inactiveDays: 30\r\nadmins:\r\n  - a\r\n',
    );
  });
  it('a block list item gets CRLF', () => {
    expect(run(text, { kind: 'addChip', path: ['admins'], value: 'b' })).toBe(
      'membership:\r\n  removal:\r\n    maxViolations: 3\r\nadmins:\r\n  - a\r\n  - b\r\n',
    );
  });
  it('a block scalar is rewritten with CRLF', () => {
    expect(run('a: |\r\n  x\r\nb: 1\r\n', { kind: 'setText', path: ['a'], text: 'y\nz' })).toBe('a: |\r\n  y\r\n  z\r\nb: 1\r\n');
  });
});

describe('anchors and aliases', () => {
  const text = 'leads: &a [x, y]\nmembership:\n  application:\n    reviewers: *a\n  removal:\n    maxViolations: &n 5\n    inactiveDays: *n\n';
  const refused = (action: FormAction) => {
    try {
      run(text, action);
    } catch (error) {
      return error instanceof RefusedEdit ? error.key : `not refused: ${String(error)}`;
    }
    return 'written';
  };
  it('a chip added to an alias is refused: the list it names would be lost', () => {
    expect(refused({ kind: 'addChip', path: ['membership', 'application', 'reviewers'], value: 'z' })).toBe(
      'This value refers to a value elsewhere (an alias): edit it in the text.',
    );
  });
  it('an anchored value is refused: every alias would change with it', () => {
    expect(refused({ kind: 'setNumber', path: ['membership', 'removal', 'maxViolations'], text: '3' })).toBe(
      'Other keys refer to this value (an anchor): edit it in the text.',
    );
    expect(refused({ kind: 'removeChip', path: ['leads'], index: 0 })).toBe('Other keys refer to this value (an anchor): edit it in the text.');
  });
  it('the keys around them are written as usual', () => {
    expect(run(text, { kind: 'setNumber', path: ['membership', 'removal', 'countCategories'], text: '1' })).toContain('    countCategories: 1\n');
  });
});

describe('rows and items with their comments, and what an emptied list becomes', () => {
  const bands = [
    'assessment:',
    '  assignments:',
    '    bands:',
    '      - { rating: excellent, min: 90 } # 九十分以上',
    '      # 及格线',
    '      - { rating: pass, min: 60 }',
    '      # 其余的人',
    '      - { rating: fail }',
    '',
  ].join('\n');

  it('a new band goes above the comment of the catch-all row and copies no comment', () => {
    expect(run(bands, { kind: 'addBand', dimension: 'assignments', rating: 'good' })).toBe(
      bands.replace('      # 其余的人\n', '      - { rating: good, min: 60 }\n      # 其余的人\n'),
    );
    expect(run(bands.replace('      # 及格线\n', ''), { kind: 'addBand', dimension: 'assignments', rating: 'good' })).toContain(
      '      - { rating: pass, min: 60 }\n      - { rating: good, min: 60 }\n      # 其余的人\n',
    );
  });

  it('a removed band takes the comment line heading it', () => {
    expect(run(bands, { kind: 'removeBand', dimension: 'assignments', band: 1 })).toBe(
      bands.replace('      # 及格线\n      - { rating: pass, min: 60 }\n', ''),
    );
  });

  it('a removed chip of a block list takes its comment line; the first one leaves the list’s heading comment', () => {
    const text = 'admins:\n  # 组长\n  - a\n  # 副组长\n  - b\nx: 1\n';
    expect(run(text, { kind: 'removeChip', path: ['admins'], index: 1 })).toBe('admins:\n  # 组长\n  - a\nx: 1\n');
    expect(run(text, { kind: 'removeChip', path: ['admins'], index: 0 })).toBe('admins:\n  # 组长\n  # 副组长\n  - b\nx: 1\n');
  });

  it('the last item of a block list leaves `key: []`, the last key of a section `key: {}`', () => {
    expect(run('admins:\n  - a\nx: 1\n', { kind: 'removeChip', path: ['admins'], index: 0 })).toBe('admins: []\nx: 1\n');
    expect(run('admins: # 管理员\n  - a\n', { kind: 'removeChip', path: ['admins'], index: 0 })).toBe('admins: [] # 管理员\n');
    expect(run('metadata:\n  owner: 培训部\nx: 1\n', { kind: 'setText', path: ['metadata', 'owner'], text: '' })).toBe('metadata: {}\nx: 1\n');
  });

  it('a band is not added to a table written on one line: refused, with a reason to translate', () => {
    const flow = 'assessment:\n  assignments:\n    bands: [{ rating: pass, min: 60 }, { rating: fail }]\n';
    expect(() => run(flow, { kind: 'addBand', dimension: 'assignments', rating: 'good' })).toThrow(RefusedEdit);
  });

  it('emptying the last threshold of a band is refused: it would be a second catch-all row', () => {
    const refusal = 'Only one band can take everyone else: type a threshold, or remove the band.';
    const clear = (text: string) => () => run(text, { kind: 'setThreshold', dimension: 'assignments', band: 0, metric: 'score', main: 'score', text: '' });
    expect(clear(bands)).toThrow(refusal);
    expect(clear(bands.replace('min: 90', 'min: { score: 90 }'))).toThrow(refusal);
    expect(
      run(bands.replace('min: 90', 'min: { score: 90, onTime: 0.8 }'), {
        kind: 'setThreshold',
        dimension: 'assignments',
        band: 0,
        metric: 'score',
        main: 'score',
        text: '',
      }),
    ).toContain('{ rating: excellent, min: { onTime: 0.8 } }');
  });
});

describe('a flow list written one item a line', () => {
  const text = 'terms: [\n  废物, # 常见\n  蠢货, # 较少\n  白痴 # 最后\n]\n';
  it('a removed item takes its own line and comment; its neighbours keep theirs', () => {
    expect(run(text, { kind: 'removeChip', path: ['terms'], index: 2 })).toBe('terms: [\n  废物, # 常见\n  蠢货, # 较少\n]\n');
    expect(run(text, { kind: 'removeChip', path: ['terms'], index: 1 })).toBe('terms: [\n  废物, # 常见\n  白痴 # 最后\n]\n');
  });
  it('on one line, the separator goes as before', () => {
    expect(run('terms: [废物, 蠢货, 白痴] # 词表\n', { kind: 'removeChip', path: ['terms'], index: 2 })).toBe('terms: [废物, 蠢货] # 词表\n');
  });
});
