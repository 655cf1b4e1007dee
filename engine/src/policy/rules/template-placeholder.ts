// What `qungui init` leaves for people to fill in: a placeholder room id, no admins, no reviewers.
// A policy that still has them validates, but governs no real room or leaves A1/A3/M1 to nobody.
import { at, isRec, list } from '../model/view.js';
import type { PolicyRule } from './rule.js';
import { localized } from '../../i18n/localized-text.js';

/** The room id `qungui init` writes when it was given none. */
export const PLACEHOLDER_ROOM = 'wrReplaceWithRoomId';

export const templatePlaceholder: PolicyRule = {
  code: 'template-placeholder',
  check(ctx) {
    list(at(ctx.policy, 'groups')).forEach((room, i) => {
      if (room !== PLACEHOLDER_ROOM) return;
      ctx.report({
        code: 'template-placeholder',
        severity: 'warning',
        path: ['groups', i],
        message: localized(
          '群聊 ID 还是 qungui init 留下的占位符“{PLACEHOLDER_ROOM}”：请换成企业微信群的 roomid（或微信群 ID）',
          "The room id is still qungui init''s placeholder “{PLACEHOLDER_ROOM}”: put the WeCom roomid (or WeChat group id) here",
          { PLACEHOLDER_ROOM },
        ),
      });
    });
    const admins = at(ctx.policy, 'admins');
    if (Array.isArray(admins) && admins.length === 0) {
      ctx.report({
        code: 'template-placeholder',
        severity: 'warning',
        path: ['admins'],
        message: localized(
          '还没有填写管理员：管理员负责审核入群、制止违规并接收处理清单（A1、A3），请填写他们的成员 ID',
          'No admins yet: admins review joins, stop violations and receive the work queue (A1, A3); add their member ids',
        ),
      });
    }
    const application = at(ctx.policy, 'membership', 'application');
    const reviewers = isRec(application) ? application.reviewers : undefined;
    if (Array.isArray(reviewers) && reviewers.length === 0) {
      ctx.report({
        code: 'template-placeholder',
        severity: 'warning',
        path: ['membership', 'application', 'reviewers'],
        message: localized(
          '还没有填写入群审核人（M1）：没有审核人，每份获批的申请都会被报告为非指定审核人批准',
          'No join reviewers yet (M1): without them every approved application is reported as approved by a non-reviewer',
        ),
      });
    }
  },
};
