// The language server over real LSP JSON-RPC (stdio), against the bundled extension/dist/server.js:
// diagnostics equal the CLI's (same engine, exact ranges) in zh-CN and en, completion of ids and keys,
// hover docs with clauses, quick fixes, definition / references / rename of rating ids, outline.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePolicy } from '../../../engine/src/policy/validate.js';
import { startServer, type LspSession } from './lsp-client.js';

const examplePath = fileURLToPath(new URL('../../../examples/policies/onboarding.qungui.yaml', import.meta.url));
const example = readFileSync(examplePath, 'utf8');
const uri = pathToFileURL(examplePath).href;

/** The example with the tests' catch-all band given a threshold (missing-catch-all, with a fix). */
const broken = example.replace(
  '      - { rating: pass, min: 60 }\n      - { rating: fail }\n  participation',
  '      - { rating: pass, min: 60 }\n      - { rating: fail, min: 40 }\n  participation',
);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('language server over stdio (zh-CN)', () => {
  let s: LspSession;
  beforeAll(async () => {
    s = await startServer('zh-CN');
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'qungui', version: 1, text: broken } });
  }, 30_000);
  afterAll(async () => {
    await s?.close();
  });

  it("publishes the engine's diagnostics, exact ranges, Chinese, linked to the rule page", async () => {
    const diagnostics = await s.waitForDiagnostics(uri, (d) => d.length > 0);
    const cli = validatePolicy({ file: examplePath, text: broken }).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.range, d.message])).toEqual(
      cli.map((d) => [d.code, { start: d.range.start, end: d.range.end }, d.message['zh-CN']]),
    );
    const d = diagnostics[0]!;
    expect(d.code).toBe('missing-catch-all');
    expect(d.range.start).toEqual({ line: lineOf(broken, '{ rating: fail, min: 40 }'), character: 8 });
    expect(d.message).toContain('测试考核缺少兜底档');
    expect(d.codeDescription?.href).toMatch(/docs\/rules\/missing-catch-all\.md$/);
  });

  it("offers the engine's fix as a quick fix", async () => {
    const [d] = await s.waitForDiagnostics(uri, (x) => x.length > 0);
    const actions = (await s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d!.range, context: { diagnostics: [d] } })) as {
      title: string;
      edit: { changes: Record<string, { newText: string }[]> };
    }[];
    expect(actions.map((a) => a.title)).toEqual(['添加兜底档 rating: fail']);
    expect(actions[0]!.edit.changes[uri]![0]!.newText).toBe('\n      - rating: fail');
  });

  it('completes rating ids where a rating is expected', async () => {
    const line = lineOf(broken, '{ rating: good, min: 80 }');
    const character = broken.split('\n')[line]!.indexOf('good');
    const items = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as { label: string }[];
    expect(items.map((i) => i.label)).toEqual(['excellent', 'good', 'pass', 'fail']);
  });

  it('completes schema keys under a section not yet set, with Chinese titles', async () => {
    const line = lineOf(broken, '  questionReplyHours: 24');
    const items = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 2 } })) as {
      label: string;
      detail?: string;
    }[];
    // questionMarkers is already set below: only the key of this line is offered again.
    expect(items.map((i) => i.label)).toEqual(['questionReplyHours']);
    expect(items[0]!.detail).toBe('答复时限（小时）');
  });

  it("hover shows the property's Chinese docs and its clause", async () => {
    const line = lineOf(broken, 'inactiveDays: 21');
    const result = (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 6 } })) as {
      contents: { value: string };
    };
    expect(result.contents.value).toContain('**inactiveDays** — 不活跃天数');
    expect(result.contents.value).toContain('**M5**');
  });

  it('definition, references and rename of a rating id', async () => {
    const line = lineOf(broken, '{ rating: good, min: 80 }');
    const character = broken.split('\n')[line]!.indexOf('good') + 1;
    const declLine = lineOf(broken, '{ id: good, label: 良好');
    const definition = (await s.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line, character } })) as {
      range: { start: { line: number } };
    }[];
    expect(definition.map((d) => d.range.start.line)).toEqual([declLine]);
    const refs = (await s.connection.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: { line, character },
      context: { includeDeclaration: true },
    })) as unknown[];
    // Declared once; used by 4 band tables (assignments, tests, participation, overall) and outcomes.points.
    expect(refs.length).toBe(6);
    const rename = (await s.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line, character }, newName: 'fine' })) as {
      changes: Record<string, { newText: string }[]>;
    };
    expect(rename.changes[uri]!.length).toBe(6);
    expect(new Set(rename.changes[uri]!.map((e) => e.newText))).toEqual(new Set(['fine']));
  });

  it('outline lists the top-level sections', async () => {
    const symbols = (await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string }[];
    expect(symbols.map((x) => x.name)).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'groups',
      'admins',
      'ratings',
      'membership',
      'publishing',
      'activities',
      'content',
      'responsiveness',
      'confidentiality',
      'assessment',
      'outcomes',
    ]);
  });

  it('diagnostics go away once the text is fixed (as you type)', async () => {
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: example }] });
    const after = await s.waitForDiagnostics(uri, (d) => d.length === 0);
    expect(after).toEqual([]);
  });
});

describe('language server over stdio (en)', () => {
  it('speaks English when the client does', async () => {
    const s = await startServer('en-US');
    try {
      await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'qungui', version: 1, text: broken } });
      const [d] = await s.waitForDiagnostics(uri, (x) => x.length > 0);
      expect(d!.message).toBe('tests has no catch-all band: the last band must have no conditions, or members who meet none get no rating; add - rating: fail');
    } finally {
      await s.close();
    }
  }, 30_000);
});

describe('an editor that sends no locale gets the system language, as the CLI does', () => {
  for (const [env, language, expected] of [
    [{ LANG: 'zh_CN.UTF-8' }, 'zh_CN', '测试考核缺少兜底档'],
    [{ LANG: 'zh_TW.UTF-8' }, 'zh_TW', '測試考核缺少兜底檔'],
    [{ LANG: 'en_US.UTF-8' }, 'en_US', 'catch-all'],
    [{ LANG: '' }, 'nothing set', '测试考核缺少兜底档'],
  ] as const) {
    it(`LANG ${language}`, async () => {
      const s = await startServer('', { LC_ALL: '', LC_MESSAGES: '', ...env });
      try {
        await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'qungui', version: 1, text: broken } });
        const [d] = await s.waitForDiagnostics(uri, (list) => list.length > 0);
        expect(d!.message).toContain(expected);
      } finally {
        await s.close();
      }
    }, 30_000);
  }
});

describe('a client that asks for Traditional Chinese (zh-tw, zh-hk) gets it', () => {
  for (const tag of ['zh-tw', 'zh-HK']) {
    it(tag, async () => {
      const s = await startServer(tag);
      try {
        await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'qungui', version: 1, text: broken } });
        const [d] = await s.waitForDiagnostics(uri, (list) => list.length > 0);
        expect(d!.message).toContain('測試考核缺少兜底檔');
      } finally {
        await s.close();
      }
    }, 30_000);
  }
});
