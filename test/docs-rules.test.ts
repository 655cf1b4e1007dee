// Every diagnostic code has its page (docs/rules/<code>.md) in zh-CN and en, with a wrong and a right
// example — the link in every diagnostic (CLI, SARIF helpUri, LSP codeDescription) must not 404.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allDiagnosticCodes } from '../engine/src/policy/rules/index.js';

const docs = fileURLToPath(new URL('../docs/rules/', import.meta.url));

describe('docs/rules', () => {
  for (const code of allDiagnosticCodes) {
    it(`${code}.md has both languages and both examples`, () => {
      const file = `${docs}${code}.md`;
      expect(existsSync(file), `${file} is missing`).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith(`# ${code}\n`)).toBe(true);
      for (const heading of ['## 说明', '## 错误示例', '## 正确示例', '## Summary', '## Avoid', '## Prefer']) {
        expect(text, `${code}.md lacks "${heading}"`).toContain(`${heading}\n`);
      }
      expect((text.match(/```yaml\n/g) ?? []).length).toBeGreaterThanOrEqual(4);
    });
  }
});
