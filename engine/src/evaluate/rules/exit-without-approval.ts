// M4 voluntary exit: tell the admin first and leave with their consent (an approved exit request).
import { who, whoEn } from '../describe.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const exitWithoutApproval: EvalRule = {
  code: 'exit-without-approval',
  clause: 'M4',
  needs: ['members', 'exits'],
  path: ['membership', 'exit', 'requireApproval'],
  doc: {
    summary: t('成员退群前没有获批的退群申请。', 'A member left the group without an approved exit request.'),
    example: t(
      'wujiu 于 11 月 12 日退群（members.left_at），exits 中没有其在该时间之前提出且获批的申请 → 一条发现。',
      'wujiu left on 12 Nov (members.left_at) with no approved exit request made before that → one finding.',
    ),
    computed: t(
      '对本月退群（left_at 在本月）的每位成员：exits 中需有同群同成员、decision 为 approved、requested_at ≤ left_at 的行；没有则为一条发现。requireApproval 为 false 时不检查。',
      'For each member who left this month (left_at in the month): the exits table must have a row for the same group and member with decision approved and requested_at ≤ left_at; otherwise a finding. Skipped when requireApproval is false.',
    ),
    configuration: t(
      '`membership.exit.requireApproval`（默认 true）；需要 exits 表。',
      '`membership.exit.requireApproval` (default true); needs the exits table.',
    ),
  },
  run(ctx) {
    if (!ctx.settings.requireExitApproval) return;
    for (const m of ctx.memberships.values()) {
      const left = m.row.left_at;
      if (left === undefined || left < ctx.month.start || left >= ctx.month.end) continue;
      const exits = ctx.data.rows.exits.filter((e) => e.group_id === m.groupId && e.member_id === m.memberId);
      if (exits.some((e) => e.decision === 'approved' && e.requested_at <= left)) continue;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'warning',
        groupId: m.groupId,
        memberId: m.memberId,
        path: this.path,
        evidence: { leftAt: ctx.month.iso(left), exits: exits.map((e) => ({ requestedAt: ctx.month.iso(e.requested_at), decision: e.decision ?? null })) },
        message: t('{who}未经批准退群', '{whoEn} left without an approved exit', {
          who: who(ctx, m.groupId, m.memberId),
          whoEn: whoEn(ctx, m.groupId, m.memberId),
        }),
      });
    }
  },
};
