// Cross-file over LSP: a chat room governed by an open policy and by a workspace policy that is not
// open is flagged on the open one; a PolicyTest file gets test-file diagnostics, not policy ones.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { serverPath, startServer, type LspDiagnostic } from './lsp-client.js';

const example = readFileSync(fileURLToPath(new URL('../../../examples/policies/skill-sales.qungui.yaml', import.meta.url)), 'utf8');

describe('workspace-aware diagnostics', () => {
  it('flags a room also governed by an unopened workspace policy, and checks test files as tests', async () => {
    const root = mkdtempSync(join(tmpdir(), 'qungui-ws-'));
    writeFileSync(join(root, 'a.qungui.yaml'), example);
    writeFileSync(join(root, 'b.qungui.yaml'), example.replace('id: sales-skill-east', 'id: sales-skill-west'));
    writeFileSync(join(root, 'a.test.yaml'), 'apiVersion: qungui/v1\nkind: PolicyTest\npolicy: ./missing.qungui.yaml\ncases: []\n');
    const child = spawn(process.execPath, [serverPath, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, QUNGUI_LSP_DEBOUNCE_MS: '20' },
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published = new Map<string, LspDiagnostic[]>();
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: LspDiagnostic[] }) => {
      published.set(p.uri, p.diagnostics);
    });
    connection.listen();
    try {
      await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(root).href,
        workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
        capabilities: {},
        initializationOptions: { locale: 'en' },
      });
      await connection.sendNotification('initialized', {});
      const a = pathToFileURL(join(root, 'a.qungui.yaml')).href;
      const t = pathToFileURL(join(root, 'a.test.yaml')).href;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: a, languageId: 'qungui', version: 1, text: example } });
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: t, languageId: 'qungui', version: 1, text: readFileSync(join(root, 'a.test.yaml'), 'utf8') },
      });
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && !(published.get(a)?.some((d) => d.code === 'duplicate-group') && published.get(t)?.length))
        await new Promise((r) => setTimeout(r, 50));
      expect(published.get(a)!.map((d) => d.code)).toEqual(['duplicate-group']);
      expect(published.get(a)![0]!.message).toContain('b.qungui.yaml');
      expect(published.get(t)!.map((d) => [d.code, d.message])).toEqual([
        ['invalid-test-file', 'malformed test file: must NOT have fewer than 1 items'],
        ['invalid-test-file', 'policy under test not found: ./missing.qungui.yaml'],
      ]);
    } finally {
      connection.dispose();
      child.kill();
    }
  }, 30_000);
});

describe('two open policies governing one room', () => {
  it('flags the room on both, exact ranges and the other file named; clears both once one is edited', async () => {
    const s = await startServer('zh-CN');
    try {
      const a = pathToFileURL('/tmp/qungui-cross/a.qungui.yaml').href;
      const b = pathToFileURL('/tmp/qungui-cross/b.qungui.yaml').href;
      const other = example.replace('id: sales-skill-east', 'id: sales-skill-west');
      await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: a, languageId: 'qungui', version: 1, text: example } });
      await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: b, languageId: 'qungui', version: 1, text: other } });
      const room = { start: { line: 9, character: 9 }, end: { line: 9, character: 21 } };
      for (const [uri, file] of [
        [a, 'b.qungui.yaml'],
        [b, 'a.qungui.yaml'],
      ] as const) {
        const diagnostics = await s.waitForDiagnostics(uri, (d) => d.length > 0);
        expect(diagnostics.map((d) => [d.code, d.range])).toEqual([['duplicate-group', room]]);
        expect(diagnostics[0]!.message).toContain(file);
      }
      // b moves to another room: the conflict is gone from both files.
      await s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: b, version: 2 },
        contentChanges: [{ range: room, text: 'wrSkillSalesW' }],
      });
      expect(await s.waitForDiagnostics(b, (d) => d.length === 0)).toEqual([]);
      expect(await s.waitForDiagnostics(a, (d) => d.length === 0)).toEqual([]);
      // Workspace command over LSP: the open files, counted.
      expect(await s.connection.sendRequest('workspace/executeCommand', { command: 'qungui.server.validateWorkspace', arguments: [] })).toEqual({
        files: 2,
        errors: 0,
        warnings: 0,
      });
      const rendered = (await s.connection.sendRequest('workspace/executeCommand', { command: 'qungui.server.renderDocument', arguments: [a] })) as {
        language: string;
        content: string;
      };
      expect(rendered.language).toBe('markdown');
      expect(rendered.content.split('\n')[0]).toMatch(/^# /);
    } finally {
      await s.close();
    }
  }, 30_000);
});
