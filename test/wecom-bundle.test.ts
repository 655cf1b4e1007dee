// The example WeCom bundle (issue 5): HR's roster with Chinese headers (header on row 2), the group
// details API response and the message archive, mapped by bundle.yaml and run through qungui evaluate.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { qungui } from './helpers/cli.js';

// Each case runs the CLI over the example exports.
describe('examples/wecom-bundle through qungui evaluate', { timeout: 30_000 }, () => {
  it('bundle check accounts for every line: recall and 1:1 chat skipped and counted', () => {
    const check = qungui(['bundle', 'check', 'examples/wecom-bundle', '--month', '2026-10']);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/employees\s+5\s+5\s+0\s+0/);
    expect(check.stdout).toMatch(/members\s+6\s+6\s+0\s+0/);
    expect(check.stdout).toMatch(/messages\s+10\s+8\s+0\s+2/);
    expect(check.stdout).toContain('跳过 1: 单聊消息（不属于群聊）');
  });

  it('finds the recalled confidential post, the forwarded record, the outsider, the intern and the leaver', () => {
    const out = mkdtempSync(join(tmpdir(), 'qungui-wecom-'));
    const run = qungui([
      'evaluate',
      '--policy',
      'examples/policies/onboarding.qungui.yaml',
      '--data',
      'examples/wecom-bundle',
      '--month',
      '2026-10',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    const found = (code: string, member: string) => result.findings.find((f: { code: string; memberId: string }) => f.code === code && f.memberId === member);
    expect(found('confidential-content', 'w003')?.evidence).toMatchObject({ messageId: 'wecom-5', matched: '客户名单', recalled: true });
    expect(found('confidential-forwarded', 'w004')?.evidence).toMatchObject({ messageId: 'wecom-7', forwarded: true, excerpt: '报价底价是八五折' });
    expect(found('outsider-in-confidential-group', 'wmGuest0001')?.evidence).toMatchObject({ reason: 'external' });
    expect(found('ineligible-member', 'w003')).toBeDefined();
    expect(found('leaver-in-group', 'w004')).toBeDefined();
    // The phone number is masked in every output.
    expect(found('confidential-content', 'w001')?.evidence.matched).toBe('138******78');
    for (const file of ['result.json', 'findings.csv', 'report.html', 'report.md']) expect(readFileSync(join(out, file), 'utf8')).not.toContain('1234 5678');
    // Skipped lines are counted in result.json with their reasons, and it keeps its schema.
    expect(result.data.counts.messages).toEqual({
      read: 10,
      accepted: 8,
      rejected: 0,
      skipped: 2,
      skippedReasons: [
        { reason: { 'zh-CN': '单聊消息（不属于群聊）', 'zh-TW': '單聊訊息（不屬於群聊）', en: 'one-to-one chat (not a group)' }, count: 1 },
        {
          reason: {
            'zh-CN': '撤回通知（已标记被撤回的消息）',
            'zh-TW': '撤回通知（已標記被撤回的訊息）',
            en: 'recall notice (the recalled message is marked)',
          },
          count: 1,
        },
      ],
    });
    const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync('schemas/result.schema.json', 'utf8')));
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
  });
});
