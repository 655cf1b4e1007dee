// N1 N2 N4 N5 S1 S2 S4 S5 and E2 E4 E5 E6 R1 R2 on small hand-computed bundles.
import { describe, expect, test } from 'vitest';
import { at, findingsOf, flagged, member, msg, policy, run } from './helpers.js';

const content = policy(`content:
  categories:
    - { id: insult, label: 侮辱, labelEn: Insults, clause: N1, terms: [废物] }
    - { id: mock, label: 嘲讽, clause: N2, terms: [笑死人] }
    - { id: ads, label: 广告, clause: N4, exemptible: true, terms: [代购] }
    - { id: customer, label: 客户信息, clause: S1, terms: [客户名单] }
    - { id: strategy, label: 未发布策略, clause: S2, terms: [提价计划] }
  detectors: [phone]
responsiveness:
  questionReplyHours: 12
confidentiality:
  leaverGraceDays: 3
  handoverAction: handover
outcomes:
  actions:
    - { id: handover, label: 交接 }
`);

describe('content clauses', () => {
  test('N1 N2 S1 S2 matches with masked excerpts; N4 covered by an exemption is not reported', async () => {
    const result = await run(content, {
      members: [member('a'), member('b')],
      exemptions: [
        {
          exemption_id: 'ex1',
          group_id: 'g1',
          member_id: 'b',
          category: 'ads',
          valid_from: at('2026-11-01 00:00'),
          valid_to: at('2026-11-10 00:00'),
          approved_by: 'admin1',
        },
      ],
      messages: [
        msg('a', '2026-11-02 09:00', '你真是废物'),
        msg('a', '2026-11-02 10:00', '这也太笑死人了'),
        msg('a', '2026-11-03 09:00', '代购面膜'),
        msg('b', '2026-11-03 09:00', '代购面膜'),
        msg('b', '2026-11-11 09:00', '代购面膜'), // exemption expired
        msg('a', '2026-11-04 09:00', '客户名单在我这，电话13812345678'),
        msg('a', '2026-11-04 10:00', '明年提价计划'),
      ],
    });
    expect(flagged(result, 'insulting-language')).toEqual(['a']);
    expect(flagged(result, 'disrespectful-language')).toEqual(['a']);
    expect(findingsOf(result, 'banned-content').map((f) => [f.memberId, f.evidence.sentAt])).toEqual([
      ['a', '2026-11-03T09:00:00+08:00'],
      ['b', '2026-11-11T09:00:00+08:00'],
    ]);
    expect(findingsOf(result, 'confidential-content').map((f) => [f.evidence.category, f.evidence.matched, f.evidence.excerpt, f.rule.path])).toEqual([
      ['customer', '客户名单', '客户名单在我这，电话138******78', 'content.categories[3].terms[0]'],
      ['phone', '138******78', '客户名单在我这，电话138******78', 'content.detectors[0]'],
    ]);
    expect(flagged(result, 'unreleased-information')).toEqual(['a']);
    // Messages name the category in each language: labelEn where given, else the id.
    expect(findingsOf(result, 'insulting-language')[0]!.message).toEqual({
      'zh-CN': 'a 的消息含不文明用语（侮辱）：“你真是废物”',
      // The quoted message is the member's own text: never converted.
      'zh-TW': 'a 的訊息含不文明用語（侮辱）：“你真是废物”',
      en: 'a posted uncivil language (Insults): “你真是废物”',
    });
    expect(findingsOf(result, 'disrespectful-language')[0]!.message.en).toContain('(mock)');
  });

  test('content that cannot be compiled: exactly the rules that read matches are not evaluated, with the reason', async () => {
    const result = await run(
      content,
      { members: [member('a')], messages: [msg('a', '2026-11-02 09:00', '你真是废物')] },
      {
        compileMatcher: () => {
          throw new Error('bad term');
        },
      },
    );
    const reason = '内容规则无法编译，未检查消息内容：bad term';
    expect(
      result.notEvaluated
        .filter((n) => n.reason['zh-CN'] === reason)
        .map((n) => n.code)
        .sort(),
    ).toEqual([
      'banned-content',
      'confidential-content',
      'confidential-forwarded',
      'disrespectful-language',
      'insulting-language',
      'outsider-in-confidential-group',
      'unreleased-information',
      'violation-not-stopped',
    ]); // removal-violations (M5) reads matches too, but this policy sets no removal limit: that reason comes first
    expect(flagged(result, 'insulting-language')).toEqual([]);
    expect(flagged(result, 'monthly-summary')).toEqual(['@g1']); // the rest of the month still runs
  });

  test('--no-redact shows numbers; excerpts never exceed 40 characters', async () => {
    const long = `${'一'.repeat(60)}废物${'二'.repeat(60)}`;
    const result = await run(
      content,
      { members: [member('a')], messages: [msg('a', '2026-11-02 09:00', long), msg('a', '2026-11-02 10:00', '电话13812345678')] },
      { redact: false },
    );
    const excerpts = result.findings.filter((f) => typeof f.evidence.excerpt === 'string').map((f) => f.evidence.excerpt as string);
    expect(Math.max(...excerpts.map((e) => Array.from(e).length))).toBe(40);
    expect(findingsOf(result, 'insulting-language')[0]!.evidence.excerpt).toBe(`…${'一'.repeat(18)}废物${'二'.repeat(18)}…`);
    expect(findingsOf(result, 'confidential-content')[0]!.evidence.excerpt).toBe('电话13812345678');
  });

  test('N5: no reply within 12 h is flagged; a reply_to at 12 h or an @mention answers', async () => {
    const q1 = msg('a', '2026-11-05 09:00', '请问模板在哪里？');
    const q2 = msg('a', '2026-11-06 09:00', '请问考试几点？');
    const q3 = msg('b', '2026-11-07 09:00', '这个怎么做');
    const result = await run(content, {
      members: [member('a', { name: '张三' }), member('b', { name: '李四' }), member('c')],
      messages: [
        q1,
        msg('a', '2026-11-05 10:00', '自己顶一下', { reply_to: q1.message_id }),
        msg('c', '2026-11-05 21:01', '在群文件', { reply_to: q1.message_id }),
        q2,
        msg('c', '2026-11-06 21:00', '晚上八点', { reply_to: q2.message_id }),
        q3,
        msg('c', '2026-11-07 12:00', '@李四 看第三章'),
        msg('c', '2026-11-30 20:00', '有人知道吗？'), // window ends after the month: not judged
      ],
    });
    expect(findingsOf(result, 'unanswered-question').map((f) => f.evidence.messageId)).toEqual([q1.message_id]);
    const c = result.members.find((m) => m.memberId === 'c')!;
    expect([c.metrics.repliesGiven, c.metrics.questionsAnswered]).toEqual([2, 2]);
  });

  test('S4: outsiders in a group with confidential matches; forwarded records with confidential content', async () => {
    const result = await run(content, {
      members: [member('a'), member('wmOut'), member('ext', { external: true }), member('emp')],
      employees: [
        { employee_id: 'a', name: 'a', employment_status: '正式' },
        { employee_id: 'emp', name: 'emp', employment_status: '正式' },
      ],
      messages: [msg('a', '2026-11-02 09:00', '', { type: 'chatrecord', forwarded: ['你好', '客户名单发你'] })],
    });
    expect(findingsOf(result, 'outsider-in-confidential-group').map((f) => [f.memberId, f.evidence.reason])).toEqual([
      ['ext', 'external'],
      ['wmOut', 'external'],
    ]);
    expect(findingsOf(result, 'confidential-forwarded').map((f) => [f.memberId, f.evidence.excerpt, f.evidence.forwarded])).toEqual([
      ['a', '客户名单发你', true],
    ]);
  });

  test('S4 without any confidential match: nobody is flagged', async () => {
    const result = await run(content, { members: [member('wmOut')], messages: [msg('wmOut', '2026-11-02 09:00', '你好')] });
    expect(flagged(result, 'outsider-in-confidential-group')).toEqual([]);
  });

  test('S5: leaver still in the group after 3 grace days; one who left the group on day 3 is not', async () => {
    const leave = at('2026-11-10 00:00');
    const result = await run(content, {
      members: [member('stay'), member('gone', { left_at: leave + 3 * 86_400_000 })],
      employees: [
        { employee_id: 'stay', name: 'stay', employment_status: '离职', leave_date: leave },
        { employee_id: 'gone', name: 'gone', employment_status: '离职', leave_date: leave },
      ],
      messages: [],
    });
    expect(findingsOf(result, 'leaver-in-group').map((f) => [f.memberId, f.action])).toEqual([['stay', 'handover']]);
  });
});

