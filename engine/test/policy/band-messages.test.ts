// Band diagnostics name the metric and the ratings as people read them (分数, 良好), never the keys
// and ids of the YAML: the visual editor shows them beside a cell labelled the same way.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src/policy/validate.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/invalid/${name}.qungui.yaml`, import.meta.url), 'utf8');
const messagesOf = (text: string, code: string) =>
  validatePolicy({ file: 't.qungui.yaml', text })
    .diagnostics.filter((d) => d.code === code)
    .map((d) => [d.message['zh-CN'], d.message['zh-TW'], d.message.en]);

describe('band diagnostics in people’s words', () => {
  it('a threshold out of range names the metric by its label', () => {
    expect(messagesOf(fixture('band-out-of-range'), 'band-out-of-range')).toEqual([
      [
        '测试考核第 1 档：分数的下限 160 超出取值范围 0–100，这一档永远无法达到',
        '測試考核第 1 檔：分數的下限 160 超出取值範圍 0–100，這一檔永遠無法達到',
        'tests band 1: score threshold 160 is outside its range 0–100; no member can ever reach this band',
      ],
    ]);
  });

  it('bands out of order name the ratings by their labels', () => {
    expect(messagesOf(fixture('band-order'), 'band-order')).toEqual([
      [
        '测试考核的档位应按评级从高到低排列：“良好”比上一档的“不合格”高，却排在后面',
        '測試考核的檔位應按評級從高到低排列：“良好”比上一檔的“不合格”高，卻排在後面',
        'tests bands must run from the best rating to the worst: “良好” ranks above “不合格” but comes after it',
      ],
    ]);
  });

  it('a main threshold not falling names the metric by its label; English uses the English names', () => {
    // Participation's main metric is activeDays: 活跃天数 / active days, not the key.
    const text = fixture('band-order')
      .replace('- { id: good, label: 良好 }', '- { id: good, label: 良好, labelEn: Good }')
      .replace(
        / {2}tests:\n {4}bands:\n( {6}- .*\n)+/,
        '  participation:\n    bands:\n      - { rating: good, min: 10 }\n      - { rating: good, min: 12 }\n      - { rating: fail }\n',
      );
    expect(messagesOf(text, 'band-order')).toEqual([
      [
        '参与度考核第 2 档的活跃天数下限 12 不低于上一档的 10；下限须从上到下严格递减',
        '參與度考核第 2 檔的活躍天數下限 12 不低於上一檔的 10；下限須從上到下嚴格遞減',
        "participation band 2 has active days ≥ 12, not below the previous band's 10; thresholds must fall strictly from top to bottom",
      ],
    ]);
    // The ratings' English names where the policy gives them (labelEn), the label where it does not.
    const english = fixture('band-order').replace('- { id: good, label: 良好 }', '- { id: good, label: 良好, labelEn: Good }');
    expect(messagesOf(english, 'band-order').map((m) => m[2])).toEqual([
      'tests bands must run from the best rating to the worst: “Good” ranks above “不合格” but comes after it',
    ]);
  });
});
