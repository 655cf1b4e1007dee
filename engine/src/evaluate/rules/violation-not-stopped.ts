// A3: admins watch the group and stop violations. A violation counts as stopped when the message was
// recalled or an admin (or lecturer) spoke in the group within the window after it.
import { schemaDefault } from '../../policy/model/defaults.js';
import { whenText, who, whoEn } from '../describe.js';
import { t } from '../../i18n/localized-text.js';
import { hasContentRules, hitEvidence, hitPath } from './content-rule.js';
import { trackerOf } from '../scan/tracker-spec.js';
import { reactionTracker } from './reaction-tracker.js';
import type { EvalRule } from './rule.js';

const DEFAULT_HOURS = schemaDefault('content.stopWithinHours');

export const violationNotStopped: EvalRule = {
  code: 'violation-not-stopped',
  clause: 'A3',
  needsMatcher: true,
  needs: ['members', 'messages'],
  trackers: [reactionTracker],
  path: ['admins'],
  precondition: (ctx) =>
    ['N1', 'N2', 'N4', 'S1', 'S2'].every((c) => hasContentRules(ctx, c) !== undefined)
      ? t('群规没有任何内容类别或检测器，无法识别违规', 'The policy has no content categories or detectors to find violations with')
      : undefined,
  doc: {
    summary: t(
      '违规消息发出后在制止时限内（默认 {DEFAULT_HOURS} 小时）既未撤回、管理员也未在群内发言制止。',
      'A violation was neither recalled nor followed by an admin speaking in the group within the time limit (default {DEFAULT_HOURS} hours).',
      { DEFAULT_HOURS },
    ),
    example: t(
      '11 月 3 日 09:00 成员发送含“废物”的消息；到 11 月 4 日 09:00 没有管理员或讲师在群内发言，消息也未撤回 → 一条群级发现。',
      'A member posts a message with 废物 at 09:00 on 3 Nov; by 09:00 on 4 Nov no admin or lecturer has spoken in the group and the message is not recalled → one group-level finding.',
    ),
    computed: t(
      `违规＝计入违规的命中（见 removal-violations）。发出后 content.stopWithinHours 小时内，同群有管理员（role admin/lecturer 或 admins 列表）发言，或该消息 recalled 为 true，视为已制止；否则为一条发现。窗口在月末之后才结束的违规不判断。`,
      `Violation = a counted match (see removal-violations). It is stopped when, within content.stopWithinHours hours, an admin (role admin/lecturer or listed in admins) speaks in the same group, or the message is recalled; otherwise a finding. Violations whose window ends after the month are not judged.`,
    ),
    configuration: t('`admins`，`content.stopWithinHours`（默认 {DEFAULT_HOURS} 小时）。', '`admins`, `content.stopWithinHours` (default {DEFAULT_HOURS} h).', {
      DEFAULT_HOURS,
    }),
  },
  run(ctx) {
    for (const hit of trackerOf(ctx, reactionTracker).unstopped) {
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'warning',
        groupId: hit.groupId,
        memberId: null,
        path: hitPath(ctx, hit),
        action: 'review',
        evidence: { ...hitEvidence(ctx, hit), senderId: hit.senderId, windowHours: ctx.settings.adminResponseHours },
        message: t(
          '{who}于 {whenText} 发的违规消息 {adminResponseHours} 小时内既未撤回，也无管理员制止：“{excerpt}”',
          "{whoEn}''s violation at {whenText} was neither recalled nor stopped by an admin within {adminResponseHours} h: “{excerpt}”",
          {
            who: who(ctx, hit.groupId, hit.senderId),
            whenText: whenText(ctx, hit.sentAt),
            adminResponseHours: ctx.settings.adminResponseHours,
            excerpt: hit.excerpt,
            whoEn: whoEn(ctx, hit.groupId, hit.senderId),
          },
        ),
      });
    }
  },
};
