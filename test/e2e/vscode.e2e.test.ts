// The extension in real VS Code: code-server 4.100.3 (Code 1.100.3) driven in Debian's Chromium.
// Installs the packaged .vsix, opens examples/, breaks a band threshold, and checks what a training
// officer sees: the red squiggle, the Chinese message in Problems, the quick fix that removes it,
// and rating-id completion. Screenshots go to test-artifacts/e2e/.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ensureCodeServer } from './support/code-server-install.js';
import { quietSettings, startCodeServer } from './support/code-server-session.js';
import { editorGate } from './support/gate.js';
import { ensureArtifactsDir, freshTempDir } from './support/paths.js';
import { buildScenario, examplesDir, scenarioFileName } from './support/scenario.js';
import { packageVsix } from './support/vsix.js';
import {
  chromiumArgs,
  editorLines,
  errorSquiggles,
  goTo,
  notification,
  openFileByName,
  renderedLine,
  runFromPalette,
  showProblems,
  suggestionRow,
  takeQuickFix,
} from './support/vscode-page.js';

const CHROMIUM = '/usr/bin/chromium';
const gate = editorGate('VS Code e2e (code-server + Chromium)', [CHROMIUM]);

describe.runIf(gate.run)('qungui in real VS Code (code-server 4.100.3 + Chromium)', () => {
  // A fresh code-server install takes about 3 minutes; a cached run about 30 s.
  it('flags a broken threshold in Chinese, quick-fixes it, completes a rating id and fixes its misspelling', { timeout: 15 * 60_000 }, async () => {
    if (gate.missing) throw new Error(gate.missing);
    const scenario = buildScenario();
    const artifacts = ensureArtifactsDir();
    const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `vscode-${name}.png`) });

    const entry = ensureCodeServer();
    const vsix = packageVsix();
    const home = freshTempDir('vscode');
    const workspace = join(home, 'examples');
    cpSync(examplesDir, workspace, { recursive: true });
    const session = await startCodeServer({
      entry,
      vsix,
      home,
      settings: { ...quietSettings, 'qungui.locale': 'zh-CN', 'qungui.sampleData': join(workspace, 'data/2026-10') },
    });
    const browser = await chromium.launchPersistentContext(join(home, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1600, height: 1000 },
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    try {
      await page.goto(`${session.url}/?folder=${workspace}`);
      await openFileByName(page, scenarioFileName);
      await shot(page, '1-opened');

      // 1. Give the catch-all band a threshold: the error must appear as a squiggle and in Problems.
      await goTo(page, scenario.breakAt);
      // One input event (like a paste), so the timing below measures the answer to the final text,
      // not to a half-typed intermediate one.
      const typedAt = Date.now();
      await page.keyboard.insertText(scenario.breakText);
      await errorSquiggles(page).first().waitFor({ timeout: 20_000 });
      const diagnosticMs = Date.now() - typedAt;
      await page.keyboard.press('Escape');
      await shot(page, '2-error-squiggle');
      const problems = await showProblems(page);
      const { start } = scenario.error.range;
      const entryRow = problems.locator('.monaco-tl-row', { hasText: scenario.error.message['zh-CN'] });
      await entryRow.first().waitFor();
      await expect.poll(() => entryRow.first().textContent()).toContain(`[Ln ${start.line + 1}, Col ${start.character + 1}]`);
      expect(await entryRow.first().textContent()).toContain(scenario.error.code);
      await shot(page, '3-problems-zh-CN');

      // 2. The quick fix adds the catch-all band back; the error goes away.
      await editorLines(page).click();
      await goTo(page, start);
      await takeQuickFix(page, scenario.error.fix!.title['zh-CN']);
      await expect.poll(() => errorSquiggles(page).count(), { timeout: 20_000 }).toBe(0);
      await expect.poll(() => entryRow.count(), { timeout: 10_000 }).toBe(0);
      const catchAllLine = scenario.fixed.split('\n')[scenario.breakAt.line + 1]!;
      expect(await renderedLine(page, catchAllLine.trim())).toBe(catchAllLine);
      await shot(page, '4-quick-fixed');

      // 3. Retype the rating id "good" from "go" and take the completion.
      const { completeAt, completeWord, completePrefix } = scenario;
      await goTo(page, completeAt);
      for (let i = 0; i < completeWord.length; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type(completePrefix);
      await page.keyboard.press('Escape');
      const row = await suggestionRow(page, completeWord);
      await shot(page, '5-completion');
      await row.click();
      const originalLine = scenario.original.split('\n')[completeAt.line]!;
      await expect.poll(() => renderedLine(page, originalLine.trim())).toBe(originalLine);
      await expect.poll(() => errorSquiggles(page).count(), { timeout: 10_000 }).toBe(0);
      await shot(page, '6-completed');

      // 4. Misspell it: unknown-id, in Chinese, and its quick fix puts the declared id back.
      await goTo(page, completeAt);
      for (let i = 0; i < completeWord.length; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type(scenario.typo);
      await page.keyboard.press('Escape');
      await errorSquiggles(page).first().waitFor({ timeout: 20_000 });
      const typoRow = problems.locator('.monaco-tl-row', { hasText: scenario.typoError.message['zh-CN'] });
      await typoRow.first().waitFor();
      await shot(page, '7-unknown-id');
      await goTo(page, completeAt);
      await takeQuickFix(page, scenario.typoError.fix!.title['zh-CN']);
      await expect.poll(() => renderedLine(page, originalLine.trim())).toBe(originalLine);
      await expect.poll(() => errorSquiggles(page).count(), { timeout: 20_000 }).toBe(0);
      await shot(page, '8-unknown-id-fixed');

      // 5. The palette command (offered because the server advertises it) reports a clean workspace.
      await runFromPalette(page, 'Validate workspace policies');
      await notification(page, /Checked [1-9]\d* policies: 0 errors, 0 warnings\./).waitFor({ timeout: 20_000 });
      await page.waitForTimeout(500); // let the toast finish sliding in, for a legible screenshot
      await shot(page, '9-validate-workspace');

      // 6. "Render regulation document": a live preview beside the editor, the page `qungui render` makes.
      await runFromPalette(page, 'Render regulation document');
      await page.locator('.tab', { hasText: 'Regulation:' }).first().waitFor({ timeout: 20_000 });
      const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await expect.poll(() => preview.locator('h1').first().textContent(), { timeout: 20_000 }).toContain('管理制度');
      await shot(page, '10-regulation-preview');
      // It follows the editing: rename the group in the editor, the preview's title follows.
      await page.locator('.tab', { hasText: 'onboarding.qungui.yaml' }).first().click();
      const nameLine = scenario.original.split('\n').findIndex((l) => l.startsWith('  name: '));
      await goTo(page, { line: nameLine, character: '  name: '.length });
      await page.keyboard.type('春季');
      await expect.poll(() => preview.locator('h1').first().textContent(), { timeout: 20_000 }).toContain('春季');
      await shot(page, '11-regulation-preview-updated');

      // 7. "Evaluate on sample data": the results view beside the editor, on the example month.
      await page.locator('.tab', { hasText: 'onboarding.qungui.yaml' }).first().click();
      await runFromPalette(page, 'Evaluate on sample data');
      await page.locator('.tab', { hasText: 'Sample data:' }).first().waitFor({ timeout: 30_000 });
      const results = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      await expect.poll(() => results.locator('h1').first().textContent(), { timeout: 30_000 }).toContain('样例数据 2026-10 上的结果');
      await shot(page, '12-sample-results');
      console.log(`vscode-e2e: diagnostic shown ${diagnosticMs} ms after typing`);
    } catch (error) {
      await shot(page, 'failure').catch(() => undefined);
      throw error;
    } finally {
      await browser.close();
      session.saveLogs(join(artifacts, 'vscode-logs'));
      await session.stop();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
