// M5: members who long take no part may be removed — no message, submission or attendance for
// membership.removal.inactiveDays days while a member for at least that long.
import { who, whoEn } from '../describe.js';
import { DAY } from '../time.js';
import { lastActivity } from '../last-activity.js';
import { learners } from '../learners.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const removalInactive: EvalRule = {
  code: 'removal-inactive',
  clause: 'M5',
  needs: ['members', 'messages'],
  settings: [['membership', 'removal', 'inactiveDays']],
  path: ['membership', 'removal', 'inactiveDays'],
  doc: {
    summary: t(
      '长期不参与（连续 N 天无发言、提交或出勤）的成员，列为移出候选。',
      'A member inactive (no message, submission or attendance) for N days is a removal candidate.',
    ),
    example: t(
      'inactiveDays: 20；11 月，qianshi 10 月 1 日入群，最后一次发言在 11 月 5 日 → 到月末 25 天无活动 → 一条发现；最后发言在 11 月 11 日（19 天）的成员不报告。',
      'inactiveDays: 20; in November, qianshi joined on 1 Oct and last posted on 5 Nov → 25 days without activity at month end → one finding; a member who last posted on 11 Nov (19 days) is not.',
    ),
    computed: t(
      '参照时刻为月末（下月第一刻）。最后活动＝本月最后一条非系统消息、提交或出勤的时间；本月没有活动时取 --history 中上月结果的 metrics.lastActiveAt；都没有时取 max(入群时间, 月初)（没有历史数据时，一个月的数据最多只能证明一个月的不活跃）。不活跃天数＝floor((参照时刻 − max(最后活动, 入群时间)) / 1 天)；入群天数＝floor((参照时刻 − 入群时间) / 1 天)。两者都 ≥ inactiveDays 且月末仍在群中则为一条发现。管理员和讲师不计。',
      "The reference is the month end (first instant of the next month). Last activity = latest non-system message, submission or attendance this month; without any, metrics.lastActiveAt from last month's result in --history; without that, max(join time, month start) (without history one month of data proves at most a month of inactivity). Inactive days = floor((reference − max(last activity, join time)) / 1 day); membership days = floor((reference − join time) / 1 day). Both ≥ inactiveDays, and still a member at month end, is a finding. Admins and lecturers are not counted.",
    ),
    configuration: t('`membership.removal.inactiveDays`；可选 --history。', '`membership.removal.inactiveDays`; optional --history.'),
  },
  run(ctx) {
    const days = ctx.policy.membership!.removal!.inactiveDays!;
    const reference = ctx.month.end;
    for (const m of learners(ctx)) {
      if (m.row.left_at !== undefined && m.row.left_at < reference) continue;
      const last = lastActivity(ctx, m);
      const since = Math.max(last.at ?? Math.max(m.row.joined_at, ctx.month.start), m.row.joined_at);
      const inactive = Math.floor((reference - since) / DAY);
      const memberDays = Math.floor((reference - m.row.joined_at) / DAY);
      if (inactive < days || memberDays < days) continue;
      ctx.report({
        code: this.code,
        clause: this.clause,
        severity: 'warning',
        groupId: m.groupId,
        memberId: m.memberId,
        path: this.path,
        action: 'remove',
        evidence: {
          inactiveDays: inactive,
          memberDays,
          lastActiveAt: last.at === undefined ? null : ctx.month.iso(last.at),
          lastActiveSource: last.source,
          threshold: days,
        },
        message: t(
          '{who}已连续 {inactive} 天未参与（上限 {days} 天），建议移出',
          '{whoEn} has not taken part for {inactive} days in a row (limit {days}): removal candidate',
          { who: who(ctx, m.groupId, m.memberId), inactive, days, whoEn: whoEn(ctx, m.groupId, m.memberId) },
        ),
      });
    }
  },
};
