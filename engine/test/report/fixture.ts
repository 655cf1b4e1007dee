// A hand-made EvaluationResult for the report views: two policies, four members, five findings —
// small enough that every number in the reports below can be checked by eye.
import type { EvaluationResult, Finding } from '../../src/evaluate/result-types.js';
import type { LabelBook } from '../../src/report/index.js';
import { localized } from '../../src/i18n/localized-text.js';

const rule = (path: string, line: number) => ({ file: 'examples/policies/onboarding.qungui.yaml', path, line, column: 3 });

const finding = (f: Omit<Finding, 'policyId' | 'severity'> & Partial<Pick<Finding, 'policyId' | 'severity'>>): Finding => ({
  policyId: 'onboarding',
  severity: 'warning',
  ...f,
});

export const fixture: EvaluationResult = {
  version: 1,
  month: '2026-10',
  policies: [
    { id: 'onboarding', file: 'examples/policies/onboarding.qungui.yaml', sha256: 'a'.repeat(64), name: '新员工培训群' },
    { id: 'management', file: 'examples/policies/management.qungui.yaml', sha256: 'b'.repeat(64), name: '管理培训群' },
  ],
  members: [
    {
      groupId: 'wrOnboard2026',
      memberId: 'n01',
      name: '张博',
      policyId: 'onboarding',
      ratings: { assignments: 'excellent', tests: 'good', participation: 'good', overall: 'excellent' },
      metrics: { activeDays: 12, accuracy: 91.5, lastActiveAt: 1792900000000 },
      points: 3,
      actions: [],
    },
    {
      groupId: 'wrOnboard2026',
      memberId: 'n02',
      name: '李娜',
      policyId: 'onboarding',
      ratings: { assignments: 'fail', tests: null, participation: 'pass', overall: 'fail' },
      metrics: { activeDays: 2 },
      points: -2,
      actions: ['coach', 'warn'],
    },
    {
      groupId: 'wrOnboard2026',
      memberId: 'wmExt001',
      name: null,
      policyId: 'onboarding',
      ratings: { assignments: null, tests: null, participation: 'pass', overall: 'pass' },
      metrics: {},
      points: 0,
      actions: [],
    },
    {
      groupId: 'wrMgmtLead',
      memberId: 'm01',
      name: '王强',
      policyId: 'management',
      ratings: { assignments: null, tests: null, participation: null, overall: 'good' },
      metrics: {},
      points: 1,
      actions: [],
    },
  ],
  findings: [
    finding({
      code: 'N4-unreported-ad',
      clause: 'N4',
      groupId: 'wrOnboard2026',
      memberId: 'n02',
      rule: rule('content.rules[0]', 41),
      evidence: { messageId: 'msg-0101', sentAt: '2026-10-03T09:15:00+08:00', category: 'ads', excerpt: '加我微信，代办信用卡，"秒批"' },
      message: localized('未报备的广告', 'Unreported advertisement'),
      action: 'review',
    }),
    finding({
      code: 'S2-personal-info',
      clause: 'S2',
      severity: 'error',
      groupId: 'wrOnboard2026',
      memberId: 'n02',
      rule: rule('content.rules[1]', 47),
      evidence: { messageId: 'msg-0102', sentAt: '2026-10-04T10:00:00+08:00', category: 'personal-info', excerpt: '我的电话 13812345678 有事找我' },
      message: localized('群内泄露个人信息', 'Personal information posted'),
      action: 'review',
    }),
    finding({
      code: 'M1-no-application',
      clause: 'M1',
      severity: 'error',
      groupId: 'wrOnboard2026',
      memberId: 'wmExt001',
      rule: rule('membership.application', 12),
      evidence: { joinedAt: '2026-10-05T08:00:00+08:00' },
      message: localized('入群没有已批准的申请', 'No approved application'),
      action: 'remove',
    }),
    finding({
      code: 'S5-leaver-in-group',
      clause: 'S5',
      severity: 'error',
      groupId: 'wrOnboard2026',
      memberId: 'n01',
      rule: rule('membership.leavers', 20),
      evidence: { leftCompanyOn: '2026-10-20' },
      message: localized('已离职仍在群内', 'Leaver still in the group'),
      action: 'handover',
    }),
    finding({
      code: 'N5-unanswered-question',
      clause: 'N5',
      severity: 'info',
      groupId: 'wrOnboard2026',
      memberId: 'n01',
      rule: rule('participation.questions', 66),
      evidence: { messageId: 'msg-0200', fileName: '=HYPERLINK("x")' },
      message: localized('提问 24 小时内无人回复', 'Question unanswered for 24 hours'),
    }),
  ],
  notEvaluated: [{ clause: 'C3', policyId: 'management', reason: localized('缺少 materials 数据', 'no materials data') }],
  staff: 2,
  ungovernedGroups: [{ groupId: 'wrOther', messages: 7, members: 3 }],
  data: { rows: { members: 4, messages: 120 }, rejected: 1, counts: { messages: { read: 121, accepted: 120, rejected: 1 } } },
};

const ratings = {
  excellent: localized('优秀', 'Excellent'),
  good: localized('良好', 'Good'),
  pass: localized('合格', 'Pass'),
  fail: localized('不合格', 'Fail'),
};

export const labels: LabelBook = {
  onboarding: {
    ratings,
    actions: { coach: localized('导师辅导', 'Coaching'), warn: localized('书面提醒', 'Written reminder') },
    categories: { ads: localized('广告', 'Ads'), 'personal-info': localized('个人信息', 'Personal data') },
  },
  management: { ratings, actions: {}, categories: {} },
};
