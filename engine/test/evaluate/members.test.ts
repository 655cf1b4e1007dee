// M1–M5 on small hand-computed bundles: one member who triggers each finding, one just on the other side.
import { describe, expect, test } from 'vitest';
import { at, findingsOf, flagged, member, msg, policy, run } from './helpers.js';

const membership = policy(`membership:
  application: { requiredFields: [name, department, purpose], reviewers: [rev1] }
  eligibility: { employmentStatus: [正式], departments: [销售部], expression: employee.tenureDays >= 90 }
  exit: { requireApproval: true }
  removal: { maxViolations: 1, inactiveDays: 20 }
content:
  categories:
    - { id: insult, label: 侮辱, clause: N1, terms: [废物] }
`);

const app = (applicant_id: string, extra = {}) => ({
  application_id: `app-${applicant_id}`,
  group_id: 'g1',
  applicant_id,
  name: applicant_id,
  department: '销售部',
  purpose: '学习',
  decision: 'approved' as const,
  reviewer_id: 'rev1',
  ...extra,
});

describe('M1 applications', () => {
  test('no approved application: pending is flagged, approved is not; staff are exempt', async () => {
    const result = await run(membership, {
      members: [member('ok'), member('pending'), member('admin1')],
      applications: [app('ok'), app('pending', { decision: 'pending' })],
      messages: [],
    });
    expect(flagged(result, 'no-approved-application')).toEqual(['pending']);
    expect(findingsOf(result, 'no-approved-application')[0]!.evidence).toEqual({
      joinedAt: '2026-09-01T09:00:00+08:00',
      applications: [{ id: 'app-pending', decision: 'pending' }],
    });
    expect(findingsOf(result, 'no-approved-application')[0]!.rule).toMatchObject({ path: 'membership.application', line: 12, column: 3 });
  });

  test('missing required field and unauthorised reviewer', async () => {
    const result = await run(membership, {
      members: [member('full'), member('nopurpose'), member('blankdept'), member('other')],
      applications: [app('full'), app('nopurpose', { purpose: undefined }), app('blankdept', { department: '  ' }), app('other', { reviewer_id: 'someone' })],
      messages: [],
    });
    expect(flagged(result, 'application-missing-field')).toEqual(['blankdept', 'nopurpose']);
    expect(findingsOf(result, 'application-missing-field').map((f) => f.evidence.missing)).toEqual([['department'], ['purpose']]);
    expect(flagged(result, 'application-unauthorized-reviewer')).toEqual(['other']);
  });
});

describe('M2 eligibility', () => {
  test('each failing criterion is named; a member at exactly 90 days of tenure passes', async () => {
    const monthEnd = at('2026-12-01 00:00');
    const day = 86_400_000;
    const emp = (employee_id: string, extra = {}) => ({
      employee_id,
      name: employee_id,
      department: '销售部',
      employment_status: '正式',
      hire_date: monthEnd - 400 * day,
      ...extra,
    });
    const result = await run(membership, {
      members: [member('fine'), member('intern'), member('hr'), member('new89'), member('new90'), member('ghost')],
      employees: [
        emp('fine'),
        emp('intern', { employment_status: '实习' }),
        emp('hr', { department: '人事部' }),
        emp('new89', { hire_date: monthEnd - 89 * day }),
        emp('new90', { hire_date: monthEnd - 90 * day }),
      ],
      messages: [],
    });
    expect(findingsOf(result, 'ineligible-member').map((f) => [f.memberId, f.evidence.criteria, f.rule.path])).toEqual([
      ['ghost', ['roster'], 'membership.eligibility'],
      ['hr', ['departments'], 'membership.eligibility.departments'],
      ['intern', ['employmentStatus'], 'membership.eligibility.employmentStatus'],
      ['new89', ['expression'], 'membership.eligibility.expression'],
    ]);
  });
});

describe('M3 duties', () => {
  test('an assignment due this month and never handed in; a late one is not "not submitted"', async () => {
    const result = await run(membership, {
      members: [member('none'), member('late'), member('newcomer', { joined_at: at('2026-11-21 00:00') })],
      assignments: [{ assignment_id: 'hw1', group_id: 'g1', due_at: at('2026-11-20 18:00'), announced_at: at('2026-11-01 09:00') }],
      submissions: [{ assignment_id: 'hw1', member_id: 'late', submitted_at: at('2026-11-21 09:00') }],
      messages: [],
    });
    expect(flagged(result, 'assignment-not-submitted')).toEqual(['none']);
  });
});

describe('M4 exit', () => {
  test('left without approval is flagged; approved before leaving is not; approved after leaving is', async () => {
    const left = at('2026-11-12 10:00');
    const result = await run(membership, {
      members: [member('quiet', { left_at: left }), member('asked', { left_at: left }), member('late', { left_at: left })],
      exits: [
        { group_id: 'g1', member_id: 'asked', requested_at: at('2026-11-11 10:00'), decision: 'approved' },
        { group_id: 'g1', member_id: 'late', requested_at: at('2026-11-12 10:01'), decision: 'approved' },
      ],
      messages: [],
    });
    expect(flagged(result, 'exit-without-approval')).toEqual(['late', 'quiet']);
  });
});

describe('M5 removal', () => {
  test('more violations than maxViolations (2 > 1); exactly the limit is not', async () => {
    const result = await run(membership, {
      members: [member('twice'), member('once')],
      messages: [msg('twice', '2026-11-02 10:00', '废物'), msg('twice', '2026-11-03 10:00', '又是废物'), msg('once', '2026-11-03 11:00', '废物')],
    });
    expect(flagged(result, 'removal-violations')).toEqual(['twice']);
    expect(findingsOf(result, 'removal-violations')[0]).toMatchObject({ action: 'remove', evidence: { violations: 2, maxViolations: 1 } });
  });

  test('inactive for 20 days at month end is flagged, 19 days is not; a member for less than 20 days is not', async () => {
    const result = await run(membership, {
      members: [member('d20'), member('d19'), member('fresh', { joined_at: at('2026-11-12 00:00') })],
      messages: [msg('d20', '2026-11-11 00:00', '大家好'), msg('d19', '2026-11-12 00:00', '大家好')],
    });
    expect(flagged(result, 'removal-inactive')).toEqual(['d20']);
    expect(findingsOf(result, 'removal-inactive')[0]!.evidence).toMatchObject({ inactiveDays: 20, lastActiveSource: 'month' });
  });

  test("inactivity carries over from last month's result (--history)", async () => {
    const history = [
      {
        version: 1 as const,
        month: '2026-10',
        policies: [],
        members: [
          {
            groupId: 'g1',
            memberId: 'old',
            name: null,
            policyId: 'test-policy',
            ratings: { assignments: null, tests: null, participation: null, overall: null },
            metrics: { lastActiveAt: at('2026-10-20 00:00') },
            points: null,
            actions: [],
          },
        ],
        findings: [],
        notEvaluated: [],
        ungovernedGroups: [],
        data: { rows: {}, rejected: 0, counts: {} },
      },
    ];
    const result = await run(membership, { members: [member('old')], messages: [] }, { history });
    expect(findingsOf(result, 'removal-inactive')[0]!.evidence).toMatchObject({ inactiveDays: 42, lastActiveSource: 'history' });
  });
});
