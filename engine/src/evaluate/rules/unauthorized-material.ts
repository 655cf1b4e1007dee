// C1: the training department reviews content before it is published — materials (files, links…) may
// be posted only by admins, lecturers, role publisher or publishing.publishers.
import { membershipKey } from '../context.js';
import { messageTypeName, who, whoEn } from '../describe.js';
import { privacy } from '../../match/mask.js';
import { t } from '../../i18n/localized-text.js';
import { trackerOf } from '../scan/tracker-spec.js';
import { materialTracker } from './material-tracker.js';
import type { EvalRule } from './rule.js';

export const unauthorizedMaterial: EvalRule = {
  code: 'unauthorized-material',
  clause: 'C1',
  needs: ['members', 'messages'],
  trackers: [materialTracker],
  path: ['publishing', 'publishers'],
  doc: {
    summary: t('无发布权限的人发布了培训资料（文件、链接等）。', 'Training material (a file, a link…) was posted by someone not allowed to publish.'),
    example: t(
      'materialTypes: [file, link]；普通成员 chenyi 发送文件“内部报价表.xlsx”→ 一条发现；讲师发送的不报告。',
      "materialTypes: [file, link]; ordinary member chenyi posts the file 内部报价表.xlsx → one finding; a lecturer's is not.",
    ),
    computed: t(
      'type 在 materialTypes 中的每条消息：发送者不是本群 role 为 admin/lecturer/publisher 的成员，也不在 admins 或 publishing.publishers 中，则为一条发现。',
      'Each message whose type is in materialTypes: a sender who is not a member of the group with role admin, lecturer or publisher, nor listed in admins or publishing.publishers, is a finding.',
    ),
    configuration: t(
      '`publishing.publishers`、`publishing.materialTypes`（默认 [file, link]）、`admins`。',
      '`publishing.publishers`, `publishing.materialTypes` (default [file, link]), `admins`.',
    ),
  },
  run(ctx) {
    for (const material of trackerOf(ctx, materialTracker).materials) {
      const m = ctx.memberships.get(membershipKey(material.groupId, material.senderId));
      if (m?.publisher || ctx.settings.publishers.has(material.senderId) || ctx.settings.admins.has(material.senderId)) continue;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'warning',
        groupId: material.groupId,
        memberId: material.senderId,
        path: this.path,
        action: 'review',
        evidence: {
          messageId: material.messageId,
          type: material.type,
          fileName: material.fileName === undefined ? null : privacy(material.fileName, ctx.redact),
          sentAt: ctx.month.iso(material.sentAt),
        },
        message: t('{who}没有发布权限，却发布了{value}{value2}', '{whoEn} posted a {value}{value3} without being allowed to publish', {
          who: who(ctx, material.groupId, material.senderId),
          value: messageTypeName(material.type),
          value2: material.fileName ? `“${privacy(material.fileName, ctx.redact)}”` : '',
          whoEn: whoEn(ctx, material.groupId, material.senderId),
          value3: material.fileName ? ` “${privacy(material.fileName, ctx.redact)}”` : '',
        }),
      });
    }
  },
};
