// Bad input (issue 2): every broken file comes back as diagnostics with a location, never a throw.
import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { validatePolicy } from '../../src/policy/validate.js';
import { MAX_POLICY_BYTES } from '../../src/policy/load.js';
import { brief, diagnose, minimalPolicy } from './helpers.js';

describe('loading bad input', () => {
  it('the minimal policy is clean', () => {
    expect(diagnose(minimalPolicy)).toEqual([]);
  });

  it('reports a tab used for indentation at the tab', () => {
    const text = minimalPolicy.replace('  id: fixture', '\tid: fixture');
    const result = validatePolicy({ file: 't.yaml', text });
    expect(result.diagnostics.map(brief)).toContain('yaml-syntax 4:1-4:2');
    expect(result.diagnostics.find((d) => d.code === 'yaml-syntax')!.message['zh-CN']).toContain('制表符');
  });

  it('an unclosed flow collection at the end of the file is reported inside the text (found by the fuzz test)', () => {
    const text = `${minimalPolicy}ratings:\n  - { id: [`;
    const result = validatePolicy({ file: 't.yaml', text });
    const syntax = result.diagnostics.filter((d) => d.code === 'yaml-syntax');
    expect(syntax.length).toBeGreaterThan(0);
    for (const d of syntax) expect([d.range.startOffset <= text.length, d.range.endOffset <= text.length]).toEqual([true, true]);
  });

  it('reports a duplicate key at the second occurrence, naming the key and linking the first', () => {
    const text = minimalPolicy.replace('  name: 测试群\n', '  name: 测试群\n  name: 另一个\n');
    expect(diagnose(text)).toEqual(['duplicate-key 6:3-6:7']);
    const [d] = validatePolicy({ file: 't.yaml', text }).diagnostics;
    expect(d!.message).toEqual({
      'zh-CN': '键“name”重复：第 5 行已经写过；同一层级的键只能出现一次，只保留一处',
      'zh-TW': '鍵“name”重複：第 5 行已經寫過；同一層級的鍵只能出現一次，只保留一處',
      en: 'The key “name” is repeated: it is already written on line 5; keep one of them',
    });
    expect(d!.related!.map((r) => [r.file, brief({ ...d!, range: r.range }), r.message['zh-CN']])).toEqual([
      ['t.yaml', 'duplicate-key 5:3-5:7', '“name”第一次出现在这里'],
    ]);
  });

  it('a full-width colon after a key (Chinese input mode) is named at the colon, with a fix', () => {
    const text = minimalPolicy.replace('metadata:\n', 'metadata：\n');
    const result = validatePolicy({ file: 't.yaml', text });
    expect(result.diagnostics.map(brief)).toEqual(['yaml-syntax 3:9-3:10']);
    const [d] = result.diagnostics;
    expect(d!.message['zh-CN']).toBe('键“metadata”后面是全角冒号“：”；YAML 只认半角冒号“:”，后面再加一个空格');
    expect(d!.fix!.edits.map((e) => e.newText)).toEqual([':']);
    const fixed = `${text.slice(0, d!.fix!.edits[0]!.range.startOffset)}:${text.slice(d!.fix!.edits[0]!.range.endOffset)}`;
    expect(diagnose(fixed)).toEqual([]);
    // "id：fixture" (no space after it): the fix adds the space YAML needs.
    const inline = validatePolicy({ file: 't.yaml', text: minimalPolicy.replace('  id: fixture', '  id：fixture') });
    expect(inline.diagnostics.map(brief)).toEqual(['yaml-syntax 4:5-4:6']);
    expect(inline.diagnostics[0]!.fix!.edits[0]!.newText).toBe(': ');
  });

  it('refuses an alias bomb quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `${levels.join('\n')}\n`;
    const start = performance.now();
    const result = validatePolicy({ file: 'bomb.yaml', text });
    const elapsed = performance.now() - start;
    expect(result.diagnostics.map((d) => d.code)).toEqual(['alias-limit']);
    // The first alias of the file: `*a` on line 2.
    expect(result.diagnostics[0]!.range.start).toEqual({ line: 1, character: 7 });
    expect(elapsed).toBeLessThan(1000);
  });

  it('refuses a second YAML document at its start', () => {
    expect(diagnose(`${minimalPolicy}---\napiVersion: qungui/v1\n`)).toEqual(['multiple-documents 23:1-23:4']);
  });

  it('refuses an oversized file without parsing it', () => {
    const text = `${minimalPolicy}# ${'填'.repeat(MAX_POLICY_BYTES / 3 + 10)}\n`;
    const result = validatePolicy({ file: 'big.yaml', text });
    expect(result.diagnostics.map(brief)).toEqual(['file-too-large 1:1-1:1']);
    expect(result.diagnostics[0]!.message['zh-CN']).toMatch(/文件过大（\d+\.\d MB）/);
  });

  it('refuses binary content at the first bad byte', () => {
    const text = `apiVersion: qungui/v1\nkind: \u0000\u0001\u0002`;
    expect(diagnose(text)).toEqual(['binary-file 2:7-2:8']);
  });

  it('reports an empty or comment-only file', () => {
    expect(diagnose('')).toEqual(['empty-file 1:1-1:1']);
    expect(diagnose('# 只有注释\n\n')).toEqual(['empty-file 1:1-1:1']);
  });

  it('a policy under many comment lines (with # inside them) is read in linear time', () => {
    const comments = '# 说明 # 第二段 # 第三段\n'.repeat(200);
    expect(diagnose(comments + minimalPolicy)).toEqual([]);
    expect(diagnose(comments)).toEqual(['empty-file 1:1-1:1']);
  });

  it('reports a policy that is a list or a scalar', () => {
    expect(diagnose('- apiVersion: qungui/v1\n- kind: x\n')).toEqual(['not-a-mapping 1:1-1:24']);
    expect(diagnose('just some words\n')).toEqual(['not-a-mapping 1:1-1:16']);
  });

  it('reports a wrong apiVersion with the one allowed value', () => {
    const text = minimalPolicy.replace('qungui/v1', 'qungui/v2');
    const result = validatePolicy({ file: 't.yaml', text });
    expect(result.diagnostics.map(brief)).toEqual(['invalid-value 1:13-1:22']);
    expect(result.diagnostics[0]!.fix?.edits[0]?.newText).toBe('qungui/v1');
  });

  it('handles a 50k-line file without throwing', () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `        - 术语${i}`).join('\n');
    const text = minimalPolicy.replace(
      'outcomes:',
      `content:\n  categories:\n    - id: big\n      label: 大词库\n      clause: N4\n      terms:\n${lines}\noutcomes:`,
    );
    const result = validatePolicy({ file: 'huge.yaml', text });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
