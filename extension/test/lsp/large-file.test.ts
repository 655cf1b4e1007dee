// Above 20,000 lines the server steps down (no outline, no cross-file checks) with one notice, and
// keeps answering: diagnostics, hover and completion still work on a 20,000+ line policy.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../../engine/src/policy/validate.js';
import { startServer } from './lsp-client.js';

const example = readFileSync(fileURLToPath(new URL('../../../examples/policies/onboarding.qungui.yaml', import.meta.url)), 'utf8');
/** The example with 20,000 generated terms (one per line) in the confidential category. */
const huge = example.replace(
  'terms: [客户名单, 报价底价, 未公开财报]',
  `terms:\n${Array.from({ length: 20_000 }, (_, i) => `        - 保密词${i}`).join('\n')}`,
);

describe('large policy (over 20,000 lines)', () => {
  it("one notice, outline paused, diagnostics equal the CLI's, requests still answered", async () => {
    const s = await startServer('zh-CN');
    const notices: string[] = [];
    s.connection.onNotification('window/showMessage', (p: { message: string }) => {
      notices.push(p.message);
    });
    try {
      const uri = pathToFileURL('/tmp/qungui-large/huge.qungui.yaml').href;
      const broken = huge.replace('timezone: Asia/Shanghai', 'timezone: Asia/Shangai');
      expect(broken.split('\n').length).toBeGreaterThan(20_000);
      await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'qungui', version: 1, text: broken } });
      const diagnostics = await s.waitForDiagnostics(uri, (d) => d.length > 0, 20_000);
      const cli = validatePolicy({ file: '/tmp/qungui-large/huge.qungui.yaml', text: broken }).diagnostics;
      expect(diagnostics.map((d) => [d.code, d.range, d.message])).toEqual(
        cli.map((d) => [d.code, { start: d.range.start, end: d.range.end }, d.message['zh-CN']]),
      );
      expect(diagnostics.map((d) => d.code)).toEqual(['invalid-timezone']);
      // A second edit: still one notice only.
      await s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 7, character: 12 }, end: { line: 7, character: 24 } }, text: 'Asia/Shanghai' }],
      });
      expect(await s.waitForDiagnostics(uri, (d) => d.length === 0, 20_000)).toEqual([]);
      expect(notices).toEqual(['文件超过 20000 行：跨文件检查和大纲已暂停，其余功能照常']);
      expect(await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
      const hover = (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 29, character: 6 } })) as {
        contents: { value: string };
      };
      expect(hover.contents.value).toContain('**inactiveDays**');
      const items = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 30, character: 30 } })) as {
        label: string;
      }[];
      expect(items.map((i) => i.label)).toEqual(['insult', 'mockery', 'ads', 'rumor', 'confidential']);
    } finally {
      await s.close();
    }
  }, 60_000);
});
