// The bar `npm start` draws on a terminal, and the byte progress the bundle reports for it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress.js';
import { openBundle } from '../../src/data/open-bundle.js';

describe('progress', () => {
  it('draws a bar with percent and count', () => {
    expect(progressLine(0.5, 1234, 'zh-CN', 10)).toBe('考核中 █████░░░░░  50%  已读 1,234 条消息');
    expect(progressLine(1.2, 10, 'en', 4)).toBe('evaluating ████ 100%  10 messages');
  });
  it('the bundle reports bytes of the message files read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qungui-progress-'));
    const line = `${JSON.stringify({ message_id: 'm', group_id: 'g', sender_id: 's', sent_at: '2026-10-01 10:00:00', type: 'text' })}\n`;
    let id = 0;
    writeFileSync(
      join(dir, 'messages.jsonl'),
      line.repeat(3).replace(/"m"/g, () => `"m${++id}"`),
    );
    const bundle = await openBundle(dir, { timezone: 'Asia/Shanghai' });
    expect(bundle.messageProgress!().read).toBe(0);
    for await (const _ of bundle.messages()) {
      /* read all */
    }
    const { read, total } = bundle.messageProgress!();
    expect(total).toBeGreaterThan(0);
    expect(read).toBe(total);
  });
});
