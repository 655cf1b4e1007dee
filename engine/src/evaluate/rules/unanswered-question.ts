// N5: answer others' questions promptly — a question with no reply from someone else within
// responsiveness.questionReplyHours.
import { who, whoEn } from '../describe.js';
import { t } from '../../i18n/localized-text.js';
import { trackerOf } from '../scan/tracker-spec.js';
import { questionTracker } from './question-tracker.js';
import type { EvalRule } from './rule.js';

export const unansweredQuestion: EvalRule = {
  code: 'unanswered-question',
  clause: 'N5',
  needs: ['messages'],
  trackers: [questionTracker],
  settings: [['responsiveness', 'questionReplyHours']],
  path: ['responsiveness', 'questionReplyHours'],
  doc: {
    summary: t('群里的提问在 questionReplyHours 小时内没有得到他人的回复。', 'A question got no reply from someone else within questionReplyHours hours.'),
    example: t(
      'questionReplyHours: 12；11 月 6 日 09:00 zhangsan 问“请问报价单模板在哪里？”，到 21:00 没有人回复 → 一条发现；10:00 有人引用回复则不报告。',
      'questionReplyHours: 12; at 09:00 on 6 Nov zhangsan asks 请问报价单模板在哪里？ and nobody replies by 21:00 → one finding; a quoted reply at 10:00 → none.',
    ),
    computed: t(
      '提问＝未撤回、不是单纯应答、且包含任一 questionMarkers 的文本消息。回复＝他人在窗口内发送的、reply_to 指向该提问的消息，或他人在窗口内发送的、含“@提问者姓名”的文本消息。窗口在月末之后才结束的提问不判断（计入 A4 小结）。消息需按时间顺序导出（导出文件本来如此）。',
      'Question = a text message, not recalled and not a bare acknowledgement, containing any questionMarkers. Reply = a message by someone else within the window whose reply_to is the question, or a text by someone else within the window containing “@asker name”. Questions whose window ends after the month are not judged. Messages are expected in time order (as exports are).',
    ),
    configuration: t(
      '`responsiveness.questionReplyHours`，`responsiveness.questionMarkers`（默认 ?、？、请问、怎么、如何、为什么、吗）。',
      '`responsiveness.questionReplyHours`, `responsiveness.questionMarkers` (default ?, ？, 请问, 怎么, 如何, 为什么, 吗).',
    ),
  },
  run(ctx) {
    const hours = ctx.settings.questionReplyHours!;
    for (const q of trackerOf(ctx, questionTracker).unanswered) {
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'info',
        groupId: q.groupId,
        memberId: q.senderId,
        path: this.path,
        action: 'review',
        evidence: { messageId: q.messageId, sentAt: ctx.month.iso(q.sentAt), excerpt: q.excerpt, replyHours: hours },
        message: t('{who}的提问 {hours} 小时内无人回复：“{excerpt}”', "{whoEn}''s question got no reply within {hours} h: “{excerpt}”", {
          who: who(ctx, q.groupId, q.senderId),
          hours,
          excerpt: q.excerpt,
          whoEn: whoEn(ctx, q.groupId, q.senderId),
        }),
      });
    }
  },
};
