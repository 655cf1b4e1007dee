// A big month: more findings than a function call can take as arguments (push(...list) overflowed the
// stack past ~150k). Every one must reach the result.
import { describe, expect, test } from 'vitest';
import { member, msg, policy, run } from './helpers.js';

const content = policy(`content:
  categories:
    - { id: insult, label: 侮辱, clause: N1, terms: [废物] }
`);

describe('scale', () => {
  test('200,000 content findings in one policy', { timeout: 60_000 }, async () => {
    const messages = Array.from({ length: 200_000 }, (_, i) => msg('a', `2026-11-${String(2 + (i % 27)).padStart(2, '0')} 09:00`, `第${i}条：废物`));
    const result = await run(content, { members: [member('a')], messages });
    expect(result.findings.filter((f) => f.code === 'insulting-language')).toHaveLength(200_000);
  });
});
