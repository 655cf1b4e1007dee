// Schema errors land on the exact key or value, in words a training officer can act on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src/policy/validate.js';
import { brief, minimalPolicy } from './helpers.js';

const check = (text: string) => validatePolicy({ file: 't.qungui.yaml', text }).diagnostics;

describe('schema diagnostics', () => {
  it('a number typed with its unit ("5天") is named with the number to write, and fixed to it', () => {
    const text = minimalPolicy.replace('gradingDays: 3 }', 'gradingDays: 5天 }');
    const [d, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(d!.code).toBe('wrong-type');
    expect(d!.message['zh-CN']).toBe('批改时限（天）应为数字：写 5，不要带“天”（单位已由设置项说明）');
    expect(d!.message.en).toBe("'gradingDays' must be a number: write 5, without “天” (the setting names its unit)");
    expect(d!.fix!.edits.map((e) => [text.slice(e.range.startOffset, e.range.endOffset), e.newText])).toEqual([['5天', '5']]);
  });

  it('a weight written as a percentage becomes a fraction', () => {
    const text = `${minimalPolicy.replace(
      `assessment:
  tests:`,
      `assessment:
  overall:
    method: weighted
    weights: { tests: 100% }
  tests:`,
    )}`;
    const wrong = check(text).find((d) => d.code === 'wrong-type')!;
    expect(wrong.message['zh-CN']).toBe('测试权重应为小数：100% 写成 1（各维度权重合计为 1）');
    expect(wrong.fix!.edits.map((e) => e.newText)).toEqual(['1']);
  });

  it('anyOf: a threshold of the wrong type names both accepted types, never "must match a schema in anyOf"', () => {
    const text = minimalPolicy.replace(
      `assessment:
  tests:`,
      `assessment:
  participation:
    bands:
      - { rating: good, min: 很多 }
      - { rating: fail }
  tests:`,
    );
    const [d, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(brief(d!)).toBe('wrong-type 14:30-14:32');
    expect(d!.message['zh-CN']).toBe('下限应为数字或映射（键: 值），这里是文字');
    expect(d!.message.en).toBe("'min' must be a number or a mapping (key: value), not a string");
  });

  it('anyOf: inside the branch that fits, the error is the specific one (unknown metric)', () => {
    const text = minimalPolicy.replace(
      `assessment:
  tests:`,
      `assessment:
  participation:
    bands:
      - { rating: good, min: { activeDay: 10 } }
      - { rating: fail }
  tests:`,
    );
    const diagnostics = check(text);
    expect(diagnostics.map(brief)).toEqual(['unknown-property 14:32-14:41']);
    expect(diagnostics[0]!.message.en).toBe("Unknown property 'activeDay'; did you mean 'activeDays'?");
    expect(diagnostics[0]!.fix!.edits[0]!.newText).toBe('activeDays');
  });

  it('missing property: marks the parent key and names the property in Chinese', () => {
    const text = minimalPolicy.replace('  name: 测试群\n', '');
    const [d] = check(text);
    expect(brief(d!)).toBe('missing-property 3:1-3:9');
    expect(d!.message['zh-CN']).toBe('基本信息缺少必填项群名称（name）');
  });

  it('missing property at the top: marks the start of the document', () => {
    const text = minimalPolicy.replace('groups: [wrFixture]\n', '');
    expect(check(text).map(brief)).toEqual(['missing-property 1:1-1:1']);
  });

  it('enum: did-you-mean with a fix; no suggestion lists the allowed values', () => {
    const typo = check(minimalPolicy.replace('kind: new-employee', 'kind: managment'));
    expect(typo[0]!.message['zh-CN']).toBe('培训群类型的值 “managment” 无效；您是不是要写 “management”？');
    const far = check(minimalPolicy.replace('kind: new-employee', 'kind: 新员工'));
    expect(far[0]!.message.en).toBe('\'kind\' has an invalid value "新员工"; allowed: new-employee, skill, management, other');
  });

  it('rating ids as map keys are checked for format on the key itself', () => {
    const text = minimalPolicy.replace('points: { good: 2, fail: -2 }', 'points: { good: 2, fail: -2, 优秀: 5 }');
    const diagnostics = check(text).filter((d) => d.code === 'invalid-format');
    expect(diagnostics.map(brief)).toEqual(['invalid-format 17:32-17:34']);
  });

  it('positive durations: zero hours is out of range', () => {
    const text = minimalPolicy.replace('questionReplyHours: 24', 'questionReplyHours: 0');
    const [d] = check(text);
    expect(brief(d!)).toBe('out-of-range 22:39-22:40');
    expect(d!.message['zh-CN']).toBe('答复时限（小时）应 > 0，这里是 0');
  });

  it('weights with method worst are ignored, and said so', () => {
    const text = minimalPolicy.replace(
      '      - { rating: fail }\noutcomes:',
      '      - { rating: fail }\n  overall:\n    method: worst\n    weights: { tests: 1 }\noutcomes:',
    );
    const diagnostics = check(text);
    expect(diagnostics.map((d) => `${d.severity} ${brief(d)}`)).toEqual(['warning invalid-weights 18:5-18:12']);
  });

  it('an item of a list is named by its list and its place, and zh-TW reads Traditional throughout', () => {
    const text = readFileSync('examples/policies/onboarding.qungui.yaml', 'utf8')
      .replace("questionMarkers: ['?',", "questionMarkers: ['', '?',")
      .replace('terms: [废物,', 'terms: [12, 废物,')
      .replace('gradingDays: 3', 'gradingDays: [3]');
    expect(check(text).map((d) => [d.code, d.message['zh-CN'], d.message['zh-TW'], d.message.en])).toEqual([
      ['wrong-type', '批改时限（天）应为数字，这里是列表', '批改時限（天）應為數字，這裡是列表', "'gradingDays' must be a number, not a list"],
      ['wrong-type', '词语第 1 项应为文字，这里是整数', '詞語第 1 項應為文字，這裡是整數', "'terms' must be a string, not an integer"],
      ['out-of-range', '提问标记第 1 项不能为空', '提問標記第 1 項不能為空', "'questionMarkers' must not be empty"],
    ]);
  });

  it('a setting the regulation needs is named by what it is, with the key to write in brackets', () => {
    const text = readFileSync('examples/policies/onboarding.qungui.yaml', 'utf8').replace('  gradingDays: 3\n', '');
    const missing = validatePolicy({ file: 't.qungui.yaml', text }).diagnostics.filter((d) => d.code === 'missing-setting');
    expect(missing.map((d) => [d.message['zh-CN'], d.message.en])).toEqual([
      [
        '未设置作业批改时限（activities.gradingDays，条款 T3）：生成的制度文本会留空，相应检查不会执行',
        'activities.gradingDays is not set (days to grade a submission, clause T3): the rendered regulation shows a gap and the check is not run',
      ],
    ]);
  });
});
