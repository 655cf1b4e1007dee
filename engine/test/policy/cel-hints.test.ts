// A CEL condition that does not parse is explained by what the author most likely did — in Chinese,
// at the spot, with a fix — never with the parser's English message in a Chinese sentence.
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src/policy/validate.js';
import { brief, minimalPolicy } from './helpers.js';

/** A policy whose eligibility expression is `expression`, written as YAML `quoted` ('plain', single or double quotes). */
function withExpression(expression: string, quoted: 'plain' | 'single' | 'double' = 'single'): string {
  const yaml = quoted === 'plain' ? expression : quoted === 'single' ? `'${expression.replaceAll("'", "''")}'` : JSON.stringify(expression);
  return minimalPolicy.replace('membership:\n', `membership:\n  eligibility:\n    expression: ${yaml}\n`);
}

function celSyntax(text: string) {
  const diagnostics = validatePolicy({ file: 't.qungui.yaml', text }).diagnostics;
  expect(diagnostics.map((d) => d.code)).toEqual(['cel-syntax']);
  const d = diagnostics[0]!;
  const edit = d.fix?.edits[0];
  const fixed = edit ? text.slice(0, edit.range.startOffset) + edit.newText + text.slice(edit.range.endOffset) : undefined;
  return { d, spanText: text.slice(d.range.startOffset, d.range.endOffset), fixed };
}

const clean = (text: string) => validatePolicy({ file: 't.qungui.yaml', text }).diagnostics.map(brief);

describe('CEL syntax hints', () => {
  it('Chinese text without quotes: quote it', () => {
    const { d, spanText, fixed } = celSyntax(withExpression('employee.department == 销售部'));
    expect(d.message).toEqual({
      'zh-CN': '中文要放在引号里：写成 "销售部"',
      // The policy's own text is a parameter: shown as written, not converted.
      'zh-TW': '中文要放在引號裡：寫成 "销售部"',
      en: 'Chinese text goes in quotes: write "销售部"',
    });
    expect(spanText).toBe('销售部');
    expect(d.fix!.title['zh-CN']).toBe('加上引号："销售部"');
    expect(clean(fixed!)).toEqual([]);
  });

  it('inside a double-quoted YAML string the inserted quotes get their backslashes', () => {
    const { fixed } = celSyntax(withExpression('employee.department == 销售部', 'double'));
    expect(fixed).toContain('expression: "employee.department == \\"销售部\\""');
    expect(clean(fixed!)).toEqual([]);
  });

  it('and / or / not: && || !', () => {
    const { d, spanText, fixed } = celSyntax(withExpression('employee.tenureDays >= 90 and employee.employmentStatus == "正式"'));
    expect(d.message['zh-CN']).toBe('CEL 里“并且”写 &&，“或者”写 ||，“不是”写 !：把 and 改为 &&');
    expect(spanText).toBe('and');
    expect(clean(fixed!)).toEqual([]);
  });

  it('a single = for equality', () => {
    const { d, spanText, fixed } = celSyntax(withExpression('employee.employmentStatus = "正式"'));
    expect(d.message['zh-CN']).toBe('比较是否相等要写两个等号 ==');
    expect(spanText).toBe('=');
    expect(clean(fixed!)).toEqual([]);
  });

  it('full-width brackets or quotes from a Chinese input method', () => {
    const { d, spanText, fixed } = celSyntax(withExpression('（employee.tenureDays >= 90)'));
    expect(d.message['zh-CN']).toBe('条件里用了全角符号“（”，请改成半角“(”');
    expect(spanText).toBe('（');
    expect(clean(fixed!)).toEqual([]);
  });

  it('otherwise: where it stops, in Chinese; the parser’s own words only in English', () => {
    const { d, fixed } = celSyntax(withExpression('employee.tenureDays >= 90 &&'));
    expect(d.message['zh-CN']).toBe('条件表达式到结尾还没写完（例如 && 或 || 后面缺少条件，或括号没有闭合）');
    expect(d.message['zh-CN']).not.toMatch(/[A-Za-z]{4,}/);
    expect(fixed).toBeUndefined();
  });
});
