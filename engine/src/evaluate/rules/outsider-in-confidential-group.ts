// S4: confidential content must not reach outsiders — non-employees who are members of a group in which
// confidential content (S1/S2 categories, detectors, or categories marked confidential) was posted.
import { who, whoEn } from '../describe.js';
import { localized, t } from '../../i18n/localized-text.js';
import { hasContentRules } from './content-rule.js';
import type { EvalRule } from './rule.js';

/** Why a member is not a current employee, in words (the evidence keeps the code). */
const OUTSIDER_TEXT = {
  external: localized('是外部联系人', 'is an external contact'),
  'not-in-roster': localized('不在员工花名册中', 'is not in the employee roster'),
  'left-company': localized('已离职', 'has left the company'),
} as const;

export const outsiderInConfidentialGroup: EvalRule = {
  code: 'outsider-in-confidential-group',
  clause: 'S4',
  needsMatcher: true,
  needs: ['members', 'messages'],
  path: ['confidentiality', 'externalIdPrefixes'],
  precondition: (ctx) =>
    hasContentRules(ctx, 'S1') && hasContentRules(ctx, 'S2') && !(ctx.policy.content?.categories ?? []).some((c) => c.confidential)
      ? t(
          '群规没有保密类别或检测器（S1/S2），无法判断群内是否出现保密内容',
          'The policy has no confidential categories or detectors (S1/S2) to tell whether confidential content was posted',
        )
      : undefined,
  doc: {
    summary: t(
      '群内出现过保密内容，而群里有非本公司员工（外部联系人、花名册中没有的人、已离职员工）。',
      'Confidential content was posted in a group that has non-employees (external contacts, people not in the roster, employees who have left).',
    ),
    example: t(
      '群内 11 月 8 日有一条命中“客户名单”（S1）；外部联系人 wmAbc123 本月在群 → 一条发现，证据列出该群的保密命中条数和第一条的消息 id。',
      "A message in the group matched 客户名单 (S1) on 8 Nov; external contact wmAbc123 was a member this month → one finding with the group's confidential match count and the first message id.",
    ),
    computed: t(
      '外部人员＝members.external 为 true，或 id 以 externalIdPrefixes 开头，或（有 employees 表时）花名册中没有此人，或其 leave_date 早于月初。保密命中＝类别 confidential（S1/S2 默认 true）或检测器的命中。本月有保密命中的群中，每位外部人员一条发现（action: review）。',
      'Outsider = members.external true, or an id starting with one of externalIdPrefixes, or (with an employees table) not in the roster, or a leave_date before the month. Confidential match = a match of a confidential category (S1/S2 by default) or a detector. In each group with a confidential match this month, each outsider is a finding (action: review).',
    ),
    configuration: t(
      '`confidentiality.externalIdPrefixes`（默认 [wm, wo]）、`content.categories[].confidential`、`content.detectors`。',
      '`confidentiality.externalIdPrefixes` (default [wm, wo]), `content.categories[].confidential`, `content.detectors`.',
    ),
  },
  run(ctx) {
    const byGroup = new Map<string, { count: number; first: string }>();
    for (const hits of ctx.scan.hits.byMessage({ confidential: true })) {
      const { groupId, messageId } = hits[0]!;
      const seen = byGroup.get(groupId);
      if (seen) seen.count += hits.length;
      else byGroup.set(groupId, { count: hits.length, first: messageId });
    }
    const roster = ctx.present.has('employees');
    for (const m of ctx.memberships.values()) {
      const confidential = byGroup.get(m.groupId);
      if (!confidential) continue;
      const reason = m.external
        ? 'external'
        : roster && !m.employee
          ? 'not-in-roster'
          : m.employee?.leave_date !== undefined && m.employee.leave_date < ctx.month.start
            ? 'left-company'
            : undefined;
      if (!reason) continue;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'warning',
        groupId: m.groupId,
        memberId: m.memberId,
        path: this.path,
        action: 'review',
        evidence: { reason, confidentialMatches: confidential.count, firstMessageId: confidential.first },
        message: t('{who}{value}，而群内出现过 {count} 处保密内容', '{whoEn} {value}, in a group where {count} confidential matches were posted', {
          who: who(ctx, m.groupId, m.memberId),
          value: OUTSIDER_TEXT[reason],
          count: confidential.count,
          whoEn: whoEn(ctx, m.groupId, m.memberId),
        }),
      });
    }
  },
};
