// N4 no ads, sales pitches, rumours or vulgar content — unless reported in advance (報備): a match
// covered by an approved exemption for that group, member (or everyone), category and time is not reported.
import { contentRule } from './content-rule.js';
import { localized } from '../../i18n/localized-text.js';

export const bannedContent = contentRule({
  code: 'banned-content',
  clause: 'N4',
  what: localized('广告、推销、谣言或低俗内容', 'ads, sales pitches, rumours or vulgar content'),
  skip: (hit) => hit.exemptionId !== undefined,
  doc: {
    summary: localized(
      '消息中出现广告、推销、谣言或低俗内容（N4 类别），且没有有效的报备。',
      'A message contains ads, sales pitches, rumours or vulgar content (an N4 category) not covered by a valid exemption (reported in advance).',
    ),
    example: localized(
      '类别 ads（exemptible: true）含“代购”；成员 11 月 5 日发送“本周代购日本面膜”，exemptions 中没有覆盖该成员、ads 类别和该时间的报备 → 一条发现；若有 valid_from ≤ 发送时间 ≤ valid_to 的报备则不报告。',
      'Category ads (exemptible: true) lists 代购; a member posts 本周代购日本面膜 on 5 Nov with no exemption for that member, category ads and time → one finding; with an exemption whose valid_from ≤ sent time ≤ valid_to, none.',
    ),
    computed: localized(
      '对 clause 为 N4 的每个命中：若类别 exemptible 为 true，且 exemptions 表中存在同群、同类别、member_id 为该成员或为空（全群）、valid_from ≤ 发送时间 ≤ valid_to 的行，则视为已报备、不报告、不计违规；否则为一条发现。',
      'For each match of an N4 category: when the category is exemptible and the exemptions table has a row for the same group and category, with member_id equal to the sender or empty (whole group) and valid_from ≤ sent time ≤ valid_to, the match is covered: not reported and not counted. Otherwise it is a finding.',
    ),
    configuration: localized(
      '`content.categories[]`（clause: N4，exemptible，terms，patterns，severity）；报备数据在 exemptions 表。',
      '`content.categories[]` (clause: N4, exemptible, terms, patterns, severity); exemptions come from the exemptions table.',
    ),
  },
});
