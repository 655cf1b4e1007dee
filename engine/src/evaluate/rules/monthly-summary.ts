// A4: admins summarise regularly and report members' learning — one summary per governed group,
// written after every other rule so its counts are final.
import { groupName } from '../describe.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const monthlySummary: EvalRule = {
  code: 'monthly-summary',
  clause: 'A4',
  needs: ['members', 'messages'],
  path: ['groups'],
  doc: {
    summary: t(
      '每个受管群的月度小结：成员数、学员数、消息数、提问数和各评级人数。',
      'Monthly summary of each governed group: members, learners, messages, questions and how many got each overall rating.',
    ),
    example: t(
      '群 wrSkillSales 11 月有 48 名成员、2,930 条消息 → 一条 info 级发现，证据中有各项计数。',
      'Group wrSkillSales had 48 members and 2,930 messages in November → one info finding with the counts as evidence.',
    ),
    computed: t(
      '对 groups 中的每个群（在数据中出现的）：members＝本月在群成员数，learners＝其中非管理员/讲师人数，messages＝本月消息数，overall＝综合评级 → 人数。',
      'For each group in groups that appears in the data: members = members during the month, learners = those not admins/lecturers, messages = messages this month, overall = overall rating → count.',
    ),
    configuration: t('`groups`。', '`groups`.'),
  },
  run(ctx) {
    const groupIds = [...ctx.groups].filter((g) => ctx.scan.messagesByGroup.has(g) || [...ctx.memberships.values()].some((m) => m.groupId === g)).sort();
    groupIds.forEach((groupId) => {
      const members = [...ctx.memberships.values()].filter((m) => m.groupId === groupId);
      const overall: Record<string, number> = {};
      for (const m of members) {
        const rating = ctx.ratings.get(m.key)?.ratings.overall;
        if (rating) overall[rating] = (overall[rating] ?? 0) + 1;
      }
      const messages = ctx.scan.messagesByGroup.get(groupId) ?? 0;
      const learners = members.filter((m) => !m.staff).length;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'info',
        groupId,
        memberId: null,
        path: ['groups', ctx.policy.groups.indexOf(groupId)],
        evidence: { members: members.length, learners, messages, overall: Object.fromEntries(Object.entries(overall).sort()) },
        message: t(
          '{group}本月：成员 {length} 人（学员 {learners} 人），消息 {messages} 条',
          '{group} this month: {length} members ({learners} learners), {messages} messages',
          { group: groupName(ctx, groupId), length: members.length, learners, messages },
        ),
      });
    });
  },
};
