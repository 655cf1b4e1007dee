// A2 A3 A4 C1 C2 C3 T1 T3 on small hand-computed bundles.
import { describe, expect, test } from 'vitest';
import { at, findingsOf, flagged, member, msg, policy, run } from './helpers.js';

const p = policy(`publishing:
  publishers: [pub1]
  materialTypes: [file, link]
  updateIntervalDays: 10
  noticeHours: 72
activities:
  sessionNoticeHours: 48
  minAttendanceMinutes: 45
  gradingDays: 5
  lateGraceHours: 0
content:
  categories:
    - { id: insult, label: 侮辱, clause: N1, terms: [废物] }
`);

describe('A2 assignment notice', () => {
  test('announced 71 h ahead is late, 72 h is not, no announcement is flagged', async () => {
    const due = at('2026-11-20 10:00');
    const result = await run(p, {
      members: [member('a')],
      messages: [],
      assignments: [
        { assignment_id: 'hw71', group_id: 'g1', due_at: due, announced_at: due - 71 * 3_600_000 },
        { assignment_id: 'hw72', group_id: 'g1', due_at: due, announced_at: due - 72 * 3_600_000 },
        { assignment_id: 'hwnone', group_id: 'g1', due_at: due },
      ],
    });
    expect(findingsOf(result, 'late-assignment-notice').map((f) => [f.evidence.assignmentId, f.evidence.noticeHours])).toEqual([
      ['hw71', 71],
      ['hwnone', null],
    ]);
  });
});

describe('A3 violations stopped', () => {
  test('no admin reaction within 24 h is flagged; an admin speaking within 24 h or a recall stops it', async () => {
    const result = await run(p, {
      members: [member('a'), member('admin1')],
      messages: [
        msg('a', '2026-11-02 09:00', '废物一号'),
        msg('admin1', '2026-11-03 09:00', '请注意文明用语'), // 24 h later: in time
        msg('a', '2026-11-10 09:00', '废物二号'),
        msg('admin1', '2026-11-11 09:01', '请注意'), // 24 h 1 min: too late
        msg('a', '2026-11-15 09:00', '废物三号', { recalled: true }),
      ],
    });
    expect(findingsOf(result, 'violation-not-stopped').map((f) => f.evidence.excerpt)).toEqual(['废物二号']);
  });

  test('content.stopWithinHours sets the window: 2 h, an admin after 2 h 1 min is too late', async () => {
    const strict = policy(`content:
  stopWithinHours: 2
  categories:
    - { id: insult, label: 侮辱, clause: N1, terms: [废物] }
`);
    const result = await run(strict, {
      members: [member('a'), member('admin1')],
      messages: [
        msg('a', '2026-11-02 09:00', '废物一号'),
        msg('admin1', '2026-11-02 11:00', '请注意文明用语'), // 2 h later: in time
        msg('a', '2026-11-10 09:00', '废物二号'),
        msg('admin1', '2026-11-10 11:01', '请注意'), // 2 h 1 min: too late
      ],
    });
    expect(findingsOf(result, 'violation-not-stopped').map((f) => [f.evidence.excerpt, f.evidence.windowHours])).toEqual([['废物二号', 2]]);
  });
});

describe('A4 summary', () => {
  test('one summary per governed group with the month counts', async () => {
    const result = await run(p, {
      members: [member('a'), member('admin1')],
      messages: [msg('a', '2026-11-02 09:00', '你好'), msg('admin1', '2026-11-02 10:00', '欢迎')],
    });
    expect(findingsOf(result, 'monthly-summary').map((f) => f.evidence)).toEqual([{ members: 2, learners: 1, messages: 2, overall: {} }]);
  });
});

