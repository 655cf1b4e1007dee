// S2 unreleased policies, strategy and training material are confidential too.
import { contentRule } from './content-rule.js';
import { localized } from '../../i18n/localized-text.js';

export const unreleasedInformation = contentRule({
  code: 'unreleased-information',
  clause: 'S2',
  what: localized('未发布的政策、战略或培训资料', 'unreleased policy, strategy or training material'),
  doc: {
    summary: localized(
      '消息中出现未发布的政策、战略或培训教材（S2 类别）。',
      'A message contains unreleased policy, strategy or training material (an S2 category).',
    ),
    example: localized(
      '类别 strategy 含“明年提价计划”；成员发送“听说明年提价计划是 8%”→ 一条发现。',
      'Category strategy lists 明年提价计划; a member posts 听说明年提价计划是 8% → one finding.',
    ),
    computed: localized(
      'clause 为 S2 的类别的每个命中为一条发现；这些命中同时视为保密内容（S4）。',
      'Each match of a category whose clause is S2 is a finding; these matches are confidential content for S4 as well.',
    ),
    configuration: localized(
      '`content.categories[]`（clause: S2，confidential 默认 true）。',
      '`content.categories[]` (clause: S2, confidential defaults to true).',
    ),
  },
});
