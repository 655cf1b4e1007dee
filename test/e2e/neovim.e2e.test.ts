// A second real LSP client: Debian's Neovim 0.7.2 starts the bundled server over stdio
// (`node extension/dist/server.js --stdio`) and must see exactly what the CLI reports and what
// VS Code shows for the same file and the same edit (see support/scenario.ts).
// QUNGUI_E2E_SERVER=path runs the same probe against another server build.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { editorGate } from './support/gate.js';
import { ensureArtifactsDir, freshTempDir, serverBundle } from './support/paths.js';
import { buildScenario, examplesDir, scenarioRelativePath } from './support/scenario.js';

const NVIM = '/usr/bin/nvim';
const probe = fileURLToPath(new URL('./neovim/lsp-probe.lua', import.meta.url));
const gate = editorGate('Neovim e2e', [NVIM]);

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  code?: string;
  source?: string;
}
interface ProbeResult {
  error?: string;
  initial: NvimDiagnostic[];
  broken: NvimDiagnostic[];
  broken_lsp: {
    code: string;
    message: string;
    severity: number;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }[];
  completion: { label: string; kind?: number }[];
  completion_error?: unknown;
  diagnostic_ms: number;
}

describe.runIf(gate.run)('qungui in Neovim 0.7.2 over stdio', () => {
  it('gets the same diagnostics and rating-id completions as the CLI and VS Code', { timeout: 120_000 }, () => {
    if (gate.missing) throw new Error(gate.missing);
    const scenario = buildScenario();
    const home = freshTempDir('nvim');
    try {
      const workspace = join(home, 'examples');
      cpSync(examplesDir, workspace, { recursive: true });
      const resultFile = join(home, 'result.json');
      const xdg = (name: string) => {
        const dir = join(home, name);
        mkdirSync(dir, { recursive: true });
        return dir;
      };
      const run = spawnSync(NVIM, ['--headless', '--noplugin', '-i', 'NONE', '-u', 'NONE', scenarioRelativePath, '-c', `luafile ${probe}`], {
        cwd: workspace,
        encoding: 'utf8',
        timeout: 90_000,
        env: {
          ...process.env,
          HOME: home,
          XDG_CONFIG_HOME: xdg('config'),
          XDG_DATA_HOME: xdg('data'),
          XDG_STATE_HOME: xdg('state'),
          XDG_CACHE_HOME: xdg('cache'),
          QUNGUI_SERVER: process.env.QUNGUI_E2E_SERVER ?? serverBundle,
          QUNGUI_RESULT: resultFile,
          QUNGUI_SCENARIO: JSON.stringify(scenario),
        },
      });
      const result = JSON.parse(readFileSync(resultFile, 'utf8')) as ProbeResult;
      writeFileSync(join(ensureArtifactsDir(), 'neovim-result.json'), JSON.stringify(result, null, 2));
      expect(result.error, `${run.stdout}\n${run.stderr}`).toBeUndefined();

      expect(result.initial).toEqual([]);
      const { error } = scenario;
      const errors = result.broken_lsp.filter((d) => d.severity === 1);
      expect(errors.map((d) => ({ code: d.code, message: d.message, range: d.range }))).toEqual([
        {
          code: error.code,
          message: error.message['zh-CN'],
          range: {
            start: { line: error.range.start.line, character: error.range.start.character },
            end: { line: error.range.end.line, character: error.range.end.character },
          },
        },
      ]);
      // What vim.diagnostic shows the user: same place, same Chinese text.
      const shown = result.broken.filter((d) => d.severity === 1);
      expect(shown.map((d) => [d.lnum, d.col, d.end_lnum, d.end_col, d.message])).toEqual([
        [error.range.start.line, error.range.start.character, error.range.end.line, error.range.end.character, error.message['zh-CN']],
      ]);

      expect(result.completion_error).toBeUndefined();
      // The rating ids that start with what was typed: exactly the one we retyped.
      expect(result.completion.map((item) => item.label).filter((label) => label.startsWith(scenario.completePrefix))).toEqual([scenario.completeWord]);
      console.log(`neovim-e2e: diagnostic published ${Math.round(result.diagnostic_ms)} ms after the edit`);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
