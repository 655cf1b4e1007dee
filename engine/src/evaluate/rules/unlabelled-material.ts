// C2: materials are posted clearly — a file or video with a name, a link with its address or title.
import { messageTypeName, whenText, who, whoEn } from '../describe.js';
import { t } from '../../i18n/localized-text.js';
import { trackerOf } from '../scan/tracker-spec.js';
import { materialTracker } from './material-tracker.js';
import type { EvalRule } from './rule.js';

export const unlabelledMaterial: EvalRule = {
  code: 'unlabelled-material',
  clause: 'C2',
  needs: ['messages'],
  trackers: [materialTracker],
  path: ['publishing', 'materialTypes'],
  doc: {
    summary: t(
      '发布的资料没有名称（文件/视频无文件名，链接无地址或标题），成员无从辨认。',
      'A material was posted without a name (a file or video with no file name, a link with no address or title).',
    ),
    example: t(
      '讲师发送 type 为 file、file_name 为空的消息 → 一条 info 级发现。',
      'A lecturer posts a message of type file with no file_name → one info finding.',
    ),
    computed: t(
      'type 在 materialTypes 中的每条消息：file/video 没有 file_name，或 link 的 content 为空，则为一条发现。发布时间和发布人取自消息本身（sent_at、sender_id），总是有。',
      'Each message whose type is in materialTypes: a file or video without file_name, or a link with empty content, is a finding. The publish time and publisher come from the message itself (sent_at, sender_id) and are always known.',
    ),
    configuration: t('`publishing.materialTypes`（默认 [file, link]）。', '`publishing.materialTypes` (default [file, link]).'),
  },
  run(ctx) {
    for (const material of trackerOf(ctx, materialTracker).materials) {
      const labelled = material.type === 'link' ? material.hasText : material.fileName !== undefined && material.fileName.trim() !== '';
      if (labelled) continue;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'info',
        groupId: material.groupId,
        memberId: material.senderId,
        path: this.path,
        evidence: { messageId: material.messageId, type: material.type, sentAt: ctx.month.iso(material.sentAt) },
        message: t('{who}于 {whenText} 发布的{value}没有名称', 'The {value} {whoEn} posted at {whenText} has no name', {
          who: who(ctx, material.groupId, material.senderId),
          whenText: whenText(ctx, material.sentAt),
          value: messageTypeName(material.type),
          whoEn: whoEn(ctx, material.groupId, material.senderId),
        }),
      });
    }
  },
};
