// The skip/require rule of the real-editor tests (support/gate.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { editorGate } from './support/gate.js';

describe('editorGate', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('runs when the tool is installed', () => {
    vi.stubEnv('QUNGUI_E2E', '');
    expect(editorGate('t', [process.execPath])).toEqual({ run: true });
  });

  it('skips with a printed notice when the tool is missing and QUNGUI_E2E is unset', () => {
    vi.stubEnv('QUNGUI_E2E', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(editorGate('Neovim e2e', ['/nonexistent/nvim'])).toEqual({ run: false });
    expect(warn).toHaveBeenCalledWith(
      '[skip] Neovim e2e: /nonexistent/nvim not installed; install it (apt-get install chromium neovim) or set QUNGUI_E2E=1 to require it.',
    );
    warn.mockRestore();
  });

  it('runs and fails with the reason when QUNGUI_E2E=1 demands a missing tool', () => {
    vi.stubEnv('QUNGUI_E2E', '1');
    expect(editorGate('Neovim e2e', ['/nonexistent/nvim'])).toEqual({
      run: true,
      missing: 'Neovim e2e: /nonexistent/nvim not installed, but QUNGUI_E2E=1 requires it (apt-get install chromium neovim)',
    });
  });
});
