// C3: content is updated regularly — no gap longer than publishing.updateIntervalDays between two new
// materials, counted inside the month (from its start, to its end).
import { DAY } from '../time.js';
import { groupName, round1 } from '../describe.js';
import { t } from '../../i18n/localized-text.js';
import { trackerOf } from '../scan/tracker-spec.js';
import { materialTracker } from './material-tracker.js';
import type { EvalRule } from './rule.js';

export const staleMaterials: EvalRule = {
  code: 'stale-materials',
  clause: 'C3',
  needs: ['messages'],
  trackers: [materialTracker],
  settings: [['publishing', 'updateIntervalDays']],
  path: ['publishing', 'updateIntervalDays'],
  doc: {
    summary: t('群内超过 updateIntervalDays 天没有新资料。', 'A group went longer than updateIntervalDays days without new material.'),
    example: t(
      'updateIntervalDays: 10；11 月资料在 3 日和 20 日发布 → 3 日到 20 日间隔 17 天 → 一条发现（10 日整的间隔不报告）。',
      'updateIntervalDays: 10; in November materials were posted on the 3rd and the 20th → a 17-day gap → one finding (a gap of exactly 10 days is not).',
    ),
    computed: t(
      '对每个受管群，取本月 type 在 materialTypes 中、且发送者有发布权限的消息时间，依次计算月初→第一份、相邻两份、最后一份→月末的间隔；间隔 > updateIntervalDays × 24 小时即一条发现（每个间隔一条）。上月的资料不可见，所以月初的间隔从月初算起。',
      "For each governed group, take the times of this month's messages whose type is in materialTypes and whose sender may publish; the gaps month start → first, between neighbours, and last → month end; each gap > updateIntervalDays × 24 h is a finding. Last month's materials are not visible, so the first gap starts at the month start.",
    ),
    configuration: t('`publishing.updateIntervalDays`、`publishing.materialTypes`。', '`publishing.updateIntervalDays`, `publishing.materialTypes`.'),
  },
  run(ctx) {
    const days = ctx.policy.publishing!.updateIntervalDays!;
    const limit = days * DAY;
    for (const groupId of [...ctx.groups].sort()) {
      if (!ctx.scan.messagesByGroup.has(groupId)) continue;
      const times = trackerOf(ctx, materialTracker)
        .materials.filter((m) => m.groupId === groupId && m.sentAt >= ctx.month.start && m.sentAt < ctx.month.end)
        .filter(
          (m) =>
            ctx.memberships.get(`${m.groupId}\u0000${m.senderId}`)?.publisher || ctx.settings.publishers.has(m.senderId) || ctx.settings.admins.has(m.senderId),
        )
        .map((m) => m.sentAt)
        .sort((a, b) => a - b);
      const points = [ctx.month.start, ...times, ctx.month.end];
      for (let i = 1; i < points.length; i++) {
        const gap = points[i]! - points[i - 1]!;
        if (gap <= limit) continue;
        const gapDays = round1(gap / DAY);
        ctx.report({
          code: this.code,
          clause: this.clause,
          severity: 'warning',
          groupId,
          memberId: null,
          path: this.path,
          evidence: {
            from: ctx.month.iso(points[i - 1]!),
            to: ctx.month.iso(points[i]!),
            gapDays,
            updateIntervalDays: days,
            fromMonthStart: i === 1,
            toMonthEnd: i === points.length - 1,
          },
          message: t(
            '{group}有 {gapDays} 天没有发布新资料（要求至少每 {days} 天更新一次）',
            '{group} went {gapDays} days without new material (limit {days} days)',
            { group: groupName(ctx, groupId), gapDays, days },
          ),
        });
      }
    }
  },
};
