// Whether a real-editor test runs. QUNGUI_E2E=1 (CI, `npm run test:e2e`) makes it mandatory: a
// missing browser or editor is then a failure, not a skip. Without it the test runs when the tool
// is installed and is skipped with a printed notice when it is not, so `npm test` works anywhere.
import { existsSync } from 'node:fs';

export interface EditorGate {
  run: boolean;
  /** Set when the tool is missing but QUNGUI_E2E=1 demands the test: the test fails with this. */
  missing?: string;
}

export function editorGate(testName: string, tools: readonly string[]): EditorGate {
  const absent = tools.filter((tool) => !existsSync(tool));
  if (absent.length === 0) return { run: true };
  const mandatory = process.env.QUNGUI_E2E === '1';
  const what = `${testName}: ${absent.join(', ')} not installed`;
  if (mandatory) return { run: true, missing: `${what}, but QUNGUI_E2E=1 requires it (apt-get install chromium neovim)` };
  console.warn(`[skip] ${what}; install it (apt-get install chromium neovim) or set QUNGUI_E2E=1 to require it.`);
  return { run: false };
}
