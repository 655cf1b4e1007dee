// Code lens on sample data over LSP: members per band and matching messages per category, from the
// real engine on the example month (qungui.sampleData), placed on the band and category lines.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { qungui } from '../../../test/helpers/cli.js';
import { startServer } from './lsp-client.js';

const policyPath = fileURLToPath(new URL('../../../examples/policies/onboarding.qungui.yaml', import.meta.url));
const sample = fileURLToPath(new URL('../../../examples/data/2026-10', import.meta.url));
const text = readFileSync(policyPath, 'utf8');
const uri = pathToFileURL(policyPath).href;

describe('code lens on sample data', () => {
  it('shows members per band and messages per category, equal to qungui evaluate on the same data', async () => {
    const out = mkdtempSync(join(tmpdir(), 'qungui-lens-'));
    expect(
      qungui(['evaluate', '--policy', 'examples/policies/onboarding.qungui.yaml', '--data', 'examples/data/2026-10', '--month', '2026-10', '--out', out]).code,
    ).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    const s = await startServer('zh-CN');
    try {
      await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { qungui: { sampleData: sample } } });
      await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'qungui', version: 1, text } });
      await s.waitForDiagnostics(uri);
      const lenses = (await s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as {
        range: { start: { line: number } };
        command: { title: string };
      }[];
      const lines = text.split('\n');
      const at = (needle: string) => lenses.find((l) => lines[l.range.start.line]!.includes(needle))?.command.title;
      const count = (dimension: string, rating: string) =>
        result.members.filter((m: { ratings: Record<string, string> }) => m.ratings[dimension] === rating).length;
      expect(at('{ rating: excellent, min: 90 }')).toBe(`样本数据：${count('tests', 'excellent')} 名成员落在此档`);
      expect(at('{ rating: excellent, min: 85 }')).toBe(`样本数据：${count('overall', 'excellent')} 名成员落在此档`);
      const insults = new Set(
        result.findings
          .filter((f: { evidence: { category?: string } }) => f.evidence.category === 'insult')
          .map((f: { evidence: { messageId: string } }) => f.evidence.messageId),
      );
      expect(at('- id: insult')).toBe(`样本数据：${insults.size} 条消息命中`);
      expect(lenses.length).toBe(16 + 5);
    } finally {
      await s.close();
    }
  }, 60_000);
});
