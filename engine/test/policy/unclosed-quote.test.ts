// An unclosed quote is reported at the quote — yaml notices it lines later, at a backslash in a regex or
// at the end of the file — with a fix that closes it at the end of its line where that is safe.
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src/policy/validate.js';
import { brief, minimalPolicy } from './helpers.js';

const withPattern = `${minimalPolicy}content:
  categories:
    - id: ads
      label: 广告
      clause: N4
      patterns: ["\\\\s+代购"]
`;

function check(text: string) {
  const diagnostics = validatePolicy({ file: 't.qungui.yaml', text }).diagnostics;
  const [d] = diagnostics;
  const edit = d?.fix?.edits[0];
  const fixed = edit ? text.slice(0, edit.range.startOffset) + edit.newText + text.slice(edit.range.endOffset) : undefined;
  return { diagnostics: diagnostics.map(brief), d, fixed };
}

describe('an unclosed quote', () => {
  it('is reported at the quote (not at a later backslash), once, and closed by the fix', () => {
    const text = withPattern.replace('  name: 测试群\n', '  name: "测试群\n');
    const { diagnostics, d, fixed } = check(text);
    expect(diagnostics).toEqual(['yaml-syntax 5:9-5:10']);
    expect(d!.message['zh-CN']).toBe('第 5 行的双引号 " 没有闭合：后面的内容都被当成了这个字符串的一部分');
    expect(d!.fix!.title['zh-CN']).toBe('在第 5 行末尾补上 "');
    expect(fixed).toBe(withPattern.replace('  name: 测试群\n', '  name: "测试群"\n'));
    expect(check(fixed!).diagnostics).toEqual([]);
  });

  it('a single quote too; no fix where the line itself holds another quote', () => {
    const text = minimalPolicy.replace('  name: 测试群\n', "  name: '测试群\n");
    expect(check(text).diagnostics).toEqual(['yaml-syntax 5:9-5:10']);
    // An escaped quote on the line: where the author meant to close is not certain, so no fix.
    const escaped = check(minimalPolicy.replace('  name: 测试群\n', '  name: "测试\\"群\n'));
    expect(escaped.diagnostics).toEqual(['yaml-syntax 5:9-5:10']);
    expect(escaped.d!.fix).toBeUndefined();
  });

  it('a quoted string that spans lines on purpose, and quotes inside plain text, are not errors', () => {
    const multiLine = minimalPolicy.replace('  name: 测试群\n', '  name: "测试\n    群"\n');
    expect(check(multiLine).diagnostics).toEqual([]);
    const apostrophe = minimalPolicy.replace('  name: 测试群\n', "  name: Li's group\n");
    expect(check(apostrophe).diagnostics).toEqual([]);
  });
});
