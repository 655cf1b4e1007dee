// result.json is validated by schemas/result.schema.json (DESIGN.md contract); several policies at once
// route each room to its policy and list the rest; the same inputs give the same bytes.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { BASE, at, member, msg, policy, run } from './helpers.js';

const schema = JSON.parse(readFileSync(new URL('../../../schemas/result.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const a = policy(`content:
  categories:
    - { id: insult, label: 侮辱, clause: N1, terms: [废物] }
  detectors: [phone]
membership:
  removal: { inactiveDays: 10, maxViolations: 1 }
responsiveness: { questionReplyHours: 12 }
assessment:
  participation:
    bands: [ { rating: pass, min: 1 }, { rating: fail } ]
outcomes:
  points: { pass: 1, fail: -1 }
`);
const b = policy('', BASE.replace('id: test-policy', 'id: other-policy').replace('groups: [g1]', 'groups: [g2]'), 'other.qungui.yaml');

const rows = {
  members: [member('x'), member('y'), { ...member('z'), group_id: 'g2' }, { ...member('w'), group_id: 'g9' }],
  messages: [
    msg('x', '2026-11-02 09:00', '废物 13812345678'),
    msg('y', '2026-11-02 10:00', '请问几点上课？'),
    { ...msg('z', '2026-11-03 09:00', '你好'), group_id: 'g2' },
    { ...msg('w', '2026-11-03 09:00', '外部群'), group_id: 'g9' },
    { ...msg('v', '2026-11-03 10:00', '另一个外部群'), group_id: 'g8' },
  ],
};

describe('result.json', () => {
  test('validates against schemas/result.schema.json, with every rule location and sorted lists', async () => {
    const result = await run([b, a], rows, { now: '2026-12-01T08:00:00+08:00' });
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    expect(result.policies.map((p) => p.id)).toEqual(['other-policy', 'test-policy']);
    expect(result.policy).toBeUndefined();
    expect(result.members.map((m) => `${m.policyId}/${m.groupId}/${m.memberId}`)).toEqual(['other-policy/g2/z', 'test-policy/g1/x', 'test-policy/g1/y']);
    expect(result.ungovernedGroups).toEqual([
      { groupId: 'g8', messages: 1, members: 1 },
      { groupId: 'g9', messages: 1, members: 1 },
    ]);
    expect(result.generatedAt).toBe('2026-12-01T08:00:00+08:00');
  });

  test('a clause lacking data or settings is listed as not evaluated, never passed', async () => {
    const result = await run(b, { members: [{ ...member('z'), group_id: 'g2' }], messages: [] });
    const clauses = new Set(result.notEvaluated.map((n) => n.clause));
    for (const clause of [
      'M1',
      'M2',
      'M3',
      'M4',
      'M5',
      'A2',
      'A3',
      'C3',
      'T1',
      'T3',
      'N1',
      'N2',
      'N4',
      'N5',
      'E2',
      'E4',
      'E5',
      'E6',
      'R1',
      'R2',
      'S1',
      'S2',
      'S4',
      'S5',
    ]) {
      expect(clauses.has(clause), clause).toBe(true);
    }
    expect(result.notEvaluated.find((n) => n.code === 'ineligible-member')!.reason.en).toBe('The data bundle lacks the table(s): employees');
    expect(result.notEvaluated.find((n) => n.code === 'unanswered-question')!.reason['zh-CN']).toBe('群规未设置“答复时限（小时）”');
  });

  test('same inputs, same bytes; no clock without now', async () => {
    const first = JSON.stringify(await run([a, b], rows));
    const second = JSON.stringify(await run([b, a], rows));
    expect(second).toBe(first);
    expect(first).not.toContain('generatedAt');
    expect(first).not.toContain('13812345678');
    void at;
  });
});
