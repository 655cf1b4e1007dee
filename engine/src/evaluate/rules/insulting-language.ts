// N1 civil language: matches of categories with clause N1 (insults, discrimination, aggression).
import { contentRule } from './content-rule.js';
import { localized } from '../../i18n/localized-text.js';

export const insultingLanguage = contentRule({
  code: 'insulting-language',
  clause: 'N1',
  what: localized('不文明用语', 'uncivil language'),
  doc: {
    summary: localized(
      '消息中出现侮辱、歧视或攻击性用语（N1 类别的词语或模式）。',
      'A message contains insulting, discriminatory or aggressive language (an N1 category term or pattern).',
    ),
    example: localized(
      '类别 insult 含词语“废物”；成员发送“你就是个废物”→ 一条发现，证据为“你就是个废物”。',
      'Category insult lists 废物; a member posts 你就是个废物 → one finding, evidence 你就是个废物.',
    ),
    computed: localized(
      '每条文本消息（及转发聊天记录中的每条文本）经内容匹配器（归一化、允许词、RE2 模式）匹配；类别 clause 为 N1 的每个命中即一条发现，严重级别取类别的 severity；error 级命中计入违规次数（M5）。',
      'Every text message (and every text inside a forwarded chat record) goes through the content matcher (normalization, allow-list, RE2 patterns); each match of a category whose clause is N1 is one finding with the category severity; error matches count as violations (M5).',
    ),
    configuration: localized(
      '`content.categories[]`（clause: N1，terms、patterns、severity），`content.allow`，`content.normalize`。',
      '`content.categories[]` (clause: N1, terms, patterns, severity), `content.allow`, `content.normalize`.',
    ),
  },
});
