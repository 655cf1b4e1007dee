// Every editor feature over real LSP JSON-RPC (stdio, bundled server): quick fixes for six codes that
// leave a clean policy once applied, folding, category-id navigation and rename (with a refused bad
// name), hover and snippets in English, the qungui.locale setting overriding the client's language.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validatePolicy } from '../../../engine/src/policy/validate.js';
import { startServer, type LspSession } from './lsp-client.js';

const examplePath = fileURLToPath(new URL('../../../examples/policies/onboarding.qungui.yaml', import.meta.url));
const example = readFileSync(examplePath, 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
const position = (text: string, needle: string, delta = 0) => {
  const line = lineOf(text, needle);
  return { line, character: text.split('\n')[line]!.indexOf(needle) + delta };
};
let docs = 0;
const uriFor = () => pathToFileURL(examplePath.replace('onboarding', `features-${docs++}`)).href;

interface Action {
  title: string;
  edit: { changes: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> };
}

/** [case, broken text, code, quick-fix title (zh-CN)] — each fix must leave a policy with no diagnostics. */
const quickFixes: [string, string, string, string][] = [
  [
    'reorder bands',
    example.replace(
      '      - { rating: excellent, min: 90 }\n      - { rating: good, min: 80 }',
      '      - { rating: good, min: 80 }\n      - { rating: excellent, min: 90 }',
    ),
    'band-order',
    '按评级从高到低重新排列档位',
  ],
  [
    'add the catch-all band',
    example.replace('      - { rating: pass, min: 60 }\n      - { rating: fail }\n  participation', '      - { rating: pass, min: 60 }\n  participation'),
    'missing-catch-all',
    '添加兜底档 rating: fail',
  ],
  ["add a rating's points", example.replace('    good: 2\n', ''), 'rating-without-points', '在 outcomes.points 中加入 good: 0'],
  ['remove a duplicate term', example.replace('terms: [废物, 蠢货, 白痴', 'terms: [废物, 蠢货, 废物, 白痴'), 'duplicate-term', '删除重复的词语 “废物”'],
  ['replace an unknown id', example.replace('countCategories: [insult, ads, rumor]', 'countCategories: [insult, adz, rumor]'), 'unknown-id', '改为 “ads”'],
  ['fix a time zone', example.replace('timezone: Asia/Shanghai', 'timezone: Asia/Shangai'), 'invalid-timezone', '改为 Asia/Shanghai'],
  // Names Chinese authors write for China time: Asia/Shanghai, never Asia/Beirut (UTC+2) by spelling.
  ['Asia/Beijing is China time', example.replace('timezone: Asia/Shanghai', 'timezone: Asia/Beijing'), 'invalid-timezone', '改为 Asia/Shanghai'],
  ['CST is not taken as America/Chicago', example.replace('timezone: Asia/Shanghai', 'timezone: CST'), 'invalid-timezone', '改为 Asia/Shanghai'],
  ['北京时间', example.replace('timezone: Asia/Shanghai', 'timezone: 北京时间'), 'invalid-timezone', '改为 Asia/Shanghai'],
];

describe('LSP features (zh-CN)', () => {
  let s: LspSession;
  const opened: string[] = [];
  /** Opens a fresh document; closed after the test, so no two copies of one policy meet in cross-file checks. */
  const open = async (text: string) => {
    const uri = uriFor();
    opened.push(uri);
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'qungui', version: 1, text } });
    return uri;
  };
  beforeAll(async () => {
    s = await startServer('zh-CN');
  }, 30_000);
  afterEach(async () => {
    for (const uri of opened.splice(0)) await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(quickFixes)('quick fix: %s', async (_name, broken, code, title) => {
    const uri = await open(broken);
    const diagnostics = await s.waitForDiagnostics(uri, (d) => d.length > 0);
    expect(diagnostics.map((d) => d.code)).toEqual([code]);
    const actions = (await s.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    })) as Action[];
    expect(actions.map((a) => a.title)).toEqual([title]);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'qungui', 1, broken), actions[0]!.edit.changes[uri]!);
    expect(validatePolicy({ file: examplePath, text: fixed }).diagnostics).toEqual([]);
    // Sent back as an edit, the server agrees: no diagnostics left.
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    expect(await s.waitForDiagnostics(uri, (d) => d.length === 0)).toEqual([]);
  });

  it('an unclosed quote is reported at the quote, over LSP, and its fix closes it', async () => {
    const broken = example.replace('  name: 2026 届新员工入职培训群\n', '  name: "2026 届新员工入职培训群\n');
    const uri = await open(broken);
    const diagnostics = await s.waitForDiagnostics(uri, (d) => d.length > 0);
    const quote = position(broken, '"2026 届');
    expect(diagnostics.map((d) => [d.code, d.range])).toEqual([['yaml-syntax', { start: quote, end: { line: quote.line, character: quote.character + 1 } }]]);
    expect(diagnostics[0]!.message).toBe(`第 ${quote.line + 1} 行的双引号 " 没有闭合：后面的内容都被当成了这个字符串的一部分`);
    const actions = (await s.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    })) as Action[];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'qungui', 1, broken), actions[0]!.edit.changes[uri]!);
    expect(fixed).toBe(example.replace('  name: 2026 届新员工入职培训群\n', '  name: "2026 届新员工入职培训群"\n'));
  });

  it('quick fix from the server: declare an action that is used but not declared', async () => {
    const broken = example.replace('fail: [retake, coaching]', 'fail: [retake, coaching, mentoring]');
    const uri = await open(broken);
    const diagnostics = await s.waitForDiagnostics(uri, (d) => d.length > 0);
    expect(diagnostics.map((d) => [d.code, d.range.start])).toEqual([['unknown-id', position(broken, 'mentoring]')]]);
    const actions = (await s.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    })) as Action[];
    expect(actions.map((a) => a.title)).toEqual(['在 outcomes.actions 中声明措施 “mentoring”']);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'qungui', 1, broken), actions[0]!.edit.changes[uri]!);
    expect(fixed).toBe(broken.replace('labelEn: Handover and removal }\n', 'labelEn: Handover and removal }\n    - { id: mentoring, label: mentoring }\n'));
    expect(validatePolicy({ file: examplePath, text: fixed }).diagnostics).toEqual([]);
  });

  it('declaring a rating appends it in block style to a block list, after the typo fix when there is one', async () => {
    const blockRatings = example.replace(/^ {2}- \{ id: (\w+), label: (\S+), labelEn: (\w+) \}/gm, '  - id: $1\n    label: $2\n    labelEn: $3');
    const broken = blockRatings.replace('    rating: fail\n    afterConsecutive', '    rating: faill\n    afterConsecutive');
    const uri = await open(broken);
    const diagnostics = await s.waitForDiagnostics(uri, (d) => d.length > 0);
    expect(diagnostics.map((d) => d.code)).toEqual(['unknown-id']);
    const actions = (await s.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    })) as Action[];
    expect(actions.map((a) => a.title)).toEqual(['改为 “fail”', '在 ratings 中声明评级 “faill”']);
    const declared = TextDocument.applyEdits(TextDocument.create(uri, 'qungui', 1, broken), actions[1]!.edit.changes[uri]!);
    expect(declared).toBe(broken.replace('    labelEn: Fail\n', '    labelEn: Fail\n  - id: faill\n    label: faill\n'));
    // The new rating still needs its points: the next diagnostic leads on (with its own fix).
    expect(validatePolicy({ file: examplePath, text: declared }).diagnostics.map((d) => d.code)).toContain('rating-without-points');
  });

  it('no quick fix where no diagnostic is', async () => {
    const uri = await open(example);
    const actions = await s.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
      context: { diagnostics: [] },
    });
    expect(actions).toEqual([]);
  });

  it('folds sections and multi-line list items', async () => {
    const uri = await open(example);
    const ranges = (await s.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as { startLine: number; endLine: number }[];
    // metadata: lines 4–10 (1-based) → 3–9; the insult category item: its 6 lines.
    expect(ranges).toContainEqual({ startLine: lineOf(example, 'metadata:'), endLine: lineOf(example, '  description: 新员工') });
    const insult = lineOf(example, '- id: insult');
    expect(ranges).toContainEqual({ startLine: insult, endLine: insult + 5 });
    expect(ranges).toContainEqual({ startLine: lineOf(example, 'outcomes:'), endLine: lineOf(example, 'action: reassign') });
    // Single-line flow items (`- { id: good, … }`) do not fold.
    expect(ranges.some((r) => r.startLine === lineOf(example, '{ id: good,'))).toBe(false);
  });

  it('definition, references and rename of a category id (countCategories → content.categories)', async () => {
    const uri = await open(example);
    const use = position(example, 'ads, rumor]', 1);
    const definition = (await s.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: use })) as {
      uri: string;
      range: unknown;
    }[];
    const declared = position(example, '- id: ads', 6);
    expect(definition).toEqual([{ uri, range: { start: declared, end: { line: declared.line, character: declared.character + 3 } } }]);
    const refs = (await s.connection.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: use,
      context: { includeDeclaration: false },
    })) as { range: { start: unknown } }[];
    expect(refs.map((r) => r.range.start)).toEqual([position(example, 'ads, rumor]')]);
    const prepared = await s.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: use });
    expect(prepared).toEqual({ range: { start: position(example, 'ads, rumor]'), end: position(example, ', rumor]') }, placeholder: 'ads' });
    const edit = (await s.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: use, newName: 'advertising' })) as Action['edit'];
    const renamed = TextDocument.applyEdits(TextDocument.create(uri, 'qungui', 1, example), edit.changes[uri]!);
    expect(renamed).toBe(example.replace('- id: ads', '- id: advertising').replace('[insult, ads, rumor]', '[insult, advertising, rumor]'));
    expect(validatePolicy({ file: examplePath, text: renamed }).diagnostics).toEqual([]);
    // An invalid id is refused with a Chinese message, not applied.
    await expect(s.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: use, newName: '广告' })).rejects.toThrow(
      '“广告” 不是有效的标识',
    );
    // A name already declared is refused too: the rename would merge two categories.
    await expect(s.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: use, newName: 'rumor' })).rejects.toThrow(
      '“rumor” 已经声明过了：改名会把两个内容类别合成一个；请换一个名称',
    );
    // Nothing to rename on a plain key.
    expect(await s.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: position(example, 'inactiveDays') })).toBeNull();
  });

  it('go to definition of an action id (followUp → outcomes.actions)', async () => {
    const uri = await open(example);
    const definition = (await s.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: position(example, 'coaching]', 2) })) as {
      range: { start: unknown };
    }[];
    expect(definition.map((d) => d.range.start)).toEqual([position(example, 'coaching, label')]);
  });

  it('completes category ids in countCategories and action ids in followUp', async () => {
    const uri = await open(example);
    const categories = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: position(example, 'ads, rumor]') })) as {
      label: string;
    }[];
    expect(categories.map((i) => i.label)).toEqual(['insult', 'mockery', 'ads', 'rumor', 'confidential']);
    const actions = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: position(example, 'coaching]') })) as {
      label: string;
    }[];
    expect(actions.map((i) => i.label)).toEqual(['advanced-training', 'retake', 'coaching', 'reassign', 'handover']);
    // A half-typed id with a dash is replaced whole.
    const typed = example.replace('excellent: [advanced-training]', 'excellent: [advanced-tr]');
    const typedUri = await open(typed);
    const end = position(typed, 'advanced-tr]', 11);
    const [first] = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri: typedUri }, position: end })) as {
      label: string;
      textEdit: { range: unknown; newText: string };
    }[];
    expect(first!.textEdit).toEqual({ range: { start: position(typed, 'advanced-tr]'), end }, newText: 'advanced-training' });
    // Keys inside a flow mapping below a sibling key (`method: weighted` above `weights: { … }`): on the
    // key being typed over, that key (the other two are set already).
    const weights = (await s.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: position(example, 'tests: 0.4, participation'),
    })) as { label: string }[];
    expect(weights.map((i) => i.label)).toEqual(['tests']);
  });

  it('completes only the keys a mapping does not have yet (block list item, flow band, rating-keyed points)', async () => {
    const text = example
      .replace('      terms: [废物, 蠢货, 白痴, 脑残, 滚蛋, 傻逼]\n', '      terms: [废物, 蠢货, 白痴, 脑残, 滚蛋, 傻逼]\n      \n')
      .replace('      - { rating: fail }\n  participation', '      - { rating: fail,  }\n  participation')
      .replace('    good: 2\n', '    \n');
    const uri = await open(text);
    const complete = async (pos: { line: number; character: number }) =>
      ((await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos })) as { label: string }[]).map((i) => i.label);
    expect(await complete({ line: lineOf(text, 'terms: [废物') + 1, character: 6 })).toEqual(['exemptible', 'confidential', 'patterns']);
    expect(await complete(position(text, '{ rating: fail,  }', 16))).toEqual(['min', 'when', 'note']);
    expect(await complete({ line: lineOf(text, '    excellent: 5') + 1, character: 4 })).toEqual(['good']);
  });

  it('hover on a metric (as `metric:` and as a band threshold key): what it measures, its range', async () => {
    const uri = await open(example);
    const hover = async (pos: { line: number; character: number }) =>
      ((await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos })) as { contents: { value: string } } | null)?.contents
        .value;
    const accuracy =
      "**accuracy** — 准确率（指标，0–100）\n\n本月已评分作业的平均准确率（0–100）。\n\n*Mean accuracy of the month's graded submissions, 0–100.*";
    expect(await hover(position(example, 'metric: accuracy', 10))).toBe(accuracy);
    expect(await hover(position(example, 'accuracy: 90, completeness', 2))).toBe(accuracy);
    // A metric name outside `metric:` and band thresholds is not a metric (`score` under ratings is the
    // rating's own property): the property's docs are shown instead.
    const text = example.replace('{ id: good, label: 良好, labelEn: Good }', '{ id: good, label: 良好, labelEn: Good, score: 70 }');
    const withScore = await open(text);
    const scoreHover = (
      (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: withScore }, position: position(text, 'score: 70', 2) })) as {
        contents: { value: string };
      }
    ).contents.value;
    expect(scoreHover.split('\n')[0]).toBe('**score** — 评级分值');
  });

  it('offers the new-policy skeleton in an empty file, and the skeleton validates', async () => {
    const uri = uriFor();
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'qungui', version: 1, text: '' } });
    const items = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } })) as {
      label: string;
      insertText?: string;
    }[];
    const skeleton = items.find((i) => i.label === '新群规骨架');
    expect(skeleton).toBeDefined();
    // Snippet placeholders resolved to their defaults, as an editor would insert them.
    const inserted = skeleton!.insertText!.replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1');
    expect(validatePolicy({ file: 'new.qungui.yaml', text: inserted }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('offers a band-table snippet under an assessment dimension, using the declared ratings', async () => {
    const text = example.replace('  tests:\n    bands:', '  tests:\n    \n    bands:');
    const uri = await open(text);
    const line = lineOf(text, '  tests:') + 1;
    const items = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 } })) as {
      label: string;
      insertText?: string;
    }[];
    const snippet = items.find((i) => i.label === '档位表（bands）');
    expect(snippet?.insertText).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an LSP snippet's ${n:default} placeholders.
      'bands:\n  - { rating: excellent, min: ${1:90} }\n  - { rating: good, min: ${2:80} }\n  - { rating: pass, min: ${3:60} }\n  - { rating: fail }',
    );
  });
});

