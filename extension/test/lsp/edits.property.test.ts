// Property test (issue 6): 1,000 random edit sequences on the example policies, sent as real LSP
// didChange notifications. The server answers every request, never crashes, and its diagnostics for
// the final text equal the CLI's (the same engine) exactly: code, range, message.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePolicy } from '../../../engine/src/policy/validate.js';
import { startServer, type LspSession } from './lsp-client.js';

const dir = fileURLToPath(new URL('../../../examples/policies/', import.meta.url));
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.qungui.yaml'))
  .map((f) => readFileSync(dir + f, 'utf8'));
const pieces = [
  '',
  ' ',
  '\n',
  '  ',
  '- ',
  ': ',
  '{',
  '}',
  '[',
  ']',
  '#',
  '0',
  '-1',
  '999',
  'rating',
  'excellent',
  '废物',
  'min: ',
  '\t',
  '"',
  "'",
  '&a',
  '*a',
  '---\n',
];

const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })) });

function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

describe('random edits over LSP', () => {
  let s: LspSession;
  beforeAll(async () => {
    s = await startServer('zh-CN');
  }, 30_000);
  afterAll(async () => {
    await s?.close();
  });

  it("diagnostics after 1,000 random edit sequences equal the CLI's for the final text", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...examples), fc.array(edit, { minLength: 1, maxLength: 5 }), async (start, edits) => {
        const uri = `file:///tmp/qungui-prop/policy-${run++}.qungui.yaml`;
        let text = start;
        await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'qungui', version: 1, text } });
        let version = 1;
        for (const e of edits) {
          const from = e.at % (text.length + 1);
          const to = Math.min(text.length, from + e.remove);
          const range = { start: positionOf(text, from), end: positionOf(text, to) };
          text = text.slice(0, from) + e.insert + text.slice(to);
          await s.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: ++version },
            contentChanges: [{ range, text: e.insert }],
          });
        }
        // Every request is answered on the edited text.
        await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, Math.floor(text.length / 2)) });
        await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionOf(text, text.length) });
        const expected = validatePolicy({ file: fileURLToPath(uri), text }).diagnostics.map((d) => [d.code, d.range.start, d.range.end, d.message['zh-CN']]);
        const published = await s.waitForDiagnostics(uri, () => s.diagnostics.get(uri)?.version === version, 10_000);
        expect(published.map((d) => [d.code, d.range.start, d.range.end, d.message])).toEqual(expected);
        await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }),
      { numRuns: 1000 },
    );
    expect(s.process.exitCode).toBeNull();
  }, 300_000);
});
