// S4: never forward confidential content — a forwarded chat record (type chatrecord) carrying a
// confidential match.
import { who, whoEn } from '../describe.js';
import { t } from '../../i18n/localized-text.js';
import { hasContentRules, hitEvidence, hitPath } from './content-rule.js';
import type { EvalRule } from './rule.js';

export const confidentialForwarded: EvalRule = {
  code: 'confidential-forwarded',
  clause: 'S4',
  needsMatcher: true,
  needs: ['messages'],
  path: ['content', 'categories'],
  precondition: (ctx) =>
    hasContentRules(ctx, 'S1') && hasContentRules(ctx, 'S2') && !(ctx.policy.content?.categories ?? []).some((c) => c.confidential)
      ? t('群规没有保密类别或检测器（S1/S2）', 'The policy has no confidential categories or detectors (S1/S2)')
      : undefined,
  doc: {
    summary: t('转发的聊天记录中含保密内容。', 'A forwarded chat record carries confidential content.'),
    example: t(
      '成员转发一段聊天记录（type chatrecord），其中一条为“合同底价 85 万”，命中 S1 类别 → 一条发现（每条转发消息一条，列出命中数）。',
      'A member forwards a chat record (type chatrecord) in which one message reads 合同底价 85 万, an S1 match → one finding (one per forwarded message, with the match count).',
    ),
    computed: t(
      'chatrecord 消息的 forwarded 文本逐条经内容匹配器匹配；保密类别或检测器的命中按消息汇总为一条发现，证据为第一处命中的摘录（≤ 40 字）。',
      "The forwarded texts of a chatrecord message go through the content matcher one by one; confidential matches (confidential categories, detectors) are gathered per message into one finding whose evidence is the first match's excerpt (≤ 40 characters).",
    ),
    configuration: t('`content.categories[].confidential`、`content.detectors`。', '`content.categories[].confidential`, `content.detectors`.'),
  },
  run(ctx) {
    for (const hits of ctx.scan.hits.byMessage({ forwarded: true, confidential: true })) {
      const first = hits[0]!;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'error',
        groupId: first.groupId,
        memberId: first.senderId,
        path: hitPath(ctx, first),
        action: 'review',
        evidence: { ...hitEvidence(ctx, first), matches: hits.length, categories: [...new Set(hits.map((h) => h.match.categoryId))].sort() },
        message: t('{who}转发的聊天记录含保密内容：“{excerpt}”', '{whoEn} forwarded a chat record with confidential content: “{excerpt}”', {
          who: who(ctx, first.groupId, first.senderId),
          excerpt: first.excerpt,
          whoEn: whoEn(ctx, first.groupId, first.senderId),
        }),
      });
    }
  },
};
