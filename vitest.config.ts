import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['engine/test/**/*.test.ts', 'extension/test/**/*.test.ts', 'test/**/*.test.ts'],
    // A unit test takes well under a second; the ones that run programs (the CLI, an LSP server, a
    // browser, an editor) say how long they may take, next to what they run.
    testTimeout: 10_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