const rated = policy(
  `ratings:
  - { id: excellent, label: 优秀 }
  - { id: good, label: 良好 }
  - { id: pass, label: 合格 }
  - { id: fail, label: 不合格 }
assessment:
  assignments:
    bands:
      - { rating: good, min: { accuracy: 80, completeness: 80 } }
      - { rating: pass, min: { accuracy: 60, completeness: 60 } }
      - { rating: fail }
  tests:
    bands: [ { rating: excellent, min: 90 }, { rating: pass, min: 60 }, { rating: fail } ]
  participation:
    bands:
      - { rating: excellent, min: { activeDays: 3, contentMessages: 3 }, when: attendanceRate >= 80.0 }
      - { rating: pass, min: { activeDays: 2 } }
      - { rating: fail }
  overall:
    method: weighted
    weights: { assignments: 0.5, tests: 0.3, participation: 0.2 }
    bands: [ { rating: excellent, min: 85 }, { rating: good, min: 65 }, { rating: pass, min: 40 }, { rating: fail } ]
outcomes:
  actions:
    - { id: retake, label: 补考 }
    - { id: reassign, label: 调岗 }
  points: { excellent: 6, good: 3, pass: 0, fail: -4 }
  followUp: { fail: [retake] }
  escalation: { afterConsecutive: 2, action: reassign }
`,
  BASE_NO_RATINGS(),
);

