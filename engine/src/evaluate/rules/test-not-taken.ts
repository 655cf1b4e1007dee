// E2: online tests are held from time to time — a learner who did not take a test held in their group.
import { testsHeldWhileMember } from '../activity.js';
import { whenText, who, whoEn } from '../describe.js';
import { learners } from '../learners.js';
import { t } from '../../i18n/localized-text.js';
import type { EvalRule } from './rule.js';

export const testNotTaken: EvalRule = {
  code: 'test-not-taken',
  clause: 'E2',
  needs: ['members', 'tests'],
  path: ['assessment', 'tests'],
  doc: {
    summary: t('学员没有参加群里本月举行的测试（计 0 分）。', 'A learner did not take a test held in their group this month (counts as 0).'),
    example: t(
      '测试 quiz-11 于 11 月 15 日举行（tests 表中有该 test_id 的成绩）；qianer 当时在群但没有成绩 → 一条发现。',
      'Test quiz-11 was held on 15 Nov (the tests table has results for it); qianer was a member then and has no result → one finding.',
    ),
    computed: t(
      '“本月举行的测试”＝本群 taken_at 在本月的成绩行中出现的 test_id；举行时间取最早的 taken_at。举行时在群（已入群、未退群）的学员没有该测试的成绩行则为一条发现，测试分计 0（见 test-rating-fail）。',
      "Tests held this month = test_ids in this group's result rows dated this month; held at the earliest taken_at. A learner in the group at that time (joined, not yet left) with no row for the test is a finding, and the test counts 0 (see test-rating-fail).",
    ),
    configuration: t('无专门设置；需要 tests 表。', 'No setting of its own; needs the tests table.'),
  },
  run(ctx) {
    for (const m of learners(ctx)) {
      for (const { testId, heldAt, rows } of testsHeldWhileMember(ctx, m)) {
        if (rows.some((r) => r.member_id === m.memberId)) continue;
        ctx.report({
          code: this.code,
          clause: this.clause,
          severity: 'warning',
          groupId: m.groupId,
          memberId: m.memberId,
          path: this.path,
          evidence: { testId, heldAt: ctx.month.iso(heldAt) },
          message: t('{who}未参加 {whenText} 的测试', '{whoEn} did not take the test of {whenText}', {
            who: who(ctx, m.groupId, m.memberId),
            whenText: whenText(ctx, heldAt),
            whoEn: whoEn(ctx, m.groupId, m.memberId),
          }),
        });
      }
    }
  },
};
