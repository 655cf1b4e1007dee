// S2 unreleased policies, strategy and training material are confidential too.
import { contentRule } from './content-rule.js';

export const unreleasedInformation = contentRule({
  code: 'unreleased-information',
  clause: 'S2',
  what: { 'zh-CN': '未发布的政策、战略或培训资料', en: 'unreleased policy, strategy or training material' },
  doc: {
    summary: {
      'zh-CN': '消息中出现未发布的政策、战略或培训教材（S2 类别）。',
      en: 'A message contains unreleased policy, strategy or training material (an S2 category).',
    },
    example: {
      'zh-CN': '类别 strategy 含“明年提价计划”；成员发送“听说明年提价计划是 8%”→ 一条发现。',
      en: 'Category strategy lists 明年提价计划; a member posts 听说明年提价计划是 8% → one finding.',
    },
    computed: {
      'zh-CN': 'clause 为 S2 的类别的每个命中为一条发现；这些命中同时视为保密内容（S4）。',
      en: 'Each match of a category whose clause is S2 is a finding; these matches are confidential content for S4 as well.',
    },
    configuration: {
      'zh-CN': '`content.categories[]`（clause: S2，confidential 默认 true）。',
      en: '`content.categories[]` (clause: S2, confidential defaults to true).',
    },
  },
});