function BASE_NO_RATINGS(): string {
  return `apiVersion: qungui/v1
kind: TrainingGroupPolicy
metadata: { id: test-policy, name: 测试群, kind: skill, timezone: Asia/Shanghai }
groups: [g1]
admins: [admin1]
`;
}

describe('ratings, points and follow-ups', () => {
  const due = at('2026-11-10 18:00');
  const rows = {
    members: [member('top'), member('low')],
    assignments: [
      { assignment_id: 'hw1', group_id: 'g1', due_at: due, announced_at: due - 100 * 3_600_000 },
      { assignment_id: 'hw2', group_id: 'g1', due_at: due + 86_400_000, announced_at: due - 100 * 3_600_000 },
    ],
    submissions: [
      { assignment_id: 'hw1', member_id: 'top', submitted_at: due - 1, accuracy: 70, completeness: 60 },
      { assignment_id: 'hw2', member_id: 'top', submitted_at: due - 1, accuracy: 50, completeness: 60 }, // means 60 / 60 → pass
      { assignment_id: 'hw1', member_id: 'low', submitted_at: due - 1, accuracy: 70, completeness: 60 },
      { assignment_id: 'hw2', member_id: 'low', submitted_at: due - 1, accuracy: 49, completeness: 60 }, // mean accuracy 59.5 → fail
    ],
    tests: [
      { test_id: 't1', group_id: 'g1', member_id: 'top', taken_at: at('2026-11-15 10:00'), score: 45, max_score: 50 }, // 90 → excellent
    ],
    sessions: [
      { session_id: 's1', group_id: 'g1', starts_at: at('2026-11-12 19:00'), platform: 'x', support_id: 'admin1', announced_at: at('2026-11-01 00:00') },
    ],
    attendance: [{ session_id: 's1', member_id: 'top' }],
    messages: [
      msg('top', '2026-11-02 09:00', '今天学习第一章'),
      msg('top', '2026-11-03 09:00', '收到'),
      msg('top', '2026-11-04 09:00', '第二章有个问题'),
      msg('top', '2026-11-04 10:00', '👍'),
      msg('low', '2026-11-02 09:00', '好的'),
      msg('low', '2026-11-10 09:00', '明白了，谢谢分享'),
    ],
  };

  test('E4 E5 E6 bands, overall weighted, R1 points, R2 follow-ups; E2 test not taken', async () => {
    const result = await run(rated, rows);
    const top = result.members.find((m) => m.memberId === 'top')!;
    const low = result.members.find((m) => m.memberId === 'low')!;
    // top: assignments pass (means 60/60), tests excellent (90), participation: activeDays 4 (content on the 2nd and
    // 4th — 收到 and 👍 do not count —, submissions on the 10th, the session on the 12th), contentMessages 2 → not excellent (needs 3) → pass
    expect(top.ratings).toEqual({ assignments: 'pass', tests: 'excellent', participation: 'pass', overall: 'pass' });
    expect(top.metrics).toMatchObject({ accuracy: 60, completeness: 60, score: 90, activeDays: 4, contentMessages: 2, attendanceRate: 100, onTimeRate: 100 });
    // weighted: scores evenly spaced 100/66.7/33.3/0 → 0.5×33.3 + 0.3×100 + 0.2×33.3 = 53.3 → band pass (≥ 40)
    expect(top.metrics.overallScore).toBe(53.3);
    expect([top.points, top.actions]).toEqual([0, []]);
    expect(low.ratings).toEqual({ assignments: 'fail', tests: 'fail', participation: 'fail', overall: 'fail' });
    expect(low.metrics).toMatchObject({ accuracy: 59.5, score: 0, activeDays: 1, contentMessages: 1, attendanceRate: 0 });
    expect([low.points, low.actions]).toEqual([-4, ['retake']]);
    expect(flagged(result, 'assignment-rating-fail')).toEqual(['low']);
    expect(flagged(result, 'test-rating-fail')).toEqual(['low']);
    expect(flagged(result, 'participation-rating-fail')).toEqual(['low']);
    expect(flagged(result, 'test-not-taken')).toEqual(['low']);
    expect(flagged(result, 'points-deducted')).toEqual(['low']);
    expect(result.notEvaluated.map((n) => [n.clause, n.code])).toContainEqual(['R2', 'repeated-fail']);
  });

  test('a member who left the group during the month is listed with metrics but not rated; one who leaves at the month end is', async () => {
    const result = await run(rated, {
      ...rows,
      members: [member('top'), member('low', { left_at: at('2026-11-20 18:00') }), member('stays', { left_at: at('2026-12-01 00:00') })],
    });
    const low = result.members.find((m) => m.memberId === 'low')!;
    expect(low.ratings).toEqual({ assignments: null, tests: null, participation: null, overall: null });
    expect([low.points, low.actions]).toEqual([null, []]);
    expect(low.notRated).toEqual({
      'zh-CN': '2026-11-20 已退群，本月不评级',
      'zh-TW': '2026-11-20 已退群，本月不評級',
      en: 'left the group on 2026-11-20: not rated this month',
    });
    expect(low.metrics).toMatchObject({ accuracy: 59.5, activeDays: 1, contentMessages: 1 });
    for (const code of ['assignment-rating-fail', 'participation-rating-fail', 'points-deducted']) expect(flagged(result, code)).toEqual(['stays']);
    const stays = result.members.find((m) => m.memberId === 'stays')!;
    expect([stays.ratings.overall, stays.points, stays.notRated]).toEqual(['fail', -4, undefined]);
  });

  test('E2 E5: a test held after a member left counts neither as 0 nor as a test not taken', async () => {
    // leaver: in the group for t1 (15 Nov, 29 of 50 → 58 %), gone on the 18th before t2 (25 Nov).
    // Their score is 58 (t1 alone), not (58 + 0) / 2 = 29; no finding for t2. low, still a member,
    // took neither: both count 0 and both are tests not taken.
    const result = await run(rated, {
      ...rows,
      members: [member('top'), member('low'), member('leaver', { left_at: at('2026-11-18 12:00') })],
      tests: [
        { test_id: 't1', group_id: 'g1', member_id: 'top', taken_at: at('2026-11-15 10:00'), score: 45, max_score: 50 },
        { test_id: 't1', group_id: 'g1', member_id: 'leaver', taken_at: at('2026-11-15 11:00'), score: 29, max_score: 50 },
        { test_id: 't2', group_id: 'g1', member_id: 'top', taken_at: at('2026-11-25 10:00'), score: 40, max_score: 50 },
      ],
    });
    expect(result.members.find((m) => m.memberId === 'leaver')!.metrics.score).toBe(58);
    expect(result.members.find((m) => m.memberId === 'top')!.metrics.score).toBe(85);
    expect(result.members.find((m) => m.memberId === 'low')!.metrics.score).toBe(0);
    expect(findingsOf(result, 'test-not-taken').map((f) => [f.memberId, f.evidence.testId])).toEqual([
      ['low', 't1'],
      ['low', 't2'],
    ]);
  });

  test('R2 escalation: fail in October and November → reassign; a gap month breaks the run', async () => {
    const october = {
      version: 1 as const,
      month: '2026-10',
      policies: [],
      findings: [],
      notEvaluated: [],
      ungovernedGroups: [],
      data: { rows: {}, rejected: 0, counts: {} },
      members: [
        {
          groupId: 'g1',
          memberId: 'low',
          name: null,
          policyId: 'test-policy',
          ratings: { assignments: null, tests: null, participation: null, overall: 'fail' },
          metrics: {},
          points: -4,
          actions: [],
        },
      ],
    };
    const result = await run(rated, rows, { history: [october] });
    expect(result.members.find((m) => m.memberId === 'low')!.actions).toEqual(['retake', 'reassign']);
    expect(findingsOf(result, 'repeated-fail').map((f) => [f.memberId, f.evidence.months])).toEqual([['low', ['2026-10', '2026-11']]]);
    const september = { ...october, month: '2026-09' };
    const gap = await run(rated, rows, { history: [september] });
    expect(flagged(gap, 'repeated-fail')).toEqual([]);
  });
});

describe('bands with metrics that have nothing to measure', () => {
  test('a when on attendanceRate is skipped when the group had no session; with a session it decides', async () => {
    const p = policy(`assessment:
  participation:
    bands:
      - { rating: excellent, min: { activeDays: 2 }, when: attendanceRate >= 80.0 }
      - { rating: pass, min: { activeDays: 1 } }
      - { rating: fail }
`);
    const messages = [msg('a', '2026-11-02 09:00', '第一天的笔记'), msg('a', '2026-11-03 09:00', '第二天的笔记')];
    const without = await run(p, { members: [member('a')], messages });
    expect([without.members[0]!.metrics.attendanceRate, without.members[0]!.ratings.participation]).toEqual([null, 'excellent']);
    const withSession = await run(p, {
      members: [member('a')],
      messages,
      sessions: [{ session_id: 's1', group_id: 'g1', starts_at: at('2026-11-20 19:00'), platform: 'x', support_id: 'admin1' }],
      attendance: [],
    });
    expect([withSession.members[0]!.metrics.attendanceRate, withSession.members[0]!.ratings.participation]).toEqual([0, 'pass']);
  });
});
