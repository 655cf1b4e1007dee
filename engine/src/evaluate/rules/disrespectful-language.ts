// N2 respect others: matches of categories with clause N2 (mockery, slander, personal attacks).
import { contentRule } from './content-rule.js';
import { localized } from '../../i18n/localized-text.js';

export const disrespectfulLanguage = contentRule({
  code: 'disrespectful-language',
  clause: 'N2',
  what: localized('不尊重他人的言论', 'disrespectful language'),
  doc: {
    summary: localized(
      '消息中出现嘲讽、诋毁或人身攻击（N2 类别的词语或模式）。',
      'A message contains mockery, slander or a personal attack (an N2 category term or pattern).',
    ),
    example: localized(
      '类别 mockery 含词语“笑死人”；成员发送“这作业写得笑死人”→ 一条发现。',
      'Category mockery lists 笑死人; a member posts 这作业写得笑死人 → one finding.',
    ),
    computed: localized('与 insulting-language 相同，只取 clause 为 N2 的类别的命中。', 'As insulting-language, for categories whose clause is N2.'),
    configuration: localized(
      '`content.categories[]`（clause: N2），`content.allow`，`content.normalize`。',
      '`content.categories[]` (clause: N2), `content.allow`, `content.normalize`.',
    ),
  },
});
