// A real LSP client over stdio against the bundled server (extension/dist/server.js --stdio).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const serverPath = fileURLToPath(new URL('../../dist/server.js', import.meta.url));

export interface LspSession {
  connection: MessageConnection;
  process: ChildProcess;
  diagnostics: Map<string, { version?: number; diagnostics: LspDiagnostic[] }>;
  waitForDiagnostics(uri: string, predicate?: (d: LspDiagnostic[]) => boolean, timeoutMs?: number): Promise<LspDiagnostic[]>;
  close(): Promise<void>;
}

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  message: string;
  codeDescription?: { href: string };
}

export async function startServer(locale: string, env: Record<string, string> = {}): Promise<LspSession> {
  if (!existsSync(serverPath)) throw new Error('extension/dist/server.js is missing: run npm run build');
  const child = spawn(process.execPath, [serverPath, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, QUNGUI_LSP_DEBOUNCE_MS: '20', ...env },
  });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, { version?: number; diagnostics: LspDiagnostic[] }>();
  const waiters: (() => void)[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number; diagnostics: LspDiagnostic[] }) => {
    diagnostics.set(params.uri, params);
    for (const w of waiters.splice(0)) w();
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { locale } });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    diagnostics,
    async waitForDiagnostics(uri, predicate = () => true, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = diagnostics.get(uri);
        if (current && predicate(current.diagnostics)) return current.diagnostics;
        if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}: ${JSON.stringify(current?.diagnostics.map((d) => d.code))}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    async close() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      child.kill();
    },
  };
}