describe('C1 C2 C3 materials', () => {
  test('material from a non-publisher is flagged; publishers, lecturers and admins are not', async () => {
    const result = await run(p, {
      members: [member('a'), member('pub1'), member('lect', { role: 'lecturer' }), member('admin1')],
      messages: [
        msg('a', '2026-11-02 09:00', '', { type: 'file', file_name: '报价.xlsx' }),
        msg('pub1', '2026-11-03 09:00', '', { type: 'file', file_name: '课件.pdf' }),
        msg('lect', '2026-11-04 09:00', 'https://example.com/x', { type: 'link' }),
        msg('admin1', '2026-11-05 09:00', '', { type: 'file', file_name: '日程.docx' }),
        msg('a', '2026-11-05 10:00', '', { type: 'image' }),
      ],
    });
    expect(flagged(result, 'unauthorized-material')).toEqual(['a']);
  });

  test('a file without a name and a link without text are unlabelled', async () => {
    const result = await run(p, {
      members: [member('pub1')],
      messages: [
        msg('pub1', '2026-11-02 09:00', '', { type: 'file' }),
        msg('pub1', '2026-11-02 10:00', '', { type: 'link' }),
        msg('pub1', '2026-11-02 11:00', '', { type: 'file', file_name: '课件.pdf' }),
      ],
    });
    expect(findingsOf(result, 'unlabelled-material').map((f) => f.evidence.type)).toEqual(['file', 'link']);
  });

  test('gaps longer than 10 days between materials (counted from month start to month end)', async () => {
    const result = await run(p, {
      members: [member('pub1'), member('a')],
      messages: [
        msg('pub1', '2026-11-03 00:00', '', { type: 'file', file_name: 'a.pdf' }),
        msg('pub1', '2026-11-13 00:00', '', { type: 'file', file_name: 'b.pdf' }), // exactly 10 days: fine
        msg('a', '2026-11-18 00:00', '', { type: 'file', file_name: 'not-counted.pdf' }), // not a publisher
        msg('pub1', '2026-11-23 00:01', '', { type: 'file', file_name: 'c.pdf' }), // 10 d 1 min: stale
      ],
    });
    expect(findingsOf(result, 'stale-materials').map((f) => [f.evidence.from, f.evidence.to, f.evidence.gapDays])).toEqual([
      ['2026-11-13T00:00:00+08:00', '2026-11-23T00:01:00+08:00', 10],
    ]);
  });
});

describe('T1 live sessions', () => {
  test('late notice, missing support person, and absences (44 min absent, 45 min present)', async () => {
    const start = at('2026-11-10 19:00');
    const result = await run(p, {
      members: [member('a'), member('b'), member('c')],
      messages: [],
      sessions: [
        {
          session_id: 's1',
          group_id: 'g1',
          starts_at: start,
          ends_at: start + 90 * 60_000,
          announced_at: start - 47 * 3_600_000,
          platform: '腾讯会议',
          support_id: 'admin1',
        },
        { session_id: 's2', group_id: 'g1', starts_at: start + 86_400_000, announced_at: start - 48 * 3_600_000, platform: '腾讯会议' },
      ],
      attendance: [
        { session_id: 's1', member_id: 'a', joined_at: start, left_at: start + 44 * 60_000 },
        { session_id: 's1', member_id: 'b', joined_at: start, left_at: start + 45 * 60_000 },
        { session_id: 's2', member_id: 'a' },
        { session_id: 's2', member_id: 'b' },
        { session_id: 's2', member_id: 'c' },
      ],
    });
    expect(findingsOf(result, 'late-session-notice').map((f) => f.evidence.sessionId)).toEqual(['s1']);
    expect(findingsOf(result, 'session-without-support').map((f) => [f.evidence.sessionId, f.evidence.missing])).toEqual([['s2', ['support_id']]]);
    expect(findingsOf(result, 'session-absence').map((f) => [f.memberId, f.evidence.sessionId, f.evidence.minutes])).toEqual([
      ['a', 's1', 44],
      ['c', 's1', 0],
    ]);
    const rates = Object.fromEntries(result.members.map((m) => [m.memberId, m.metrics.attendanceRate]));
    expect(rates).toEqual({ a: 50, b: 100, c: 50 });
  });
});

describe('T3 assignments', () => {
  test('late submission by a minute; on time at the due time; grading after 5 days + 1 min; ungraded at month end', async () => {
    const due = at('2026-11-10 18:00');
    const result = await run(p, {
      members: [member('a'), member('b'), member('c')],
      messages: [],
      assignments: [{ assignment_id: 'hw1', group_id: 'g1', due_at: due, announced_at: due - 100 * 3_600_000 }],
      submissions: [
        { assignment_id: 'hw1', member_id: 'a', submitted_at: due + 60_000, graded_at: due + 60_000 + 5 * 86_400_000, accuracy: 80 },
        { assignment_id: 'hw1', member_id: 'b', submitted_at: due, graded_at: due + 5 * 86_400_000 + 60_000, grader_id: 'lecturer1', accuracy: 80 },
        { assignment_id: 'hw1', member_id: 'c', submitted_at: at('2026-11-25 10:00') },
      ],
    });
    expect(findingsOf(result, 'late-submission').map((f) => [f.memberId, f.evidence.lateHours])).toEqual([
      ['a', 0],
      ['c', 352],
    ]);
    // T3 is the grader's finding: lecturer1 graded b's work late; c's is ungraded (nobody to name yet).
    expect(findingsOf(result, 'late-grading').map((f) => [f.memberId, f.evidence.submitterId, f.evidence.gradedAt === null, f.message['zh-CN']])).toEqual([
      [null, 'c', true, 'c 提交的作业“hw1”已 5.6 天未批改（要求 5 天内）'],
      ['lecturer1', 'b', false, 'lecturer1 批改 b 的作业“hw1”用了 5.1 天（要求 5 天内）'],
    ]);
  });
});
