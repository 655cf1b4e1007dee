// The watcher's check of one message at a time against the monthly run of the same messages: the
// message-level findings are the same objects, M5 comes once, at the message that passes the limit,
// with its count carried over when the context is made again (new tables, a restart).
import { describe, expect, it } from 'vitest';
import type { MessageRow } from '../../src/data/bundle-types.js';
import { readSmallTables } from '../../src/evaluate/small-tables.js';
import { MessageChecker, type ViolationCounts } from '../../src/watch/message-checker.js';
import { fakeBundle, fakeMatcher, member, msg, policy, run } from '../evaluate/helpers.js';

const POLICY = policy(`membership:
  removal: { maxViolations: 1 }
content:
  categories:
    - { id: insult, label: 侮辱, clause: N1, severity: error, terms: [废物] }
    - { id: ads, label: 广告, clause: N4, severity: warning, exemptible: true, terms: [代购] }
  detectors: [phone]
publishing: { materialTypes: [file] }
`);

const rows = {
  members: [member('a'), member('b'), member('wmOut')],
  messages: [
    msg('a', '2026-11-03 09:00', '你是废物'),
    msg('b', '2026-11-03 09:05', '代购面膜'),
    msg('a', '2026-11-04 10:00', '又一个废物'),
    msg('b', '2026-11-05 11:00', '电话 13812345678'),
    msg('b', '2026-11-05 11:10', '', { type: 'file', file_name: '报价.xlsx' }),
    msg('a', '2026-11-06 12:00', '废物废物'),
  ],
};

async function checker(counts: ViolationCounts = {}) {
  const bundle = fakeBundle(rows);
  const tables = await readSmallTables(bundle, true);
  return { checker: new MessageChecker([POLICY], { ...tables, present: new Set([...tables.present, 'messages']) }, true, counts, fakeMatcher), counts };
}

const asRows = (list: typeof rows.messages) => list.map((m, i) => ({ ...m, source: { file: 'messages.jsonl', line: i + 1 } }) as MessageRow);

describe('checking one message at a time', () => {
  it('finds what the monthly run finds in the same messages', async () => {
    const monthly = await run(POLICY, rows);
    const { checker: check } = await checker();
    const live = asRows(rows.messages).flatMap((m) => check.check(m)?.findings.map((f) => f.finding) ?? []);
    const codes = ['insulting-language', 'banned-content', 'confidential-content', 'unauthorized-material'];
    expect(live.filter((f) => codes.includes(f.code))).toEqual(
      monthly.findings.filter((f) => codes.includes(f.code)).sort((x, y) => (String(x.evidence.messageId) < String(y.evidence.messageId) ? -1 : 1)),
    );
    // M5 once, at the second violation of a; S4's outsider once, at the first confidential message.
    expect(live.filter((f) => f.code === 'removal-violations').map((f) => [f.memberId, f.evidence.violations])).toEqual([['a', 2]]);
    expect(live.filter((f) => f.code === 'outsider-in-confidential-group').map((f) => f.memberId)).toEqual(['wmOut']);
    expect(monthly.findings.filter((f) => f.code === 'removal-violations').map((f) => [f.memberId, f.evidence.violations])).toEqual([['a', 3]]);
  });

  it('carries a member’s count of the month into a new context', async () => {
    const first = await checker();
    const messages = asRows(rows.messages);
    first.checker.check(messages[0]!);
    const counts = first.checker.saveCounts();
    const again = await checker(JSON.parse(JSON.stringify(counts)) as ViolationCounts);
    const crossing = again.checker.check(messages[2]!)!.findings.map((f) => f.finding.code);
    expect(crossing).toContain('removal-violations');
  });
});