describe('LSP features (en) and the qungui.locale setting', () => {
  it('hover and key completion in English; qungui.locale: zh-CN then switches the diagnostics to Chinese', async () => {
    const s = await startServer('en-GB');
    try {
      const uri = uriFor();
      const broken = example.replace('timezone: Asia/Shanghai', 'timezone: Asia/Shangai');
      await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'qungui', version: 1, text: broken } });
      const [d] = await s.waitForDiagnostics(uri, (x) => x.length > 0);
      expect(d!.message).toBe("'Asia/Shangai' is not a valid IANA time zone; did you mean 'Asia/Shanghai'?");
      expect(d!.range).toEqual({ start: { line: 7, character: 12 }, end: { line: 7, character: 24 } });
      const hover = (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: position(broken, 'inactiveDays', 3) })) as {
        contents: { value: string };
      };
      expect(hover.contents.value.split('\n')[0]).toBe('**inactiveDays**');
      expect(hover.contents.value).toContain('Clauses:');
      expect(hover.contents.value).toContain('**M5**');
      const hoverId = (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: position(broken, 'good, min: 80', 1) })) as {
        contents: { value: string };
      };
      expect(hoverId.contents.value).toBe(`rating **good**, declared on line ${lineOf(broken, '{ id: good,') + 1}`);
      await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { qungui: { locale: 'zh-CN' } } });
      const [zh] = await s.waitForDiagnostics(uri, (x) => x[0]?.message.startsWith('“Asia/Shangai”') ?? false);
      expect(zh!.message).toBe('“Asia/Shangai” 不是有效的 IANA 时区名；您是不是要写 “Asia/Shanghai”？');
      // Back to auto: the client's language again.
      await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { qungui: { locale: 'auto' } } });
      const [en] = await s.waitForDiagnostics(uri, (x) => x[0]?.message.startsWith("'Asia") ?? false);
      expect(en!.code).toBe('invalid-timezone');
    } finally {
      await s.close();
    }
  }, 30_000);
});
