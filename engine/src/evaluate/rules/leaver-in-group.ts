// S5: leavers hand over confidential information — an employee who left the company (roster leave_date)
// but is still in the group after confidentiality.leaverGraceDays, listed with the handover action.
import { who, whoEn } from '../describe.js';
import { DAY } from '../time.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const leaverInGroup: EvalRule = {
  code: 'leaver-in-group',
  clause: 'S5',
  needs: ['members', 'employees'],
  path: ['confidentiality', 'handoverAction'],
  doc: {
    summary: t(
      '已离职员工（花名册 leave_date）在宽限期后仍在群内；列出交接措施并建议移出。',
      'An employee who has left (roster leave_date) is still in the group after the grace period; listed with the handover action and for removal.',
    ),
    example: t(
      'leaverGraceDays: 3；zhaoyi 的 leave_date 为 11 月 10 日，到月末仍在群（members.left_at 为空）→ 一条发现（action: handover）；11 月 12 日退群的不报告。',
      "leaverGraceDays: 3; zhaoyi's leave_date is 10 Nov and they are still in the group at month end (no members.left_at) → one finding (action: handover); one who left the group on 12 Nov is not.",
    ),
    computed: t(
      '截止时刻＝leave_date + leaverGraceDays 天。截止时刻早于月末，且成员的 left_at 为空或晚于截止时刻，则为一条发现；action 为 handoverAction（默认 handover）。',
      "Deadline = leave_date + leaverGraceDays days. A deadline before the month end with the member's left_at empty or after the deadline is a finding; action is handoverAction (default handover).",
    ),
    configuration: t(
      '`confidentiality.leaverGraceDays`（默认 0）、`confidentiality.handoverAction`；需要 employees 表。',
      '`confidentiality.leaverGraceDays` (default 0), `confidentiality.handoverAction`; needs the employees table.',
    ),
  },
  run(ctx) {
    const action = ctx.policy.confidentiality?.handoverAction ?? 'handover';
    for (const m of ctx.memberships.values()) {
      const leave = m.employee?.leave_date;
      if (leave === undefined) continue;
      const deadline = leave + ctx.settings.leaverGraceDays * DAY;
      if (deadline >= ctx.month.end) continue;
      if (m.row.left_at !== undefined && m.row.left_at <= deadline) continue;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'error',
        groupId: m.groupId,
        memberId: m.memberId,
        path: this.path,
        action,
        evidence: {
          leaveDate: ctx.month.iso(leave),
          graceDays: ctx.settings.leaverGraceDays,
          leftGroupAt: m.row.left_at === undefined ? null : ctx.month.iso(m.row.left_at),
        },
        message: t('{who}已于 {iso} 离职，仍在群内：须交接并移出', '{whoEn} left the company on {iso} but is still in the group: hand over and remove', {
          who: who(ctx, m.groupId, m.memberId),
          iso: ctx.month.iso(leave).slice(0, 10),
          whoEn: whoEn(ctx, m.groupId, m.memberId),
        }),
      });
    }
  },
};
